import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EmulatorSeed } from '../emulator/seed';
import { connectToEmulator, extensionApi, type EmulatorSession } from './support/emulatorSession';
import { children, find } from './support/treeItems';

const ACCOUNT = '1234567890123456';
const APP_KEY = 'key-hzz6a1b2c3d4e5f6g7h8';
const OTHER_KEY = 'key-hzz9z8y7x6w5v4u3t2s1';

/** A small account built for these tests: what each tree must show is known exactly. */
const seed: EmulatorSeed = {
  accountId: ACCOUNT,
  policies: [
    {
      name: 'AppKeyCrypto',
      document: {
        Version: '1',
        Statement: [{ Effect: 'Allow', Action: ['kms:Encrypt', 'kms:Decrypt'], Resource: `acs:kms:cn-hangzhou:${ACCOUNT}:key/${APP_KEY}` }],
      },
    },
  ],
  roles: [
    { name: 'AppRole', description: 'app servers', policies: ['AppKeyCrypto'] },
    { name: 'KmsAdminRole', policies: ['AliyunKMSFullAccess'] },
    { name: 'FcRole', trustedServices: ['fc.aliyuncs.com'] },
  ],
  vpcs: [
    { id: 'vpc-hz', region: 'cn-hangzhou', vSwitches: [{ id: 'vsw-hz' }], securityGroups: [{ id: 'sg-hz' }] },
    { id: 'vpc-sh', region: 'cn-shanghai', vSwitches: [{ id: 'vsw-sh' }], securityGroups: [{ id: 'sg-sh' }] },
    { id: 'vpc-bj', region: 'cn-beijing', vSwitches: [{ id: 'vsw-bj' }] },
  ],
  instances: [
    ...Array.from({ length: 250 }, (_, n) => ({ id: `i-hz${String(n).padStart(4, '0')}`, name: `web-${String(n).padStart(3, '0')}`, region: 'cn-hangzhou' })),
    { id: 'i-shapp', name: 'app-1', region: 'cn-shanghai', role: 'AppRole' },
    { id: 'i-shclassic', name: 'legacy-1', region: 'cn-shanghai', networkType: 'classic' as const },
    { id: 'i-bj0001', name: 'bj-1', region: 'cn-beijing' },
  ],
  keys: [
    { id: APP_KEY, region: 'cn-hangzhou', aliases: ['alias/app'] },
    { id: OTHER_KEY, region: 'cn-hangzhou', state: 'Disabled' },
  ],
  secrets: [{ name: 'db-password', region: 'cn-hangzhou', value: 'not-shown-anywhere-5f1c' }],
};

