// A loopback pass-through in front of the emulator's API that writes down when each call started and
// was answered (the emulator counts calls by action but keeps no times). The extension's endpoints
// point at it; it forwards every request unchanged (the Host header too, which the signature covers)
// and the emulator still verifies and answers it, injected latency included.
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  readonly action: string;
  /** The API version, which names the service (RAM 2015-05-01, STS 2015-04-01, ECS 2014-05-26, KMS 2016-01-20). */
  readonly version: string;
  /**
   * Epoch milliseconds with sub-ms precision (performance.timeOrigin + now(), comparable with a page's
   * clock) when the request arrived and when its answer was sent on.
   */
  readonly startMs: number;
  readonly endMs: number;
  readonly status: number;
}

export interface CallRecorder {
  /** `http://127.0.0.1:PORT`, to use as every service endpoint. */
  readonly url: string;
  readonly calls: RecordedCall[];
  /** Calls forwarded and not yet answered. */
  inFlight(): number;
  close(): Promise<void>;
}

/** An API parameter as the emulator reads it: the ACS3 header (x-acs-action), or the RPC query parameter (KMS). */
function apiParameter(req: IncomingMessage, name: 'Action' | 'Version'): string {
  const header = req.headers[`x-acs-${name.toLowerCase()}`];
  if (typeof header === 'string' && header) return header;
  return new URL(req.url ?? '/', 'http://x').searchParams.get(name) ?? '?';
}

export async function startCallRecorder(target: string): Promise<CallRecorder> {
  const upstream = new URL(target);
  const calls: RecordedCall[] = [];
  let open = 0;
  const now = () => performance.timeOrigin + performance.now();
  const server: Server = createServer((req, res) => {
    const startMs = now();
    const action = apiParameter(req, 'Action');
    const version = apiParameter(req, 'Version');
    open++;
    const forward = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('end', () => {
          open--;
          calls.push({ action, version, startMs, endMs: now(), status: answer.statusCode ?? 0 });
        });
      },
    );
    forward.on('error', () => {
      open--;
      res.destroy();
    });
    req.pipe(forward);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    inFlight: () => open,
    close: () => new Promise((done) => {
      server.close(() => done());
      server.closeAllConnections();
    }),
  };
}

/**
 * The calls on the critical path of something that ended at `untilMs`: the longest chain of calls, each
 * starting after the previous one was answered, among those answered by then (calls that overlap ran
 * in parallel and cost the time of one). Give it only the calls the thing depends on: two unrelated
 * calls that happen not to overlap would otherwise count as a chain.
 */
export function criticalChain(calls: readonly RecordedCall[], untilMs = Infinity): RecordedCall[] {
  const done = calls.filter((call) => call.endMs <= untilMs).sort((a, b) => a.endMs - b.endMs);
  // best[i]: the longest chain ending with done[i] (calls sorted by their answer, so every predecessor comes first).
  const best: RecordedCall[][] = [];
  for (const [i, call] of done.entries()) {
    let longest: RecordedCall[] = [];
    for (let j = 0; j < i; j++) if (done[j].endMs <= call.startMs && best[j].length > longest.length) longest = best[j];
    best.push([...longest, call]);
  }
  // Of the longest chains, the one answered last: it is the one the paint waited for (the other GetRoles
  // of a first screen run beside the first one answered).
  return best.reduce<RecordedCall[]>((a, b) => (b.length > a.length || (b.length === a.length && b.length > 0 && b[b.length - 1].endMs >= a[a.length - 1].endMs) ? b : a), []);
}
