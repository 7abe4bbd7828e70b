// Endpoint checks for Diagnose: DNS, TCP and the clock against the server's Date header.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as net from 'node:net';
import { startEmulator, type Emulator } from '../emulator';
import { checkEndpoint } from '../../src/cloud';

let emulator: Emulator;
before(async () => {
  emulator = await startEmulator({ port: 0, metadataPort: 0, scenario: 'empty' });
});
after(() => emulator.close());

test('a reachable endpoint: resolved, connected, clock compared with the server', async () => {
  const host = new URL(emulator.api).host;
  const check = await checkEndpoint(host, 'http');
  assert.deepEqual(check.addresses, ['127.0.0.1']);
  assert.equal(check.tcpOk, true);
  assert.ok(check.serverDate, 'the server sent a Date header');
  assert.ok(check.clockSkewMs !== undefined && Math.abs(check.clockSkewMs) < 5_000, `skew ${check.clockSkewMs}`);
});

test('nothing listening, and a name that does not resolve', async () => {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const closed = await checkEndpoint(`127.0.0.1:${port}`, 'http');
  assert.equal(closed.tcpOk, false);
  assert.equal(closed.tcpError, 'ECONNREFUSED');
  const unknown = await checkEndpoint('kms-vpc.cn-hangzhou.example.invalid', 'https');
  assert.ok(unknown.dnsError === 'ENOTFOUND' || unknown.dnsError === 'EAI_AGAIN', unknown.dnsError);
  assert.equal(unknown.tcpOk, false);
});
