// The pure parts of the fleet check: the plan (who is skipped and why), the command text, the
// verdict of each result (the same explanations as Test Encrypt). Polling is in fleet-polling.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EcsInstance, InstanceScriptResult } from '../../src/cloud/types';
import { english } from '../../src/util/message';
import { planFleetCheck, statusQueries } from '../../src/workflows/fleet/fleetPlan';
import { buildCheckCommand, runCommandCli } from '../../src/workflows/fleet/fleetScript';
import { parseScriptReport, verdictOf } from '../../src/workflows/fleet/fleetVerdict';

const inst = (id: string, extra: Partial<EcsInstance> = {}): EcsInstance => ({
  instanceId: id, regionId: 'cn-hangzhou', status: 'Running', networkType: 'vpc', securityGroupIds: [], tags: {}, ...extra,
});
const target = { keyId: 'key-1', regionId: 'cn-hangzhou' };
const result = (instanceId: string, output: string, extra: Partial<InstanceScriptResult> = {}): InstanceScriptResult => ({
  invokeId: 't-1', instanceId, invocationStatus: 'Success', finished: true, output, ...extra,
});

test('the plan skips classic, stopped, agent-less and Windows instances with the reason, and asks status only where needed', () => {
  const all = [inst('i-ok'), inst('i-classic', { networkType: 'classic' }), inst('i-stopped', { status: 'Stopped' }),
    inst('i-noagent'), inst('i-win'), inst('i-sh', { regionId: 'cn-shanghai' }), inst('i-ok')];
  assert.deepEqual([...statusQueries(all)], [['cn-hangzhou', ['i-ok', 'i-noagent', 'i-win']], ['cn-shanghai', ['i-sh']]]);
  const plan = planFleetCheck(all, [
    { instanceId: 'i-ok', running: true, osType: 'Linux' }, { instanceId: 'i-noagent', running: false, osType: 'Linux' },
    { instanceId: 'i-win', running: true, osType: 'Windows' }, { instanceId: 'i-sh', running: true, osType: 'Linux' },
  ]);
  assert.deepEqual([...plan.run].map(([r, list]) => [r, list.map((i) => i.instanceId)]), [['cn-hangzhou', ['i-ok']], ['cn-shanghai', ['i-sh']]]);
  assert.deepEqual(plan.skipped.map((s) => [s.instance.instanceId, s.reason]),
    [['i-classic', 'classic'], ['i-stopped', 'stopped'], ['i-noagent', 'noCloudAssistant'], ['i-win', 'windows']]);
  assert.match(english(plan.skipped[1].because), /Not running \(Stopped\)/);
});

test('the command feeds the script to python3 with quoted arguments; the CLI equivalent names every instance', () => {
  const command = buildCheckCommand('print(1)\n', { keyId: "alias/it's", regionId: 'cn-hangzhou', secretName: 'db/pass' });
  assert.match(command, /^#!\/bin\/sh\n/);
  assert.ok(command.includes(`python3 - --key-id 'alias/it'\\''s' --region cn-hangzhou --secret-name db/pass <<'ALICLOUD_KMS_FLEET_CHECK_EOF'\nprint(1)\nALICLOUD_KMS_FLEET_CHECK_EOF\n`));
  assert.throws(() => buildCheckCommand('x\nALICLOUD_KMS_FLEET_CHECK_EOF\n', target));
  assert.equal(runCommandCli('cn-hangzhou', ['i-1', 'i-2'], 60),
    'aliyun ecs RunCommand --RegionId cn-hangzhou --Type RunShellScript --ContentEncoding Base64 --CommandContent "$(base64 -w0 kms-check.sh)" --Timeout 60 --InstanceId.1 i-1 --InstanceId.2 i-2');
});

test('verdicts: pass; NoPermission with the Grant fix; the metadata 404 with Attach Role; Cloud Assistant reasons', () => {
  const line = (o: object) => `some shell noise\n${JSON.stringify({ v: 1, ...o })}\n`;
  assert.equal(parseScriptReport('no json here'), undefined);
  const pass = verdictOf(inst('i-1'), result('i-1', line({ ok: true, role: 'R' })), target, 60);
  assert.equal(pass.status, 'passed');

  const denied = verdictOf(inst('i-2'), result('i-2', line({
    ok: false, code: 'Forbidden.NoPermission', action: 'Encrypt', role: 'EcsNoPermissionRole', region: 'cn-hangzhou', endpoint: 'https://kms-vpc.cn-hangzhou.aliyuncs.com',
    network: [{ endpoint: 'https://kms-vpc.cn-hangzhou.aliyuncs.com', dns: { ok: true }, tcp: { ok: true } }],
    calls: [{ action: 'Encrypt', status: 403, code: 'Forbidden.NoPermission', requestId: 'REQ-9' }],
  }), { invocationStatus: 'Failed', errorCode: 'ExitCodeNonzero' }), target, 60);
  assert.ok(denied.status === 'failed');
  assert.equal(denied.code, 'Forbidden.NoPermission');
  assert.equal(denied.explanation.remedy, 'grantKmsAccess');
  assert.equal(denied.explanation.requestId, 'REQ-9');
  assert.equal(english(denied.explanation.summary), 'Role EcsNoPermissionRole lacks kms:Encrypt on key key-1.');

  const noRole = verdictOf(inst('i-3'), result('i-3', line({ ok: false, code: 'Metadata.NoRole', metadata: { token: 200, role: 404 } })), target, 60);
  assert.ok(noRole.status === 'failed');
  assert.equal(noRole.explanation.remedy, 'attachRole');
  assert.equal(english(noRole.explanation.summary), 'No RAM role is attached to this instance.');

  const unreachable = verdictOf(inst('i-4'), result('i-4', line({ ok: false, code: 'EndpointUnreachable', region: 'cn-hangzhou',
    network: [{ endpoint: 'https://kms-vpc.x', dns: { ok: true }, tcp: { ok: false, error: 'timeout' } }, { endpoint: 'https://kms.x', dns: { ok: false, error: 'gaierror' }, tcp: {} }] })), target, 60);
  assert.ok(unreachable.status === 'failed');
  assert.equal(unreachable.code, 'ENOTFOUND');
  assert.equal(unreachable.explanation.remedy, 'otherEndpoint');

  const noAgent = verdictOf(inst('i-5'), result('i-5', '', { invocationStatus: 'Failed', errorCode: 'ClientNotRunning' }), target, 60);
  assert.ok(noAgent.status === 'failed' && noAgent.code === 'ClientNotRunning');
  const slow = verdictOf(inst('i-6'), result('i-6', '', { invocationStatus: 'Timeout', errorCode: 'ExecutionTimeout' }), target, 45);
  assert.ok(slow.status === 'failed');
  assert.equal(english(slow.explanation.summary), 'The check did not finish within 45 seconds.');
});
