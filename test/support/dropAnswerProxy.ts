// A loopback proxy in front of the emulator that can lose answers the way a flaky network does: the
// request is forwarded, the emulator ACTS on it and answers, and then the proxy destroys the client's
// socket instead of passing the answer on (the client sees a connection reset after the server changed
// state). Tests use it to prove that a mutating call whose answer was lost is reported as what really
// happened, not as "failed". Imports nothing from src/ (like the emulator), so the two cannot share a bug.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DropAnswerProxy {
  /** `http://127.0.0.1:port`, the form the emulator's own address takes (the endpoint settings accept it). */
  readonly endpoint: string;
  /** Lose the answers of the next `times` requests of this API action (e.g. 'DeleteRole'). */
  dropNext(action: string, times?: number): void;
  /** Stop losing answers (the rest of the plan is forgotten). */
  clear(): void;
  /** The actions whose answers were lost, in order. */
  readonly dropped: string[];
  /** Every action forwarded, in order (answered or not). */
  readonly forwarded: string[];
  close(): Promise<void>;
}

/** The API action of a signed request: ACS3 names it in a header, the RPC style in the query or the form body. */
export function actionOf(req: http.IncomingMessage, body: Buffer): string {
  const header = req.headers['x-acs-action'];
  if (typeof header === 'string' && header) return header;
  const url = new URL(req.url ?? '/', 'http://proxy');
  const fromQuery = url.searchParams.get('Action');
  if (fromQuery) return fromQuery;
  return new URLSearchParams(body.toString('utf8')).get('Action') ?? '';
}

/** Starts the proxy on 127.0.0.1 (a free port) forwarding to `target` (`host:port` or `http://host:port`). */
export async function startDropAnswerProxy(target: string): Promise<DropAnswerProxy> {
  const upstream = new URL(target.includes('://') ? target : `http://${target}`);
  const plan = new Map<string, number>();
  const dropped: string[] = [];
  const forwarded: string[] = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const action = actionOf(req, body);
      forwarded.push(action);
      const left = plan.get(action) ?? 0;
      const drop = left > 0;
      if (drop) plan.set(action, left - 1);
      // The Host header is passed on unchanged: the signature covers it.
      const out = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (c: Buffer) => parts.push(c));
        answer.on('end', () => {
          if (drop) {
            // The emulator has acted and answered: the client never hears of it.
            dropped.push(action);
            req.socket.destroy();
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(parts));
        });
      });
      out.on('error', () => req.socket.destroy());
      out.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    dropNext(action: string, times = 1) {
      plan.set(action, (plan.get(action) ?? 0) + times);
    },
    clear() {
      plan.clear();
    },
    dropped,
    forwarded,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
