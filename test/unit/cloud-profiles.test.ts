// Parsing the aliyun CLI config, the credentials INI file and the environment (no network).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAliyunConfig } from '../../src/cloud/credentials/aliyunCliConfig';
import { parseCredentialsFile, parseIni } from '../../src/cloud/credentials/credentialsFile';
import { preferredProfileName, readEnvironment } from '../../src/cloud/credentials/environment';
import { maskAccessKeyId } from '../../src/util/mask';
import { validateAccessKeyInput } from '../../src/cloud/credentials/secretStorageProfiles';

test('aliyun config: modes, kinds, masked ids, reasons; secrets only in the internal spec', () => {
  const json = JSON.stringify({
    current: 'b',
    profiles: [
      { name: 'a', mode: 'AK', access_key_id: 'LTAI5tABCDEFGH1234', access_key_secret: 'SECRET-A', region_id: 'cn-beijing' },
      { name: 'b', mode: 'StsToken', access_key_id: 'STS.xyz12345', access_key_secret: 'SECRET-B', sts_token: 'TOKEN-B' },
      { name: 'c', mode: 'RamRoleArn', access_key_id: 'LTAI5tABCDEFGH1234', access_key_secret: 'SECRET-A', ram_role_arn: 'acs:ram::1:role/deployer' },
      { name: 'd', mode: 'ChainableRamRoleArn', source_profile: 'missing', ram_role_arn: 'acs:ram::1:role/x' },
      { name: 'e', mode: 'ChainableRamRoleArn', source_profile: 'e', ram_role_arn: 'acs:ram::1:role/x' },
      { name: 'f', mode: 'EcsRamRole', ram_role_name: 'MyRole' },
      { name: 'g', mode: 'CloudSSO' },
      { name: 'h', mode: 'Weird' },
      { name: 'i' , access_key_id: 'LTAI5tNoModeKey0', access_key_secret: 'S' },
      { mode: 'AK' },
    ],
  });
  const { entries, current, warnings } = parseAliyunConfig(json, '/h/.aliyun/config.json');
  assert.equal(current, 'b');
  assert.deepEqual(warnings, []);
  const by = Object.fromEntries(entries.map((e) => [e.profile.name, e]));
  assert.deepEqual(Object.keys(by), ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
  assert.equal(by.a.profile.accessKeyIdMasked, 'LTAI5t****1234');
  assert.equal(by.a.profile.region, 'cn-beijing');
  assert.equal(by.b.spec.type === 'accessKey' && by.b.spec.securityToken, 'TOKEN-B');
  assert.equal(by.c.profile.roleName, 'deployer');
  assert.equal(by.c.spec.type, 'ramRoleArn');
  assert.match(by.d.profile.unusableReason ?? '', /source_profile "missing" does not exist/);
  assert.match(by.e.profile.unusableReason ?? '', /too long or circular/);
  assert.deepEqual(by.f.spec, { type: 'ecsRamRole', roleName: 'MyRole' });
  assert.equal(by.g.profile.kind, 'CloudSSO');
  assert.match(by.g.profile.unusableReason ?? '', /browser/);
  assert.equal(by.h.profile.kind, 'Unknown');
  assert.equal(by.i.profile.kind, 'AK', 'no mode means AK');
  const display = JSON.stringify(entries.map((e) => e.profile));
  for (const secret of ['SECRET-A', 'SECRET-B', 'TOKEN-B']) assert.ok(!display.includes(secret));
});

test('aliyun config: bad JSON or shape is a warning, not a crash', () => {
  assert.match(parseAliyunConfig('{', 'f').warnings[0], /not valid JSON/);
  assert.match(parseAliyunConfig('{"x":1}', 'f').warnings[0], /no "profiles"/);
});

test('credentials INI: sections, comments, quotes, enable=false, types', () => {
  const ini = parseIni('# c\n[default]\n type = access_key \nAccess_Key_Id = "abc"\n; c2\n[x]\nkey=v=w\n');
  assert.deepEqual(Object.fromEntries(ini), { default: { type: 'access_key', access_key_id: 'abc' }, x: { key: 'v=w' } });
  const entries = parseCredentialsFile([
    '[default]', 'type = access_key', 'access_key_id = LTAI5tDEFAULT000', 'access_key_secret = s',
    '[off]', 'enable = false', 'type = access_key', 'access_key_id = a', 'access_key_secret = b',
    '[sts]', 'type = sts', 'access_key_id = STS.a', 'access_key_secret = b',
    '[role]', 'type = ram_role_arn', 'access_key_id = LTAI5tDEFAULT000', 'access_key_secret = s', 'role_arn = acs:ram::1:role/r', 'role_session_expiration = 900',
    '[ecs]', 'type = ecs_ram_role', 'role_name = R',
    '[oidc]', 'type = oidc_role_arn',
  ].join('\n'), '/f');
  assert.deepEqual(entries.map((e) => `${e.profile.name}:${e.profile.kind}:${e.profile.usable}`), [
    'default:AK:true', 'sts:StsToken:false', 'role:RamRoleArn:true', 'ecs:EcsRamRole:true', 'oidc:OIDC:false',
  ]);
  assert.match(entries[1].profile.unusableReason ?? '', /security_token/);
  assert.equal(entries[2].spec.type === 'ramRoleArn' && entries[2].spec.durationSeconds, 900);
});

test('environment variables', () => {
  assert.deepEqual(readEnvironment({}), []);
  const [env] = readEnvironment({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI5tENV0000001', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 's', ALIBABA_CLOUD_REGION_ID: 'cn-shenzhen' });
  assert.equal(env.profile.id, 'environment:env');
  assert.equal(env.profile.region, 'cn-shenzhen');
  const withRole = readEnvironment({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI5tENV0000001', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 's', ALIBABA_CLOUD_ROLE_ARN: 'acs:ram::1:role/r', ALIBABA_CLOUD_ECS_METADATA: 'R2' });
  assert.deepEqual(withRole.map((e) => `${e.profile.name}:${e.profile.kind}`), ['env:AK', 'env-role:RamRoleArn', 'ecs-ram-role:EcsRamRole']);
  const oidc = readEnvironment({ ALIBABA_CLOUD_ROLE_ARN: 'acs:ram::1:role/r', ALIBABA_CLOUD_OIDC_PROVIDER_ARN: 'p', ALIBABA_CLOUD_OIDC_TOKEN_FILE: '/t' });
  assert.equal(oidc[0].profile.usable, false);
  assert.equal(preferredProfileName({ ALIBABA_CLOUD_PROFILE: ' dev ' }), 'dev');
});

test('masking and AccessKey input validation', () => {
  assert.equal(maskAccessKeyId('LTAI5tABCDEFGH1234'), 'LTAI5t****1234');
  assert.equal(maskAccessKeyId('short'), 'sh****');
  assert.equal(validateAccessKeyInput({ accessKeyId: 'LTAI5tABCDEFGH1234', accessKeySecret: 'long-enough-secret' }), undefined);
  assert.match(validateAccessKeyInput({ accessKeyId: 'has space', accessKeySecret: 'long-enough-secret' }) ?? '', /AccessKey ID/);
  assert.match(validateAccessKeyInput({ accessKeyId: 'LTAI5tABCDEFGH1234', accessKeySecret: 'x' }) ?? '', /too short/);
  assert.match(validateAccessKeyInput({ name: 'a b', accessKeyId: 'LTAI5tABCDEFGH1234', accessKeySecret: 'long-enough-secret' }) ?? '', /profile name/);
});
