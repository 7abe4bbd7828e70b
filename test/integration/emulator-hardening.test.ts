// The emulator under hostile input (issue 17): an own-property lookup for Version, a malformed
// percent-escape at the metadata service, bodies that are large or never sent, a "__proto__"
// statement element, and RunInstances retried with the same ClientToken.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request, type IncomingMessage } from 'node:http';
import { startEmulator, type Emulator } from '../emulator/index';
const MAX_BODY_BYTES = 256 * 1024;
import { rawClient } from '../conformance/rawCall';

let emu: Emulator;
before(async () => {
  emu = await startEmulator({ scenario: 'demo' });
});
after(() => emu.close());

interface Sent { status: number; body: string }

/** Sends the head of a request, then `body` (or nothing, keeping the request open); the answer must come within 2 s. */
function send(base: string, path: string, headers: Record<string, string | number>, body?: Buffer | 'never'): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: body ? 'POST' : 'GET', headers });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer within 2 s to ${path}`));
    }, 2000);
    req.on('response', (res: IncomingMessage) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { text += c; });
      res.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: text });
      });
    });
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    if (body === 'never') req.flushHeaders();
    else if (body) req.end(body);
    else req.end();
  });
}

const acs3Headers = {
  authorization: 'ACS3-HMAC-SHA256 Credential=LTAI5tNobody0000000000,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=00',
  'x-acs-action': 'DescribeRegions', 'x-acs-version': '2014-05-26', 'x-acs-date': new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
  'x-acs-signature-nonce': 'n1', 'x-acs-content-sha256': '0'.repeat(64), 'content-type': 'application/x-www-form-urlencoded',
};

describe('emulator hardening', () => {
  it('Version=__proto__ (or constructor) is an unknown version: 400 InvalidVersion, no internal error', async () => {
    for (const version of ['__proto__', 'constructor', 'toString']) {
      const answer = await send(emu.api, `/?Action=DescribeRegions&Version=${version}`, {});
      assert.equal(answer.status, 400, `${version}: ${answer.body}`);
      assert.equal(JSON.parse(answer.body).Code, 'InvalidVersion');
    }
  });

  it('a malformed percent-escape in a metadata path gets 400, not a reset connection', async () => {
    const answer = await send(emu.metadata, '/latest/meta-data/ram/security-credentials/%E0%A4%A', {});
    assert.equal(answer.status, 400);
    assert.match(answer.body, /percent-escape/);
  });

  it('an ACS3 signature is checked before the body is read: a bad one is refused while the body never comes', async () => {
    const answer = await send(emu.api, '/', { ...acs3Headers, 'content-length': 100_000 }, 'never');
    assert.equal(answer.status, 404);
    assert.equal(JSON.parse(answer.body).Code, 'InvalidAccessKeyId.NotFound');
  });

  it('a body above the limit is refused with 413 at once, declared or streamed', async () => {
    const declared = await send(emu.api, '/', { ...acs3Headers, 'content-length': MAX_BODY_BYTES + 1 }, 'never');
    assert.equal(declared.status, 413);
    assert.equal(JSON.parse(declared.body).Code, 'RequestEntityTooLarge');
    const rpc = await send(emu.api, '/?Action=Encrypt&Version=2016-01-20', { 'transfer-encoding': 'chunked', 'content-type': 'application/x-www-form-urlencoded' },
      Buffer.alloc(MAX_BODY_BYTES + 10, 'a'));
    assert.equal(rpc.status, 413);
  });

  it('a "__proto__" statement element (or top-level element) is refused as malformed', async () => {
    const ram = rawClient(emu.api, emu, 'ram');
    for (const document of [
      '{"Version":"1","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","__proto__":{"Effect":"Deny"}}]}',
      '{"Version":"1","__proto__":{},"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
    ]) {
      const answer = await ram('CreatePolicy', { PolicyName: 'ProtoPolicy', PolicyDocument: document });
      assert.equal(answer.status, 400);
      assert.equal(answer.body.Code, 'MalformedPolicyDocument');
      assert.match(String(answer.body.Message), /__proto__/);
    }
  });

  it('RunInstances honours ClientToken: a retry after a lost answer gets the same instance and creates none', async () => {
    const ecs = rawClient(emu.api, emu, 'ecs');
    const params = { RegionId: 'cn-hangzhou', ImageId: 'aliyun_3_x64_20G_alibase_20240819.vhd', InstanceType: 'ecs.g7.large', VSwitchId: 'vsw-bp1demo01', ClientToken: 'retry-token-1' };
    const before = emu.account.instances.size;
    const first = await ecs('RunInstances', params);
    const retry = await ecs('RunInstances', params);
    assert.equal(first.status, 200);
    assert.deepEqual(retry.body.InstanceIdSets, first.body.InstanceIdSets);
    assert.equal(emu.account.instances.size, before + 1);
    const other = await ecs('RunInstances', { ...params, InstanceType: 'ecs.g7.xlarge' });
    assert.equal(other.status, 403);
    assert.equal(other.body.Code, 'IdempotentParameterMismatch');
    const noToken = await ecs('RunInstances', { ...params, ClientToken: '' });
    assert.notDeepEqual(noToken.body.InstanceIdSets, first.body.InstanceIdSets);
  });
});
