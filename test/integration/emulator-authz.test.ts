// RAM authorization and STS: a role's credential cannot Encrypt until KMS access is attached
// and can afterwards; explicit Deny beats Allow; wildcards in Action and Resource; the trust
// policy decides who may AssumeRole; the refusal names the missing action.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as Ram from '@alicloud/ram20150501';
import * as Ecs from '@alicloud/ecs20140526';
import * as Kms from '@alicloud/kms20160120';
import * as Sts from '@alicloud/sts20150401';
import { evaluate } from '../emulator/authorize';
import { startEmulator, type Emulator } from '../emulator/index';
import { clients, codeOf } from '../emulator/sdkClients';

let emu: Emulator;
before(async () => { emu = await startEmulator({ scenario: 'demo' }); });
after(() => emu.close());

const accountTrust = (accountId: string) => JSON.stringify({
  Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: [`acs:ram::${accountId}:root`] } }], Version: '1',
});

async function assume(roleName: string) {
  const { sts } = clients(emu.api, emu);
  const r = await sts.assumeRole(new Sts.AssumeRoleRequest({ roleArn: `acs:ram::${emu.accountId}:role/${roleName}`, roleSessionName: 'authz' }));
  const c = r.body!.credentials!;
  return clients(emu.api, { accessKeyId: c.accessKeyId!, accessKeySecret: c.accessKeySecret!, securityToken: c.securityToken! });
}

