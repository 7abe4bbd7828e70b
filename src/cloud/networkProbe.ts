// The one network probe (the NetworkProbe of api/network.ts) for Diagnose KMS Access: DNS, TCP, the
// service's Date header, and whether the metadata service accepts a token-less request. node:dns/net/http
// only (no SDK, no credential involved).
import * as dns from 'node:dns/promises';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import type { NetworkProbe } from './types';

/** Fails with the socket error code (ECONNREFUSED...) or ETIMEDOUT. */
function networkError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}

export const nodeNetworkProbe: NetworkProbe = {
  async resolve(host) {
    const started = performance.now();
    if (net.isIP(host)) return { addresses: [host], isIp: true, ms: 0 };
    const found = await dns.lookup(host, { all: true });
    return { addresses: found.map((a) => a.address), isIp: false, ms: performance.now() - started };
  },

  connect(host, port, timeoutMs) {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host, port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(networkError('ETIMEDOUT', `no TCP connection to ${host}:${port} within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.destroy();
        resolve({ ms: performance.now() - started });
      });
      socket.once('error', (error: Error & { code?: string }) => {
        clearTimeout(timer);
        reject(networkError(error.code ?? 'ECONNFAILED', error.message));
      });
    });
  },

  serviceDate(origin, timeoutMs) {
    const started = performance.now();
    const url = new URL('/', origin);
    const client = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const request = client.request(url, { method: 'GET', agent: false, timeout: timeoutMs }, (response) => {
        response.resume();
        const header = response.headers.date;
        const parsed = header ? Date.parse(header) : Number.NaN;
        resolve({ dateMs: Number.isNaN(parsed) ? undefined : parsed, roundTripMs: performance.now() - started, localMs: Date.now() });
      });
      request.on('timeout', () => request.destroy(networkError('ETIMEDOUT', `no answer from ${url.origin} within ${timeoutMs} ms`)));
      request.on('error', (error: Error & { code?: string }) => reject(networkError(error.code ?? 'ECONNFAILED', error.message)));
      request.end();
    });
  },

  tokenlessAllowed(metadataEndpoint, timeoutMs) {
    const url = new URL('/latest/meta-data/instance-id', metadataEndpoint.endsWith('/') ? metadataEndpoint : `${metadataEndpoint}/`);
    return new Promise((resolve) => {
      const request = http.request(url, { method: 'GET', agent: false, timeout: timeoutMs }, (response) => {
        response.resume();
        const status = response.statusCode ?? 0;
        resolve(status === 200 ? true : status === 401 || status === 403 ? false : undefined);
      });
      request.on('timeout', () => request.destroy());
      request.on('error', () => resolve(undefined));
      request.end();
    });
  },
};