describe('explorer trees against the emulator', function () {
  this.timeout(60_000);
  let s: EmulatorSession;

  before(async () => {
    s = await connectToEmulator({ seed });
  });
  after(async () => {
    await s?.dispose();
  });

  describe('RAM Roles', () => {
    it('lists each role with its description and marks the one ECS cannot assume', async () => {
      const roles = await children(s.api.trees.roles);
      assert.deepEqual(roles.map((r) => r.label).sort(), ['AppRole', 'FcRole', 'KmsAdminRole']);
      const app = find(roles, 'AppRole');
      assert.equal(app.description, 'app servers');
      assert.equal(app.contextValue, 'ramRole:ecsTrusted');
      assert.equal(app.node.id, `acs:ram::${ACCOUNT}:role/approle`);
      assert.match(app.tooltip, new RegExp(`acs:ram::${ACCOUNT}:role/approle`));
      const fc = find(roles, 'FcRole');
      assert.equal(fc.contextValue, 'ramRole:notEcsTrusted');
      assert.equal(fc.description, 'ECS cannot assume');
      assert.match(fc.tooltip, /ecs\.aliyuncs\.com/);
    });

    it('shows trust policy, permissions (with the KMS actions granted) and instances of a role', async () => {
      const app = find(await children(s.api.trees.roles), 'AppRole');
      const parts = await children(s.api.trees.roles, app.node);
      assert.deepEqual(parts.map((p) => p.label), ['Trust policy', 'Permissions', 'Instances']);
      assert.equal(parts[0].item.command?.command, 'alicloudKms.openTrustPolicy');
      const policies = await children(s.api.trees.roles, parts[1].node);
      assert.deepEqual(policies.map((p) => [p.label, p.contextValue]), [['AppKeyCrypto', 'ramPolicy:custom:kms']]);
      assert.match(policies[0].description, /kms:Encrypt/);
      assert.match(policies[0].description, /kms:Decrypt/);
      const instances = await children(s.api.trees.roles, parts[2].node);
      assert.deepEqual(instances.map((i) => [i.label, i.description]), [['app-1 (i-shapp)', 'cn-shanghai']]);
    });

    it('filters by name and shows the filter in the view description', async () => {
      s.api.trees.roles.setFilter('kmsadmin');
      try {
        assert.deepEqual((await children(s.api.trees.roles)).map((r) => r.label), ['KmsAdminRole']);
        assert.match(String(s.api.trees.roles.view?.description), /kmsadmin/);
      } finally {
        s.api.trees.roles.setFilter(undefined);
      }
      assert.equal((await children(s.api.trees.roles)).length, 3);
      assert.equal(s.api.trees.roles.view?.description, undefined);
    });
  });

  describe('ECS Instances', () => {
    it('shows the regions that have instances, discovered by fan-out', async () => {
      const regions = await children(s.api.trees.instances);
      assert.deepEqual(regions.map((r) => r.label), ['cn-beijing', 'cn-hangzhou', 'cn-shanghai']);
      assert.ok(regions.every((r) => r.contextValue === 'ecsRegion'));
    });

    it('pages a region of 250 instances with "Load more…" and keeps what was loaded', async () => {
      const hz = find(await children(s.api.trees.instances), 'cn-hangzhou');
      const first = await children(s.api.trees.instances, hz.node);
      assert.equal(first.length, 101);
      assert.equal(first[100].contextValue, 'loadMore');
      const loaded = new Promise<void>((resolve) => {
        const sub = s.api.trees.instances.onDidChangeTreeData(() => {
          sub.dispose();
          resolve();
        });
      });
      await vscode.commands.executeCommand('alicloudKms.loadMore', first[100].node);
      await loaded;
      const second = await children(s.api.trees.instances, hz.node);
      assert.equal(second.length, 201);
      const ids = second.filter((r) => r.contextValue.startsWith('ecsInstance:')).map((r) => r.node.id);
      assert.equal(new Set(ids).size, 200);
    });

    it('labels instances with status, IP and role, and marks classic-network ones', async () => {
      const sh = find(await children(s.api.trees.instances), 'cn-shanghai');
      const rows = await children(s.api.trees.instances, sh.node);
      const app = find(rows, 'app-1');
      assert.equal(app.contextValue, 'ecsInstance:running:withRole:vpc');
      assert.match(app.description, /i-shapp · Running · [\d.]+ · role AppRole/);
      const legacy = find(rows, 'legacy-1');
      assert.equal(legacy.contextValue, 'ecsInstance:running:noRole:classic');
      assert.match(legacy.description, /classic network/);
      assert.match(legacy.tooltip, /only in a VPC/);
    });

    it('filters instances by name across loaded pages', async () => {
      s.api.trees.instances.setFilter('web-00');
      try {
        const hz = find(await children(s.api.trees.instances), 'cn-hangzhou');
        const rows = (await children(s.api.trees.instances, hz.node)).filter((r) => r.contextValue.startsWith('ecsInstance:'));
        assert.deepEqual(rows.map((r) => r.label), ['web-000', 'web-001', 'web-002', 'web-003', 'web-004', 'web-005', 'web-006', 'web-007', 'web-008', 'web-009']);
      } finally {
        s.api.trees.instances.setFilter(undefined);
      }
    });

    it('shows a region that always fails as an error node with its code, the other regions still listed', async () => {
      await vscode.workspace.getConfiguration('alicloudKms').update('regions', ['cn-beijing', 'cn-shanghai'], vscode.ConfigurationTarget.Global);
      s.emulator.faults.failingRegions = ['cn-beijing'];
      try {
        s.api.trees.instances.refresh();
        const regions = await children(s.api.trees.instances);
        assert.deepEqual(regions.map((r) => r.label), ['cn-beijing', 'cn-shanghai']);
        const failed = await children(s.api.trees.instances, regions[0].node);
        assert.equal(failed.length, 1);
        assert.equal(failed[0].contextValue, 'error');
        assert.match(failed[0].label, /ServiceUnavailable/);
        assert.equal(failed[0].item.command?.command, 'alicloudKms.showLog');
        const ok = await children(s.api.trees.instances, regions[1].node);
        assert.ok(ok.some((r) => r.label === 'app-1'));
      } finally {
        s.emulator.faults.failingRegions = [];
        await vscode.workspace.getConfiguration('alicloudKms').update('regions', undefined, vscode.ConfigurationTarget.Global);
      }
    });
  });

  describe('KMS Keys & Secrets', () => {
    it('shows keys with alias, state and spec, and secrets without values', async () => {
      const regions = await children(s.api.trees.keys);
      assert.deepEqual(regions.map((r) => r.label), ['cn-hangzhou']);
      const rows = await children(s.api.trees.keys, regions[0].node);
      const app = find(rows, 'alias/app');
      assert.equal(app.contextValue, 'kmsKey:enabled');
      assert.match(app.description, new RegExp(`${APP_KEY} · Enabled`));
      const other = find(rows, OTHER_KEY);
      assert.equal(other.contextValue, 'kmsKey:disabled');
      const secrets = find(rows, 'Secrets');
      const secretRows = await children(s.api.trees.keys, secrets.node);
      assert.deepEqual(secretRows.map((r) => [r.label, r.contextValue]), [['db-password', 'kmsSecret']]);
      assert.ok(!JSON.stringify(secretRows.map((r) => [r.description, r.tooltip])).includes('not-shown-anywhere'));
    });

    it('lists the roles whose policies allow using a key (the reverse view)', async () => {
      const region = (await children(s.api.trees.keys))[0];
      const app = find(await children(s.api.trees.keys, region.node), 'alias/app');
      const parts = await children(s.api.trees.keys, app.node);
      assert.deepEqual(parts.map((p) => p.label), ['alias/app', 'Roles that can use this key', 'Instances that can use this key']);
      const roles = await children(s.api.trees.keys, parts[1].node);
      assert.deepEqual(
        roles.map((r) => [r.label, r.description]).sort(),
        [
          ['AppRole', 'kms:Encrypt, kms:Decrypt'],
          ['KmsAdminRole', 'kms:Encrypt, kms:Decrypt, kms:GenerateDataKey'],
        ],
      );
      const other = find(await children(s.api.trees.keys, region.node), OTHER_KEY);
      const otherRoles = await children(s.api.trees.keys, (await children(s.api.trees.keys, other.node))[0].node);
      assert.deepEqual(otherRoles.map((r) => r.label), ['KmsAdminRole']);
    });
  });
});

describe('explorer without credentials', () => {
  it('shows no nodes, so the welcome content with Select Profile and Add AccessKey appears', async () => {
    const api = await extensionApi();
    await api.session.reloadProfiles();
    if (api.session.activeProfile) failOnHostProfile(api.session.activeProfile.source);
    assert.deepEqual(await api.trees.roles.getChildren(), []);
    assert.deepEqual(await api.trees.instances.getChildren(), []);
    assert.deepEqual(await api.trees.keys.getChildren(), []);
  });
});

function failOnHostProfile(source: string): never {
  throw new Error(`the test host has a profile from ${source}: its HOME and environment must be clean`);
}
