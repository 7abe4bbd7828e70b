// API-call budgets (issue 19), asserted in the real extension host with the emulator's own request
// counter, so a regression to one call per listed item (N+1) fails CI. Times are the benchmark's
// business (npm run bench); here only counts, which are the same on every machine.
import * as assert from 'node:assert/strict';
import type { EmulatorSeed } from '../emulator/seed';
import { SERVICE_RATE_LIMITS } from '../emulator/rateLimit';
import { REALISTIC_KEY } from '../emulator/scenarios/realistic';
// Issue 14 moves these to src/diagnosis/runDiagnosis and src/cloud/networkProbe: only the paths change.
import { runDiagnosis } from '../../src/diagnosis/runDiagnosis';
import { nodeNetworkProbe } from '../../src/cloud/networkProbe';
import type { TreeNode } from '../../src/views/common/treeNode';
import { connectToEmulator, type EmulatorSession } from './support/emulatorSession';
import { keyNode } from './support/workflowTrees';

const ROWS_ON_SCREEN = 25;
const PAGE = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls the service answered, by action: requests minus those refused with Throttling.User. The
 * client paces RAM reads under the service's rate, but on a loaded machine requests can reach the
 * emulator bunched together and one is refused and retried; that is not a call the code asked for.
 */
function answered(s: EmulatorSession): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [action, n] of Object.entries(s.emulator.calls.byAction)) out[action] = n - (s.emulator.limits.throttled[action] ?? 0);
  return out;
}

describe('API-call budgets', function () {
  this.timeout(120_000);
  let s: EmulatorSession | undefined;
  afterEach(async () => {
    await s?.dispose();
    s = undefined;
  });

  it('RAM Roles over 1,200 roles: the first screen costs one ListRoles and a GetRole per row on it; the rest of the page loads later, never the whole account', async () => {
    s = await connectToEmulator({ scenario: 'realistic' });
    const roles = s.api.trees.roles;
    roles.refresh();
    s.emulator.resetCalls();
    const nodes = await roles.getChildren();
    const atFirstPaint = answered(s);
    assert.equal(atFirstPaint.ListRoles, 1);
    assert.equal(atFirstPaint.GetRole, ROWS_ON_SCREEN, JSON.stringify(atFirstPaint));
    const firstScreen = await Promise.all(nodes.slice(0, ROWS_ON_SCREEN).map((n) => roles.getTreeItem(n)));
    assert.ok(firstScreen.every((item) => /^ramRole:(ecsTrusted|notEcsTrusted)$/.test(String(item.contextValue))), 'the first screen shows verdicts');
    assert.ok((await roles.getTreeItem(nodes[PAGE - 1])).contextValue === 'ramRole:checking', 'a row below the first screen is still being checked');
    // The rest of the first page is read in the background within RAM's rate limit, then nothing more.
    for (let waited = 0; (answered(s).GetRole ?? 0) < PAGE && waited < 30_000; waited += 250) await sleep(250);
    await sleep(1_000);
    assert.equal(answered(s).GetRole, PAGE);
    assert.equal(answered(s).ListRoles, 1);
    roles.refresh();
  });

  it('a full Diagnose on the instance: at most 15 API calls, every check passing', async () => {
    s = await connectToEmulator({ scenario: 'realistic' });
    const { factory, session } = s.api;
    const management = (await session.getServices())!;
    await management.sts.getCallerIdentity();
    factory.metadata.reset();
    s.emulator.resetCalls();
    const api = s.emulator.api;
    const report = await runDiagnosis({
      metadata: factory.metadata,
      network: nodeNetworkProbe,
      instanceKms: (region) => factory.createInstanceServices(region).kms(region),
      kmsEndpoint: () => ({ endpoint: new URL(api).host, protocol: 'http', vpc: false, overridden: true }),
      management: { profileName: management.profile.name, services: management },
      key: { identifier: REALISTIC_KEY, regionId: 'cn-hangzhou' },
      fallbackRegionId: 'cn-hangzhou',
      now: Date.now,
    });
    assert.deepEqual(report.lines.filter((l) => l.status !== 'passed').map((l) => l.id), []);
    assert.ok(Object.values(answered(s)).reduce((a, b) => a + b, 0) <= 15, `Diagnose made ${s.emulator.calls.total} API calls: ${JSON.stringify(s.emulator.calls.byAction)}`);
  });

  it('Roles that can use this key: ListRoles pages + one ListPoliciesForRole per candidate role + one read per policy version, streamed, no throttling error', async () => {
    s = await connectToEmulator({ seed: keyRolesSeed(), rateLimits: SERVICE_RATE_LIMITS });
    const key = await keyNode(s.api, 'cn-hangzhou', KEY);
    const group = (await key.getChildren()).find((n) => n.id.endsWith('/roles')) as TreeNode & { scanned(): Promise<void> };
    assert.ok(group, 'the key has its "Roles that can use this key" node');
    s.emulator.resetCalls();
    let streamed = false;
    const listening = s.api.trees.keys.onDidChangeTreeData((changed) => {
      if (changed !== group) return;
      void Promise.resolve(group.getChildren!()).then((children) => {
        const roleRows = children.filter((c) => !c.id.includes('/message/'));
        if (roleRows.length > 0 && children.some((c) => c.id.endsWith('/message/scanning'))) streamed = true;
      });
    });
    try {
      await group.getChildren!();
      await group.scanned();
    } finally {
      listening.dispose();
    }
    const shown = (await group.getChildren!()).map((c) => String(c.getTreeItem().label)).sort();
    assert.deepEqual(shown, expectedKeyUsers());
    assert.ok(streamed, 'a role found was shown while the scan was still running');
    const calls = answered(s);
    const seed = keyRolesSeed();
    const candidates = seed.roles!.filter((r) => !r.name.startsWith('AliyunServiceRoleFor'));
    const versions = new Set(candidates.flatMap((r) => r.policies ?? []));
    assert.equal(calls.ListRoles, Math.ceil(seed.roles!.length / PAGE));
    assert.equal(calls.ListPoliciesForRole, candidates.length);
    assert.equal((calls.GetPolicyVersion ?? 0) + (calls.GetPolicy ?? 0), versions.size, 'one document read per distinct policy version');
  });
});

