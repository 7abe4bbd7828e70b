// Issue 17, the metadata client against a loopback server that misbehaves the way a wrong address or a
// broken proxy does: an answer far larger than any metadata item is refused (not buffered), an https:// or
// other-scheme alicloudKms.metadataEndpoint is a CloudError that names the setting (not a TypeError), and a
// token PUT that hangs is remembered, so only the first read waits for it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { InstanceMetadataClient } from '../../src/cloud/metadata/instanceMetadataClient';
import { MAX_METADATA_BODY_BYTES } from '../../src/cloud/metadata/metadataHttp';
import { CloudError } from '../../src/cloud/types';

const ROLE = 'HardeningRole';
const credential = (padding = '') => JSON.stringify({
  Code: 'Success', AccessKeyId: 'STS.hardening', AccessKeySecret: 'hardening-secret', SecurityToken: 'hardening-token',
  Expiration: new Date(Date.now() + 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'), LastUpdated: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), padding,
});

/** How the server answers: `huge` streams a valid but enormous credential document; `hangToken` never answers the token PUT. */
const behaviour = { huge: false, hangToken: false, chunked: false };
const calls: string[] = [];
let server: http.Server;
let base = '';

before(async () => {
  server = http.createServer((req, res) => {
    calls.push(`${req.method} ${req.url}`);
    if (req.method === 'PUT') {
      if (behaviour.hangToken) return; // never answers: the client's deadline decides
      return res.writeHead(200).end('a-token');
    }
    if (req.url === '/latest/meta-data/ram/security-credentials/') return res.writeHead(200).end(ROLE);
    if (req.url === `/latest/meta-data/ram/security-credentials/${ROLE}`) {
      if (!behaviour.huge) return res.writeHead(200).end(credential());
      const body = credential('x'.repeat(1024 * 1024));
      if (behaviour.chunked) {
        // No Content-Length: the cap must hold while reading, too.
        res.writeHead(200);
        for (let i = 0; i < body.length; i += 64 * 1024) res.write(body.slice(i, i + 64 * 1024));
        return res.end();
      }
      return res.writeHead(200, { 'Content-Length': Buffer.byteLength(body) }).end(body);
    }
    if (req.url === '/latest/meta-data/instance-id') return res.writeHead(200).end('i-hardening');
    if (req.url === '/latest/meta-data/region-id') return res.writeHead(200).end('cn-hangzhou');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });
});

async function failure(work: Promise<unknown>): Promise<unknown> {
  return work.then(() => assert.fail('expected a failure'), (e: unknown) => e);
}

test(`an answer over ${MAX_METADATA_BODY_BYTES} bytes (with or without Content-Length) is a CloudError, not a credential`, async () => {
  Object.assign(behaviour, { huge: true, hangToken: false });
  try {
    for (const chunked of [false, true]) {
      behaviour.chunked = chunked;
      const client = new InstanceMetadataClient({ endpoint: base, env: {} });
      const error = await failure(client.getCredential());
      assert.ok(error instanceof CloudError, `a CloudError (chunked ${chunked}), got ${String(error)}`);
      assert.equal(error.code, 'Metadata.ResponseTooLarge');
      assert.match(error.hint ?? '', /alicloudKms\.metadataEndpoint/);
    }
    // A normal answer still works (the cap is far above a real credential).
    behaviour.huge = false;
    const ok = await new InstanceMetadataClient({ endpoint: base, env: {} }).getCredential();
    assert.equal(ok.accessKeyId, 'STS.hardening');
  } finally {
    Object.assign(behaviour, { huge: false, chunked: false });
  }
});

test('an https://, other-scheme or malformed metadataEndpoint is a CloudError naming the setting', async () => {
  for (const endpoint of [base.replace('http:', 'https:'), 'ftp://127.0.0.1:1', 'file:///etc/passwd', '100.100.100.200', 'http://[bad']) {
    const client = new InstanceMetadataClient({ endpoint, env: {}, timeoutMs: 500 });
    for (const work of [() => client.getCredential(), () => client.getIdentity()]) {
      const error = await failure(work());
      assert.ok(error instanceof CloudError, `${endpoint}: a CloudError, got ${String(error)}`);
      assert.equal(error.code, 'Metadata.InvalidEndpoint', endpoint);
      assert.match(error.message, /alicloudKms\.metadataEndpoint/, endpoint);
    }
    const probe = await new InstanceMetadataClient({ endpoint, env: {} }).probe();
    assert.equal(probe.onEcs, false, `${endpoint}: the probe says "not on ECS" instead of throwing`);
    assert.match(probe.reason ?? '', /alicloudKms\.metadataEndpoint/);
  }
});

test('a hanging token request is remembered: only the first read waits for it', async () => {
  Object.assign(behaviour, { hangToken: true });
  try {
    calls.length = 0;
    const timeoutMs = 600;
    const client = new InstanceMetadataClient({ endpoint: base, env: {}, timeoutMs });
    const timed = async (work: () => Promise<unknown>) => {
      const started = Date.now();
      await work();
      return Date.now() - started;
    };
    const first = await timed(() => client.getRoleName());
    const later = [await timed(() => client.getIdentity()), await timed(() => client.getCredential()), await timed(() => client.getRoleName())];
    const puts = calls.filter((c) => c.startsWith('PUT')).length;
    console.log(`    token PUT hangs: first read ${first} ms, later reads ${later.join(', ')} ms, ${puts} token request(s)`);
    assert.ok(first >= timeoutMs - 50, `the first read waited for the token deadline (${first} ms)`);
    for (const ms of later) assert.ok(ms < timeoutMs / 2, `a later read did not wait for the token again (${ms} ms)`);
    assert.equal(puts, 1, 'one token request while the failure is remembered');
    // reset() forgets it (a new attempt, e.g. after the user fixed the network).
    client.reset();
    assert.ok(await timed(() => client.getRoleName()) >= timeoutMs - 50);
  } finally {
    behaviour.hangToken = false;
  }
});
