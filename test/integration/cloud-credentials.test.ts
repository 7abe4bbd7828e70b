// Every management credential source, with a temporary HOME: the aliyun CLI config (all modes),
// the credentials INI file, environment variables and SecretStorage. Each usable profile signs a real
// GetCallerIdentity; unusable ones say why; no secret appears in profile data or the log.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulator, type Emulator } from '../emulator';
import { createCloudServicesFactory } from '../../src/cloud';
import { InstanceMetadataClient } from '../../src/cloud/metadata/instanceMetadataClient';
import { emulatorSettings, MemoryLog, MemorySecretStore } from './cloud-harness';
import type { CloudServicesFactory, Profile } from '../../src/cloud/types';

let emulator: Emulator;
let home: string;
const secrets: string[] = [];

before(async () => {
  emulator = await startEmulator({ port: 0, metadataPort: 0, scenario: 'demo' });
  secrets.push(emulator.accessKeySecret);
});
after(async () => {
  await emulator.close();
  if (home) fs.rmSync(home, { recursive: true, force: true });
});

function makeFactory(env: Record<string, string>, store = new MemorySecretStore(), log = new MemoryLog()): CloudServicesFactory {
  const settings = emulatorSettings(emulator);
  return createCloudServicesFactory({ secrets: store, settings: () => settings, log, home, env }, { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
}

async function whoAmI(factory: CloudServicesFactory, profile: Profile | undefined): Promise<string> {
  assert.ok(profile, 'profile listed');
  return (await factory.createServices(profile, 'cn-hangzhou').sts.getCallerIdentity()).arn;
}

function assertNoSecret(text: string) {
  for (const secret of secrets) assert.ok(!text.includes(secret), 'a secret leaked into displayable data');
}

test('aliyun CLI config.json: every mode is listed; usable ones sign, the others say why', async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'cloud-cred-home-'));
  const developer = emulator.createUser('cli-developer', ['ReadOnlyAccess']);
  secrets.push(developer.accessKeySecret);
  const sts = await new InstanceMetadataClient({ endpoint: emulator.metadata, env: {} }).getCredential();
  secrets.push(sts.accessKeySecret, sts.securityToken);
  const roleArn = `acs:ram::${emulator.accountId}:role/opsadminrole`;
  const config = {
    current: 'dev',
    profiles: [
      { name: 'admin', mode: 'AK', access_key_id: emulator.accessKeyId, access_key_secret: emulator.accessKeySecret, region_id: 'cn-shanghai' },
      { name: 'dev', mode: 'AK', access_key_id: developer.accessKeyId, access_key_secret: developer.accessKeySecret, region_id: 'cn-hangzhou' },
      { name: 'sts', mode: 'StsToken', access_key_id: sts.accessKeyId, access_key_secret: sts.accessKeySecret, sts_token: sts.securityToken },
      { name: 'ops', mode: 'RamRoleArn', access_key_id: emulator.accessKeyId, access_key_secret: emulator.accessKeySecret, ram_role_arn: roleArn, ram_session_name: 'cli-test' },
      { name: 'chain', mode: 'ChainableRamRoleArn', source_profile: 'admin', ram_role_arn: roleArn, ram_session_name: 'chained' },
      { name: 'instance', mode: 'EcsRamRole', ram_role_name: 'EcsKmsAccessRole' },
      { name: 'sso', mode: 'CloudSSO' },
      { name: 'oidc', mode: 'OIDC', oidc_provider_arn: 'x', oidc_token_file: '/tmp/t', ram_role_arn: roleArn },
      { name: 'ext', mode: 'External', process_command: 'echo hi' },
      { name: 'empty', mode: 'AK', access_key_id: '', access_key_secret: '' },
    ],
  };
  fs.mkdirSync(path.join(home, '.aliyun'));
  fs.writeFileSync(path.join(home, '.aliyun', 'config.json'), JSON.stringify(config));
  const log = new MemoryLog();
  const factory = makeFactory({}, new MemorySecretStore(), log);
  const list = await factory.listProfiles();
  const by = Object.fromEntries(list.profiles.map((p) => [p.id, p]));
  assert.equal(list.preferredId, 'aliyunCli:dev', 'the CLI\'s current profile is preferred');
  assert.equal(by['aliyunCli:admin'].kind, 'AK');
  assert.equal(by['aliyunCli:admin'].region, 'cn-shanghai');
  assert.equal(by['aliyunCli:admin'].accessKeyIdMasked, `${emulator.accessKeyId.slice(0, 6)}****${emulator.accessKeyId.slice(-4)}`);
  assert.equal(by['aliyunCli:admin'].file, path.join(home, '.aliyun', 'config.json'));

  assert.match(await whoAmI(factory, by['aliyunCli:admin']), /:user\/emulator-admin$/);
  assert.match(await whoAmI(factory, by['aliyunCli:dev']), /:user\/cli-developer$/);
  assert.match(await whoAmI(factory, by['aliyunCli:sts']), /:assumed-role\/EcsKmsAccessRole\//);
  emulator.resetCalls();
  assert.match(await whoAmI(factory, by['aliyunCli:ops']), /:assumed-role\/OpsAdminRole\/cli-test$/);
  assert.match(await whoAmI(factory, by['aliyunCli:ops']), /:assumed-role\/OpsAdminRole\/cli-test$/);
  assert.equal(emulator.calls.byAction.AssumeRole, 1, 'services built again reuse the assumed-role credential');
  assert.match(await whoAmI(factory, by['aliyunCli:chain']), /:assumed-role\/OpsAdminRole\/chained$/);
  assert.match(await whoAmI(factory, by['aliyunCli:instance']), /:assumed-role\/EcsKmsAccessRole\//);

  for (const id of ['aliyunCli:sso', 'aliyunCli:oidc', 'aliyunCli:ext', 'aliyunCli:empty']) {
    assert.equal(by[id].usable, false, id);
    assert.ok(by[id].unusableReason && by[id].unusableReason.length > 10, `${id} says why`);
    await assert.rejects(factory.createServices(by[id]).sts.getCallerIdentity(), (e: Error & { code?: string }) => e.code === 'ProfileUnsupported');
  }
  assert.equal(by['aliyunCli:sso'].kind, 'CloudSSO');
  assert.equal(by['aliyunCli:oidc'].kind, 'OIDC');
  assertNoSecret(JSON.stringify(list));
  assertNoSecret(log.lines.join('\n'));
  assert.ok(factory.watchedFiles().includes(path.join(home, '.aliyun', 'config.json')));
});

test('the credentials INI file (and ALIBABA_CLOUD_CREDENTIALS_FILE, ALIBABA_CLOUD_PROFILE)', async () => {
  const user = emulator.createUser('ini-user', ['ReadOnlyAccess']);
  secrets.push(user.accessKeySecret);
  const file = path.join(home, 'custom-credentials');
  fs.writeFileSync(file, [
    '# shared by the Alibaba Cloud SDKs',
    '[default]',
    'enable = true',
    'type = access_key',
    `access_key_id = ${user.accessKeyId}`,
    `access_key_secret = "${user.accessKeySecret}"`,
    '',
    '[ini-ops]',
    'type = ram_role_arn',
    `access_key_id = ${emulator.accessKeyId}`,
    `access_key_secret = ${emulator.accessKeySecret}`,
    `role_arn = acs:ram::${emulator.accountId}:role/OpsAdminRole`,
    'role_session_name = ini-session',
    '',
    '[off]',
    'enable = false',
    'type = access_key',
    'access_key_id = LTAIdisabled000',
    'access_key_secret = nope',
    '',
    '[ecs]',
    'type = ecs_ram_role',
    'role_name = EcsKmsAccessRole',
  ].join('\n'));
  const factory = makeFactory({ ALIBABA_CLOUD_CREDENTIALS_FILE: file, ALIBABA_CLOUD_PROFILE: 'ini-ops' });
  const list = await factory.listProfiles();
  const ini = list.profiles.filter((p) => p.source === 'credentialsFile');
  assert.deepEqual(ini.map((p) => `${p.name}:${p.kind}`), ['default:AK', 'ini-ops:RamRoleArn', 'ecs:EcsRamRole']);
  assert.equal(list.preferredId, 'credentialsFile:ini-ops', 'ALIBABA_CLOUD_PROFILE picks the profile');
  assert.match(await whoAmI(factory, ini[0]), /:user\/ini-user$/);
  assert.match(await whoAmI(factory, ini[1]), /:assumed-role\/OpsAdminRole\/ini-session$/);
  assert.match(await whoAmI(factory, ini[2]), /:assumed-role\/EcsKmsAccessRole\//);
  assert.ok(factory.watchedFiles().includes(file));
  assertNoSecret(JSON.stringify(list));
});

test('environment variables: AccessKey, STS token, region; preferred over the CLI\'s current profile', async () => {
  const factory = makeFactory({
    ALIBABA_CLOUD_ACCESS_KEY_ID: emulator.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: emulator.accessKeySecret,
    ALIBABA_CLOUD_REGION_ID: 'cn-beijing',
  });
  const list = await factory.listProfiles();
  assert.equal(list.preferredId, 'environment:env');
  const env = list.profiles.find((p) => p.id === 'environment:env')!;
  assert.equal(env.kind, 'AK');
  assert.equal(env.region, 'cn-beijing');
  assert.equal(factory.createServices(env).regionId, 'cn-beijing');
  assert.match(await whoAmI(factory, env), /:user\/emulator-admin$/);

  const sts = await new InstanceMetadataClient({ endpoint: emulator.metadata, env: {} }).getCredential();
  const stsFactory = makeFactory({
    ALIBABA_CLOUD_ACCESS_KEY_ID: sts.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: sts.accessKeySecret, ALIBABA_CLOUD_SECURITY_TOKEN: sts.securityToken,
  });
  const stsProfile = (await stsFactory.listProfiles()).profiles.find((p) => p.id === 'environment:env')!;
  assert.equal(stsProfile.kind, 'StsToken');
  assert.match(await whoAmI(stsFactory, stsProfile), /:assumed-role\/EcsKmsAccessRole\//);

  const half = makeFactory({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIonlytheid000' });
  const halfProfile = (await half.listProfiles()).profiles.find((p) => p.id === 'environment:env')!;
  assert.equal(halfProfile.usable, false);
  assert.match(halfProfile.unusableReason ?? '', /ALIBABA_CLOUD_ACCESS_KEY_SECRET/);
});

test('an AccessKey stored through the SecretStore interface: add, list masked, use, remove', async () => {
  const user = emulator.createUser('vscode-user', ['ReadOnlyAccess']);
  secrets.push(user.accessKeySecret);
  const store = new MemorySecretStore();
  const log = new MemoryLog();
  const factory = makeFactory({}, store, log);
  await assert.rejects(factory.addAccessKey({ accessKeyId: 'bad id!', accessKeySecret: 'x' }), /AccessKey ID/);
  const added = await factory.addAccessKey({ name: 'work', accessKeyId: user.accessKeyId, accessKeySecret: user.accessKeySecret, region: 'cn-shanghai' });
  assert.equal(added.id, 'secretStorage:work');
  assert.equal(added.accessKeyIdMasked, `${user.accessKeyId.slice(0, 6)}****${user.accessKeyId.slice(-4)}`);
  const list = await factory.listProfiles();
  const stored = list.profiles.find((p) => p.id === 'secretStorage:work')!;
  assert.equal(stored.region, 'cn-shanghai');
  assert.match(await whoAmI(factory, stored), /:user\/vscode-user$/);
  assert.ok([...store.values.values()].some((v) => v.includes(user.accessKeySecret)), 'the secret lives in the SecretStore');
  assertNoSecret(JSON.stringify(list) + log.lines.join('\n'));

  await factory.removeAccessKey('secretStorage:work');
  assert.equal(store.values.size, 0, 'removing the last key deletes the entry');
  assert.equal((await factory.listProfiles()).profiles.some((p) => p.source === 'secretStorage'), false);
  await assert.rejects(factory.createServices(stored).sts.getCallerIdentity(), (e: Error & { code?: string }) => e.code === 'ProfileNotFound');
  await assert.rejects(factory.removeAccessKey('aliyunCli:admin'), /Only AccessKeys stored in VS Code/);
});