const ACCOUNT = '1688000000000019';
const KEY = 'key-hzzbudget00000000001';
const KMS_POLICY = 'budget-policy-00';

/** 150 roles (2 ListRoles pages): 30 service-linked, 100 instance roles sharing 12 custom policies, 20 others. */
function keyRolesSeed(): EmulatorSeed {
  const statement = (Action: string[], Resource: string) => ({ Version: '1', Statement: [{ Effect: 'Allow', Action, Resource }] });
  return {
    accountId: ACCOUNT,
    policies: Array.from({ length: 12 }, (_, n) => ({
      name: `budget-policy-${String(n).padStart(2, '0')}`,
      document: n === 0 ? statement(['kms:Encrypt', 'kms:Decrypt'], `acs:kms:cn-hangzhou:${ACCOUNT}:key/${KEY}`) : statement(['oss:GetObject'], `acs:oss:*:*:bucket-${n}/*`),
      olderVersions: n % 3 === 0 ? [statement(['oss:ListObjects'], '*')] : [],
    })),
    roles: [
      ...Array.from({ length: 30 }, (_, n) => ({ name: `AliyunServiceRoleForSvc${n}`, trustedServices: [`svc${n}.aliyuncs.com`], policies: ['AliyunKMSFullAccess'] })),
      ...Array.from({ length: 100 }, (_, n) => ({
        name: `ecs-role-${String(n).padStart(3, '0')}`,
        policies: [`budget-policy-${String(n % 12).padStart(2, '0')}`, ...(n % 10 === 5 ? ['AliyunKMSCryptoUserAccess'] : []), ...(n % 3 === 0 ? ['AliyunOSSReadOnlyAccess'] : [])],
      })),
      ...Array.from({ length: 20 }, (_, n) => ({ name: `other-${n}`, trustedServices: ['fc.aliyuncs.com'], policies: ['AliyunLogFullAccess'] })),
    ],
    vpcs: [{ id: 'vpc-budget', region: 'cn-hangzhou', vSwitches: [{ id: 'vsw-budget' }] }],
    keys: [{ id: KEY, region: 'cn-hangzhou', aliases: ['alias/budget'] }],
  };
}

function expectedKeyUsers(): string[] {
  return keyRolesSeed().roles!
    .filter((r) => !r.name.startsWith('AliyunServiceRoleFor') && (r.policies ?? []).some((p) => p === KMS_POLICY || p === 'AliyunKMSCryptoUserAccess'))
    .map((r) => r.name).sort();
}

