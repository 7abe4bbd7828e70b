// Create Instance with Role: the request and its CLI (the password only ever in the request), and the ECS password rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchCli, launchSummary, runInstancesInput, validateInstancePassword, validatePublicBandwidth, type LaunchAnswers } from '../../src/workflows/instanceLaunch';

const base: LaunchAnswers = {
  regionId: 'cn-hangzhou', vpcId: 'vpc-1', vSwitchId: 'vsw-1', zoneId: 'cn-hangzhou-h', instanceType: 'ecs.g7.large',
  imageId: 'aliyun_3_x64_20G_alibase_20240819.vhd', securityGroupId: 'sg-1', instanceName: 'app', roleName: 'AppRole',
  login: { kind: 'password', password: "P@ss'w0rd x" },
};

test('runInstancesInput: the role, the vSwitch zone, dry run flag; the password only in the request', () => {
  const dry = runInstancesInput(base, true);
  assert.equal(dry.dryRun, true);
  assert.equal(dry.ramRoleName, 'AppRole');
  assert.equal(dry.zoneId, 'cn-hangzhou-h');
  assert.equal(dry.password, "P@ss'w0rd x");
  assert.equal(dry.keyPairName, undefined);
  assert.equal(runInstancesInput({ ...base, login: { kind: 'keyPair', keyPairName: 'kp' } }, false).keyPairName, 'kp');
  assert.equal(runInstancesInput({ ...base, instanceName: '' }, false).instanceName, undefined);
});

test('launchCli and launchSummary never contain the password', () => {
  const cli = launchCli(base);
  assert.ok(!cli.includes('P@ss'), cli);
  assert.match(cli, /--RamRoleName AppRole/);
  assert.match(cli, /--Password "\$ALIYUN_ECS_PASSWORD"$/);
  assert.match(launchCli(base, true), /--DryRun true/);
  assert.ok(!launchSummary(base).join('\n').includes('P@ss'));
  assert.match(launchCli({ ...base, login: { kind: 'later' } }), /--Amount 1$/);
});

test('validateInstancePassword: length, character set, leading slash, three kinds; messages never echo it', () => {
  const cases: [string, string | undefined][] = [
    ['Abcdef1!', undefined],
    ['abcdef12', 'Password.Weak'],
    ['ABCdef12', undefined],
    ['Ab1!', 'Password.Length'],
    ['A'.repeat(29) + 'b1', 'Password.Length'],
    ['Abcdefg1 ', 'Password.BadCharacter'],
    ['Abcdefg1é', 'Password.BadCharacter'],
    ['/Abcdefg1', 'Password.Slash'],
    ['', 'Password.Length'],
  ];
  for (const [value, code] of cases) {
    const p = validateInstancePassword(value);
    assert.equal(p?.code, code, JSON.stringify(value));
    if (p && value.length > 3) assert.ok(!p.message.includes(value), 'the message must not repeat the password');
  }
});

test('public IP: a bandwidth goes into the request, the CLI and the summary with PayByTraffic; 0 or none sends nothing', () => {
  const withIp = { ...base, publicBandwidth: 20, imageOsName: 'Alibaba Cloud Linux 3.2104 LTS 64 bit' };
  const input = runInstancesInput(withIp, true);
  assert.deepEqual([input.internetMaxBandwidthOut, input.internetChargeType], [20, 'PayByTraffic']);
  assert.match(launchCli(withIp), /--InternetMaxBandwidthOut 20 --InternetChargeType PayByTraffic --Amount 1/);
  assert.ok(launchSummary(withIp).includes('public IP: yes, up to 20 Mbit/s outbound, PayByTraffic'));
  assert.ok(launchSummary(withIp).some((l) => l.endsWith('(Alibaba Cloud Linux 3.2104 LTS 64 bit)')));
  for (const none of [{ ...base, publicBandwidth: 0 }, base]) {
    const req = runInstancesInput(none, false);
    assert.deepEqual([req.internetMaxBandwidthOut, req.internetChargeType], [undefined, undefined]);
    assert.ok(!launchCli(none).includes('Internet'), launchCli(none));
    assert.ok(launchSummary(none).includes('public IP: none (reachable only inside the VPC)'));
  }
});

test('validatePublicBandwidth: whole Mbit/s from 1 to 100', () => {
  for (const ok of ['1', '5', ' 100 ']) assert.equal(validatePublicBandwidth(ok), undefined, ok);
  for (const bad of ['0', '101', '1.5', '-3', '', 'fast', '1e2']) assert.equal(validatePublicBandwidth(bad)?.code, 'Bandwidth.Range', bad);
});
