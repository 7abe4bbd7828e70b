// The one network probe of Diagnose (src/cloud/networkProbe.ts): DNS, TCP and the clock against the
// server's Date header, against the emulator and a closed port.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as net from 'node:net';
import { startEmulator, type Emulator } from '../emulator';
import { nodeNetworkProbe } from '../../src/cloud';

let emulator: Emulator;
before(async () => {
  emulator = await startEmulator({ port: 0, metadataPort: 0, scenario: 'empty' });
});
after(() => emulator.close());

const errorCode = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: { code?: string }) => error.code);

test('a reachable endpoint: resolved, connected, clock compared with the server', async () => {
  const url = new URL(emulator.api);
  const resolved = await nodeNetworkProbe.resolve(url.hostname);
  assert.deepEqual(resolved.addresses, ['127.0.0.1']);
  const connected = await nodeNetworkProbe.connect(url.hostname, Number(url.port), 2000);
  assert.ok(connected.ms >= 0);
  const date = await nodeNetworkProbe.serviceDate(url.origin, 2000);
  assert.ok(date.dateMs !== undefined, 'the server sent a Date header');
  // The header has one-second resolution.
  const skew = date.localMs - date.dateMs;
  assert.ok(Math.abs(skew) < 5_000, `skew ${skew}`);
});

test('nothing listening, and a name that does not resolve', async () => {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  assert.equal(await errorCode(nodeNetworkProbe.connect('127.0.0.1', port, 2000)), 'ECONNREFUSED');
  assert.equal(await errorCode(nodeNetworkProbe.serviceDate(`http://127.0.0.1:${port}`, 2000)), 'ECONNREFUSED');
  const unknown = await errorCode(nodeNetworkProbe.resolve('kms-vpc.cn-hangzhou.example.invalid'));
  assert.ok(unknown === 'ENOTFOUND' || unknown === 'EAI_AGAIN', unknown);
});
