// Network facts about an endpoint for "Diagnose KMS Access": does the name resolve, does a TCP
// connection open, and how far is this machine's clock from the server's Date header.
// Reports, never throws; no credential is involved.
import * as dns from 'node:dns/promises';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';

export interface EndpointCheck {
  readonly endpoint: string;
  readonly protocol: 'https' | 'http';
  readonly addresses: readonly string[];
  readonly dnsError?: string;
  readonly tcpOk: boolean;
  readonly tcpError?: string;
  readonly tcpMs?: number;
  /** The server's Date header, when an HTTP answer came back. */
  readonly serverDate?: string;
  /** local clock minus server clock, in ms (positive: this machine is ahead). */
  readonly clockSkewMs?: number;
}

function splitHost(endpoint: string, protocol: 'https' | 'http'): { host: string; port: number } {
  const url = new URL(`${protocol}://${endpoint}`);
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || (protocol === 'https' ? 443 : 80)) };
}

function connect(host: string, port: number, timeoutMs: number): Promise<{ ok: boolean; error?: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean, error?: string) => {
      socket.destroy();
      resolve({ ok, error, ms: Date.now() - started });
    };
    socket.setTimeout(timeoutMs, () => done(false, `no connection within ${timeoutMs} ms`));
    socket.once('connect', () => done(true));
    socket.once('error', (e: NodeJS.ErrnoException) => done(false, e.code ?? e.message));
  });
}

function serverDate(endpoint: string, protocol: 'https' | 'http', timeoutMs: number): Promise<string | undefined> {
  const request = protocol === 'https' ? https.request : http.request;
  return new Promise((resolve) => {
    const req = request(`${protocol}://${endpoint}/`, { method: 'GET', timeout: timeoutMs, agent: false }, (res) => {
      res.resume();
      resolve(typeof res.headers.date === 'string' ? res.headers.date : undefined);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
    req.end();
  });
}

export async function checkEndpoint(endpoint: string, protocol: 'https' | 'http', timeoutMs = 3000): Promise<EndpointCheck> {
  const { host, port } = splitHost(endpoint, protocol);
  let addresses: string[] = [];
  let dnsError: string | undefined;
  if (net.isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await dns.lookup(host, { all: true })).map((a) => a.address);
    } catch (error) {
      dnsError = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    }
  }
  if (dnsError) return { endpoint, protocol, addresses, dnsError, tcpOk: false };
  const tcp = await connect(host, port, timeoutMs);
  if (!tcp.ok) return { endpoint, protocol, addresses, tcpOk: false, tcpError: tcp.error, tcpMs: tcp.ms };
  const before = Date.now();
  const date = await serverDate(endpoint, protocol, timeoutMs);
  const after = Date.now();
  const serverMs = date ? Date.parse(date) : NaN;
  // The Date header has 1 s resolution: compare with the middle of the round trip.
  const clockSkewMs = Number.isNaN(serverMs) ? undefined : Math.round((before + after) / 2 - serverMs - 500);
  return { endpoint, protocol, addresses, tcpOk: true, tcpMs: tcp.ms, serverDate: date, clockSkewMs };
}
