// The emulator in its own process (tsx), driven over IPC, so that its CPU work (it filters 10,000
// instances per call) is not done on the event loop of the client being measured.
// Messages in: {id, op: 'calls' | 'resetCalls' | 'faults' | 'instances' | 'close', faults?}.
// Messages out: {ready: address} once, then {id, result}.
import { startEmulator, type EmulatorOptions, type Faults } from '../../test/emulator';

type Request = { id: number; op: 'calls' | 'resetCalls' | 'faults' | 'instances' | 'close'; faults?: Partial<Faults> };

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2]) as EmulatorOptions;
  const emulator = await startEmulator({ port: 0, metadataPort: 0, ...options });
  const send = (message: unknown) => process.send!(message);
  process.on('message', (raw) => {
    const request = raw as Request;
    switch (request.op) {
      case 'calls':
        return send({ id: request.id, result: emulator.calls });
      case 'resetCalls':
        emulator.resetCalls();
        return send({ id: request.id, result: null });
      case 'faults':
        Object.assign(emulator.faults, request.faults);
        return send({ id: request.id, result: null });
      case 'instances':
        return send({ id: request.id, result: [...emulator.account.instances.values()].map((i) => [i.id, i.region]) });
      case 'close':
        void emulator.close().then(() => {
          send({ id: request.id, result: null });
          process.disconnect();
        });
    }
  });
  send({ ready: { api: emulator.api, metadata: emulator.metadata, accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret } });
}

void main();
