// Policy Conditions in the emulator (issue 18), with the real SDKs: a policy that allows Encrypt only
// from the instance's VPC (acs:SourceVpc) lets the instance's metadata credential encrypt through the VPC
// endpoint (kms-vpc.<region>…) and refuses the same credential on the public endpoint; acs:SourceIp
// (the caller's address, 127.0.0.1 here) is decided too. kms-vpc.cn-hangzhou.localhost resolves to
// 127.0.0.1 in this process (a hosts-file entry, in effect), as in cloud-kms-regions.test.ts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveLocalhostSubdomains } from '../support/localhostDns';
import * as Kms from '@alicloud/kms20160120';
import * as Ram from '@alicloud/ram20150501';
import { startEmulator, type Emulator } from '../emulator/index';
import { clients, codeOf } from '../emulator/sdkClients';

const INSTANCE = 'i-bp1demo0000000000001';
const ROLE = 'EcsNoPermissionRole';
const KEY = 'key-hzzdemo0000000000001';
let restoreDns: () => void = () => undefined;
let emu: Emulator;

before(async () => {
  restoreDns = resolveLocalhostSubdomains();
  emu = await startEmulator({ scenario: 'demo' });
  emu.thisInstanceId = INSTANCE;
  emu.account.instances.get(INSTANCE)!.ramRole = ROLE;
});
after(async () => {
  restoreDns();
  await emu.close();
});

async function grant(name: string, statement: object): Promise<void> {
  const ram = clients(emu.api, emu).ram;
  await ram.createPolicy(new Ram.CreatePolicyRequest({ policyName: name, policyDocument: JSON.stringify({ Version: '1', Statement: [statement] }) }));
  await ram.attachPolicyToRole(new Ram.AttachPolicyToRoleRequest({ policyType: 'Custom', policyName: name, roleName: ROLE }));
}

async function instanceCredential() {
  const cred = await (await fetch(`${emu.metadata}/latest/meta-data/ram/security-credentials/${ROLE}`)).json() as Record<string, string>;
  return { accessKeyId: cred.AccessKeyId, accessKeySecret: cred.AccessKeySecret, securityToken: cred.SecurityToken };
}

async function encryptVia(api: string): Promise<string> {
  try {
    const r = await clients(api, await instanceCredential()).kms.encrypt(new Kms.EncryptRequest({ keyId: KEY, plaintext: Buffer.from('hi').toString('base64') }));
    assert.ok(r.ciphertextBlob);
    return 'ok';
  } catch (error) {
    return codeOf(error);
  }
}

test('Encrypt allowed only from the instance\'s VPC: through kms-vpc it works, on the public endpoint it is refused', async () => {
  const vpcId = emu.account.instances.get(INSTANCE)!.vpcId;
  const port = new URL(emu.api).port;
  assert.equal(await encryptVia(emu.api), 'Forbidden.NoPermission', 'no policy yet');
  await grant('EncryptFromVpcOnly', { Effect: 'Allow', Action: 'kms:Encrypt', Resource: 'acs:kms:*:*:key/*', Condition: { StringEquals: { 'acs:SourceVpc': [vpcId] } } });
  assert.equal(await encryptVia(`http://kms-vpc.cn-hangzhou.localhost:${port}`), 'ok');
  assert.equal(await encryptVia(`http://kms.cn-hangzhou.localhost:${port}`), 'Forbidden.NoPermission');
  assert.equal(await encryptVia(emu.api), 'Forbidden.NoPermission');
});

test('acs:SourceIp is the caller\'s address (127.0.0.1): a Deny outside 127.0.0.0/8 does not apply, a Deny outside 10.0.0.0/8 blocks', async () => {
  const port = new URL(emu.api).port;
  await grant('DenyOutsideLoopback', { Effect: 'Deny', Action: 'kms:*', Resource: '*', Condition: { NotIpAddress: { 'acs:SourceIp': ['127.0.0.0/8'] } } });
  assert.equal(await encryptVia(`http://kms-vpc.cn-hangzhou.localhost:${port}`), 'ok', 'the caller is inside 127.0.0.0/8');
  await grant('DenyOutsideTen', { Effect: 'Deny', Action: 'kms:*', Resource: '*', Condition: { NotIpAddress: { 'acs:SourceIp': ['10.0.0.0/8'] } } });
  assert.equal(await encryptVia(`http://kms-vpc.cn-hangzhou.localhost:${port}`), 'Forbidden.NoPermission');
});