describe('emulator authorization', () => {
  it('a role credential cannot kms:Encrypt before AttachPolicyToRole and can after it', async () => {
    const admin = clients(emu.api, emu);
    await admin.ram.createRole(new Ram.CreateRoleRequest({ roleName: 'AppRole', assumeRolePolicyDocument: accountTrust(emu.accountId) }));
    const role = await assume('AppRole');
    const encrypt = () => role.kms.encrypt(new Kms.EncryptRequest({ keyId: 'alias/demo-app', plaintext: 'secret' }));
    await assert.rejects(encrypt(), (e: { code: string; data: { AccessDeniedDetail: { AuthAction: string; NoPermissionType: string; AuthPrincipalType: string } } }) => {
      assert.equal(e.code, 'Forbidden.NoPermissionError');
      assert.equal(e.data.AccessDeniedDetail.AuthAction, 'kms:Encrypt');
      assert.equal(e.data.AccessDeniedDetail.NoPermissionType, 'ImplicitDeny');
      assert.equal(e.data.AccessDeniedDetail.AuthPrincipalType, 'AssumedRoleUser');
      return true;
    });
    await admin.ram.attachPolicyToRole(new Ram.AttachPolicyToRoleRequest({ policyType: 'System', policyName: 'AliyunKMSCryptoUserAccess', roleName: 'AppRole' }));
    const blob = await encrypt();
    assert.ok(blob.ciphertextBlob);
    // Crypto users may not read secrets.
    await assert.rejects(role.kms.getSecretValue(new Kms.GetSecretValueRequest({ secretName: 'demo/db-password' })), (e) => codeOf(e) === 'Forbidden.NoPermission');
  });

  it('explicit Deny wins over Allow, and acs: resource wildcards scope a custom policy', async () => {
    const admin = clients(emu.api, emu);
    const keyArn = `acs:kms:cn-hangzhou:${emu.accountId}:key/key-hzzdemo0000000000001`;
    await admin.ram.createPolicy(new Ram.CreatePolicyRequest({
      policyName: 'DenyDemoKey',
      policyDocument: JSON.stringify({ Version: '1', Statement: [{ Effect: 'Deny', Action: 'kms:Enc*', Resource: keyArn }] }),
    }));
    await admin.ram.createPolicy(new Ram.CreatePolicyRequest({
      policyName: 'OnlyShanghaiKeys',
      policyDocument: JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: ['kms:Encrypt', 'kms:Decrypt'], Resource: `acs:kms:cn-shanghai:${emu.accountId}:key/*` }] }),
    }));
    const full = emu.createUser('kms-full-but-denied', ['AliyunKMSFullAccess', 'DenyDemoKey']);
    const u = clients(emu.api, full);
    await assert.rejects(u.kms.encrypt(new Kms.EncryptRequest({ keyId: 'alias/demo-app', plaintext: 'x' })), (e: { data: { AccessDeniedDetail: { NoPermissionType: string } } }) => {
      assert.equal(codeOf(e), 'Forbidden.NoPermission');
      assert.equal(e.data.AccessDeniedDetail.NoPermissionType, 'ExplicitDeny');
      return true;
    });
    // Other keys stay allowed by AliyunKMSFullAccess: this one is refused for its state, not by RAM.
    await assert.rejects(u.kms.encrypt(new Kms.EncryptRequest({ keyId: 'key-hzzdemo0000000000002', plaintext: 'x' })), (e) => codeOf(e) === 'Rejected.Disabled');
    assert.ok((await u.kms.encrypt(new Kms.EncryptRequest({ keyId: `acs:kms:cn-shanghai:${emu.accountId}:alias/demo-sh`, plaintext: 'x' }))).ciphertextBlob);

    const scoped = clients(emu.api, emu.createUser('shanghai-only', ['OnlyShanghaiKeys']));
    await scoped.kms.encrypt(new Kms.EncryptRequest({ keyId: `acs:kms:cn-shanghai:${emu.accountId}:alias/demo-sh`, plaintext: 'x' }));
    await assert.rejects(scoped.kms.encrypt(new Kms.EncryptRequest({ keyId: 'alias/demo-app', plaintext: 'x' })), (e) => codeOf(e) === 'Forbidden.NoPermission');
  });

  it('a session policy (AssumeRole Policy) narrows what the role credential may do', async () => {
    const { sts } = clients(emu.api, emu);
    const policy = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }] });
    const r = await sts.assumeRole(new Sts.AssumeRoleRequest({ roleArn: `acs:ram::${emu.accountId}:role/OpsAdminRole`, roleSessionName: 'narrow', policy }));
    const c = r.body!.credentials!;
    const narrow = clients(emu.api, { accessKeyId: c.accessKeyId!, accessKeySecret: c.accessKeySecret!, securityToken: c.securityToken! });
    const blob = (await clients(emu.api, emu).kms.encrypt(new Kms.EncryptRequest({ keyId: 'alias/demo-app', plaintext: 'p' }))).ciphertextBlob;
    assert.equal((await narrow.kms.decrypt(new Kms.DecryptRequest({ ciphertextBlob: blob }))).plaintext, 'p');
    await assert.rejects(narrow.kms.encrypt(new Kms.EncryptRequest({ keyId: 'alias/demo-app', plaintext: 'p' })), (e: { data: { AccessDeniedDetail: { PolicyType: string } } }) =>
      codeOf(e) === 'Forbidden.NoPermission' && e.data.AccessDeniedDetail.PolicyType === 'SessionPolicy');
    await assert.rejects(sts.assumeRole(new Sts.AssumeRoleRequest({ roleArn: `acs:ram::${emu.accountId}:role/OpsAdminRole`, roleSessionName: 'bad', policy: '{' })),
      (e) => codeOf(e) === 'InvalidParameter.PolicyGrammar');
  });

  it('evaluates wildcards, NotAction and Deny as RAM does', () => {
    const arn = 'acs:kms:cn-hangzhou:1:key/key-abc';
    assert.equal(evaluate([{ Effect: 'Allow', Action: 'KMS:Gen*DataKey', Resource: '*' }], 'kms:GenerateDataKey', arn), 'Allow');
    assert.equal(evaluate([{ Effect: 'Allow', Action: 'kms:Encrypt', Resource: 'acs:kms:*:1:key/key-a?c' }], 'kms:Encrypt', arn), 'Allow');
    assert.equal(evaluate([{ Effect: 'Allow', Action: 'kms:Encrypt', Resource: 'acs:kms:cn-shanghai:1:key/*' }], 'kms:Encrypt', arn), 'ImplicitDeny');
    assert.equal(evaluate([{ Effect: 'Allow', NotAction: 'kms:Decrypt', Resource: '*' }], 'kms:Decrypt', arn), 'ImplicitDeny');
    assert.equal(evaluate([{ Effect: 'Allow', NotAction: 'kms:Decrypt', Resource: '*' }], 'kms:Encrypt', arn), 'Allow');
    assert.equal(evaluate([{ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'kms:*', Resource: arn }], 'kms:Encrypt', arn), 'ExplicitDeny');
    assert.equal(evaluate([{ Effect: 'Allow', Action: 'kms:Encrypt.', Resource: '*' }], 'kms:EncryptX', arn), 'ImplicitDeny');
  });

  it('each product refuses with its own code and HTTP 403', async () => {
    const nobody = clients(emu.api, emu.createUser('nobody', []));
    await assert.rejects(nobody.ram.listRoles(new Ram.ListRolesRequest({})), (e: { code: string; statusCode: number; accessDeniedDetail: { AuthAction: string } }) =>
      e.code === 'NoPermission' && e.statusCode === 403 && e.accessDeniedDetail.AuthAction === 'ram:ListRoles');
    await assert.rejects(nobody.ecs.describeInstances(new Ecs.DescribeInstancesRequest({ regionId: 'cn-hangzhou' })), (e: { code: string; statusCode: number }) =>
      e.code === 'Forbidden.RAM' && e.statusCode === 403);
    // GetCallerIdentity needs no permission.
    assert.equal((await nobody.sts.getCallerIdentity()).body?.identityType, 'RAMUser');
  });

  it('AssumeRole enforces the trust policy and the caller\'s sts:AssumeRole permission', async () => {
    const admin = clients(emu.api, emu);
    // EcsKmsAccessRole trusts only ecs.aliyuncs.com: a user of the account may not assume it.
    await assert.rejects(admin.sts.assumeRole(new Sts.AssumeRoleRequest({ roleArn: `acs:ram::${emu.accountId}:role/EcsKmsAccessRole`, roleSessionName: 'me' })),
      (e: { code: string; statusCode: number }) => e.code === 'NoPermission' && e.statusCode === 403);
    await assert.rejects(admin.sts.assumeRole(new Sts.AssumeRoleRequest({ roleArn: `acs:ram::${emu.accountId}:role/NoSuchRole`, roleSessionName: 'me' })),
      (e) => codeOf(e) === 'EntityNotExist.Role');
    await assert.rejects(admin.sts.assumeRole(new Sts.AssumeRoleRequest({ roleArn: `acs:ram::${emu.accountId}:role/OpsAdminRole`, roleSessionName: 'me', durationSeconds: 100 })),
      (e) => codeOf(e) === 'InvalidParameter.DurationSeconds');
    const noSts = clients(emu.api, emu.createUser('no-sts', ['AliyunKMSFullAccess']));
    await assert.rejects(noSts.sts.assumeRole(new Sts.AssumeRoleRequest({ roleArn: `acs:ram::${emu.accountId}:role/OpsAdminRole`, roleSessionName: 'me' })),
      (e: { accessDeniedDetail: { AuthAction: string } }) => e.accessDeniedDetail.AuthAction === 'sts:AssumeRole');
    const withSts = clients(emu.api, emu.createUser('with-sts', ['AliyunSTSAssumeRoleAccess']));
    const r = await withSts.sts.assumeRole(new Sts.AssumeRoleRequest({ roleArn: `acs:ram::${emu.accountId}:role/OpsAdminRole`, roleSessionName: 'ops' }));
    assert.match(r.body?.credentials?.expiration ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(r.body?.assumedRoleUser?.arn, `acs:ram::${emu.accountId}:role/opsadminrole/ops`);
  });
});
