// Cloud Assistant in the emulator through the real ECS SDK client: RunCommand really runs the fleet
// check script per instance against that instance's metadata view and the emulator's KMS (whose
// signature check the script must pass), results come back through DescribeInvocationResults
// (Output Base64), and the documented error codes and limits hold.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Ecs from '@alicloud/ecs20140526';
import { startEmulator, type Emulator } from '../emulator/index';
import { clients, codeOf } from '../emulator/sdkClients';
import { cloudAssistantState } from '../emulator/cloudAssistant/state';

const SCRIPT = readFileSync(join(__dirname, '..', '..', 'src', 'workflows', 'fleet', 'fleet-check.py'), 'utf8');
const content = (key: string) => Buffer.from(`python3 - --key-id ${key} <<'FLEET_CHECK_EOF'\n${SCRIPT}\nFLEET_CHECK_EOF\n`).toString('base64');
const HZ = 'cn-hangzhou';
const SH = 'cn-shanghai';

let emu: Emulator;
let ecs: ReturnType<typeof clients>['ecs'];
before(async () => {
  emu = await startEmulator({ scenario: 'demo' });
  ecs = clients(emu.api, emu).ecs;
});
after(() => emu.close());

async function results(regionId: string, invokeId: string, count: number) {
  for (let n = 0; n < 200; n++) {
    const body = (await ecs.describeInvocationResults(new Ecs.DescribeInvocationResultsRequest({ regionId, invokeId, pageSize: 50 }))).body!;
    const rows = body.invocation?.invocationResults?.invocationResult ?? [];
    if (rows.length === count && rows.every((r) => r.invokeRecordStatus !== 'Running' && r.invokeRecordStatus !== 'Pending')) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the invocation did not finish');
}
const json = (output?: string) => JSON.parse(Buffer.from(output ?? '', 'base64').toString()) as Record<string, unknown>;

describe('emulator Cloud Assistant', () => {
  it('runs the script on each instance: a role with KMS access passes, no role gets the metadata 404', async () => {
    const run = await ecs.runCommand(new Ecs.RunCommandRequest({
      regionId: HZ, type: 'RunShellScript', contentEncoding: 'Base64', commandContent: content('key-hzzdemo0000000000001'),
      instanceId: ['i-bp1demo0000000000001', 'i-bp1demo0000000000002', 'i-bp1demo0000000000003'], timeout: 60, name: 'kms-check',
    }));
    assert.match(run.body?.invokeId ?? '', /^t-/);
    assert.match(run.body?.commandId ?? '', /^c-/);
    const rows = await results(HZ, run.body!.invokeId!, 3);
    const byId = new Map(rows.map((r) => [r.instanceId, r]));
    const web1 = byId.get('i-bp1demo0000000000001')!;
    assert.equal(web1.invocationStatus, 'Success');
    const pass = json(web1.output);
    assert.equal(pass.ok, true, JSON.stringify(pass));
    assert.equal(pass.role, 'EcsKmsAccessRole');
    assert.deepEqual((pass.calls as Array<{ action: string }>).map((c) => c.action), ['Encrypt', 'Decrypt']);
    const web2 = json(byId.get('i-bp1demo0000000000002')!.output);
    assert.equal(web2.code, 'Metadata.NoRole');
    assert.equal(byId.get('i-bp1demo0000000000002')!.errorCode, 'ExitCodeNonzero');
    const stopped = byId.get('i-bp1demo0000000000003')!;
    assert.equal(stopped.errorCode, 'ClientNotRunning');
    assert.equal(stopped.invokeRecordStatus, 'Failed');
    // The script's KMS calls were signed with the instance credential and checked by the emulator.
    assert.ok((emu.calls.byAction.Encrypt ?? 0) >= 1 && (emu.calls.byAction.Decrypt ?? 0) >= 1);

    const listed = (await ecs.describeInvocations(new Ecs.DescribeInvocationsRequest({ regionId: HZ, invokeId: run.body!.invokeId, includeOutput: true }))).body!;
    const inv = listed.invocations!.invocation![0];
    assert.equal(inv.invocationStatus, 'PartialFailed');
    assert.equal(inv.commandName, 'kms-check');
    assert.equal(inv.invokeInstances?.invokeInstance?.length, 3);
  });

  it('a role without KMS permission is refused with the KMS code; no agent and an unreachable VPC endpoint are scenario flags', async () => {
    cloudAssistantState(emu.account).vpcEndpointUnreachable.add('i-uf6demo0000000000001');
    const run = await ecs.runCommand(new Ecs.RunCommandRequest({
      regionId: SH, type: 'RunShellScript', contentEncoding: 'Base64', commandContent: content('key-hzzdemo0000000000001'),
      instanceId: ['i-uf6demo0000000000001', 'i-uf6demo0000000000002'],
    }));
    const rows = await results(SH, run.body!.invokeId!, 2);
    const batch1 = json(rows.find((r) => r.instanceId === 'i-uf6demo0000000000001')!.output);
    assert.equal(batch1.code, 'Forbidden.NoPermission');
    const network = batch1.network as Array<{ tcp: { ok: boolean } }>;
    assert.deepEqual(network.map((n) => n.tcp.ok), [false, true], 'VPC endpoint refused, public one used');
    assert.equal(rows.find((r) => r.instanceId === 'i-uf6demo0000000000002')!.errorCode, 'ClientNotRunning');

    const status = (await ecs.describeCloudAssistantStatus(new Ecs.DescribeCloudAssistantStatusRequest({
      regionId: SH, instanceId: ['i-uf6demo0000000000001', 'i-uf6demo0000000000002'],
    }))).body!;
    const set = status.instanceCloudAssistantStatusSet?.instanceCloudAssistantStatus ?? [];
    assert.deepEqual(set.map((s) => [s.instanceId, s.cloudAssistantStatus, s.OSType]),
      [['i-uf6demo0000000000001', 'true', 'Linux'], ['i-uf6demo0000000000002', 'false', 'Linux']]);
  });

  it('answers the documented errors: bad Base64, unknown instance, too many instances, no instance, Windows', async () => {
    const base = { regionId: HZ, type: 'RunShellScript', contentEncoding: 'Base64', commandContent: content('k') };
    const code = (p: Promise<unknown>) => p.then(() => 'no error', codeOf);
    assert.equal(await code(ecs.runCommand(new Ecs.RunCommandRequest({ ...base, commandContent: 'not base64!', instanceId: ['i-bp1demo0000000000001'] }))), 'CmdContent.DecodeError');
    assert.equal(await code(ecs.runCommand(new Ecs.RunCommandRequest({ ...base, instanceId: ['i-nope'] }))), 'InvalidInstance.NotFound');
    assert.equal(await code(ecs.runCommand(new Ecs.RunCommandRequest({ ...base, instanceId: Array.from({ length: 101 }, (_, n) => `i-${n}`) }))), 'InstanceIds.ExceedLimit');
    assert.equal(await code(ecs.runCommand(new Ecs.RunCommandRequest({ ...base }))), 'MissingParam.InstanceId');
    assert.equal(await code(ecs.runCommand(new Ecs.RunCommandRequest({ ...base, type: 'RunPerl', instanceId: ['i-bp1demo0000000000001'] }))), 'InvalidCmdType.NotFound');
    assert.equal(await code(ecs.describeCloudAssistantStatus(new Ecs.DescribeCloudAssistantStatusRequest({ regionId: HZ, instanceId: Array.from({ length: 51 }, (_, n) => `i-${n}`) }))), 'InstanceIds.ExceedLimit');

    cloudAssistantState(emu.account).windows.add('i-bp1demo0000000000002');
    const run = await ecs.runCommand(new Ecs.RunCommandRequest({ ...base, instanceId: ['i-bp1demo0000000000002'] }));
    const [row] = await results(HZ, run.body!.invokeId!, 1);
    assert.equal(row.errorCode, 'CommandNotApplicable');
    cloudAssistantState(emu.account).windows.delete('i-bp1demo0000000000002');
  });

  it('kills a script at its Timeout and keeps the output in PlainText when asked', async () => {
    const run = await ecs.runCommand(new Ecs.RunCommandRequest({
      regionId: HZ, type: 'RunShellScript', commandContent: 'echo started; sleep 30', instanceId: ['i-bp1demo0000000000001'], timeout: 10,
    }));
    const started = Date.now();
    let row: Ecs.DescribeInvocationResultsResponseBodyInvocationInvocationResultsInvocationResult | undefined;
    while (Date.now() - started < 20_000) {
      const body = (await ecs.describeInvocationResults(new Ecs.DescribeInvocationResultsRequest({ regionId: HZ, invokeId: run.body!.invokeId, contentEncoding: 'PlainText' }))).body!;
      row = body.invocation?.invocationResults?.invocationResult?.[0];
      if (row?.invocationStatus === 'Timeout') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    assert.equal(row?.invocationStatus, 'Timeout');
    assert.equal(row?.errorCode, 'ExecutionTimeout');
    assert.equal(row?.output, 'started\n');
  });

  it('DescribeInvocations lists by CommandName, InvokeStatus and CommandType; pages of at most 50, with the documented codes', async () => {
    const run = (name: string) => ecs.runCommand(new Ecs.RunCommandRequest({
      regionId: HZ, type: 'RunShellScript', commandContent: 'echo hi', instanceId: ['i-bp1demo0000000000001', 'i-bp1demo0000000000002'], timeout: 10, name,
    }));
    const mine = [(await run('listing-a')).body!.invokeId, (await run('listing-a')).body!.invokeId];
    await run('listing-b');
    const list = async (extra: Partial<Ecs.DescribeInvocationsRequest>) =>
      (await ecs.describeInvocations(new Ecs.DescribeInvocationsRequest({ regionId: HZ, maxResults: 50, ...extra }))).body!;
    const byName = await list({ commandName: 'listing-a' });
    assert.deepEqual(new Set(byName.invocations?.invocation?.map((i) => i.invokeId)), new Set(mine));
    assert.deepEqual(byName.invocations?.invocation?.[0].invokeInstances?.invokeInstance?.map((r) => r.instanceId).sort(), ['i-bp1demo0000000000001', 'i-bp1demo0000000000002']);
    assert.equal(byName.invocations?.invocation?.[0].invokeInstances?.invokeInstance?.[0].output, '', 'no output unless IncludeOutput');
    assert.equal((await list({ commandName: 'listing-a', commandType: 'RunPowerShellScript' })).invocations?.invocation?.length, 0);
    for (let n = 0; n < 100 && (await list({ commandName: 'listing-a', invokeStatus: 'Finished' })).invocations?.invocation?.length !== 2; n++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal((await list({ commandName: 'listing-a', invokeStatus: 'Finished' })).invocations?.invocation?.length, 2);
    await assert.rejects(list({ maxResults: 51 }), (e: unknown) => codeOf(e) === 'InvalidParameter.MaxResults');
    await assert.rejects(ecs.describeInvocationResults(new Ecs.DescribeInvocationResultsRequest({ regionId: HZ, pageSize: 51 })), (e: unknown) => codeOf(e) === 'InvalidParam.PageSize');
  });
});
