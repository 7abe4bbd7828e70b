import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shellQuote, aliyunCommand, createRoleCommand, attachPolicyToRoleCommand, attachInstanceRamRoleCommand, runInstancesCommand, createPolicyCommand, detachInstanceRamRoleCommand } from '../../src/policy/cli';
import { serviceTrustPolicy } from '../../src/policy/trustPolicy';
import { SHELLS, wordsIn } from './support/shells';

/** What every installed shell makes of the quoted words (they must all agree): the proof that quoting is right. */
function shellWords(command: string): string[] {
  const results = SHELLS.filter((s) => s.path).map((s) => ({ name: s.name, words: wordsIn(s.path!, command) }));
  for (const r of results.slice(1)) assert.deepEqual(r.words, results[0].words, `${r.name} and ${results[0].name} disagree on ${command}`);
  return results[0].words;
}

for (const shell of SHELLS) {
  test(`shellQuote leaves safe words bare and survives quotes, spaces and specials in ${shell.name}`, (t) => {
    if (!shell.path) {
      assert.ok(!shell.required, `${shell.name} is required for this test (Debian: apt-get install ${shell.name})`);
      t.diagnostic(`${shell.name} is not installed: skipped (install it to check quoting for it)`);
      t.skip(`${shell.name} is not installed`);
      return;
    }
    assert.equal(shellQuote('ecs-kms.role'), 'ecs-kms.role');
    assert.equal(shellQuote(''), "''");
    const values = ["it's", 'a b', '"quoted"', '$HOME `id` $(id)', 'back\\slash', "'", 'line\nbreak', '*', '{"a":["b"]}', '=ls', '=', '==x', 'a=b', '~', '~root', '#x', '!x', '%1', '^x'];
    // One shell run for all the words; each word comes back as one word, unchanged, in order.
    assert.deepEqual(wordsIn(shell.path, values.map(shellQuote).join(' ')), values);
  });
}

test('a word starting with = is quoted (zsh would expand =ls to the path of ls)', () => {
  assert.equal(shellQuote('=ls'), "'=ls'");
  assert.equal(shellQuote('a=b'), 'a=b');
});

test('CreateRole with the trust policy, compact, quoted', () => {
  const cmd = createRoleCommand({ roleName: 'EcsKmsRole', trustPolicy: serviceTrustPolicy(), description: "Bob's role", maxSessionDuration: 3600 });
  assert.equal(cmd, `aliyun ram CreateRole --RoleName EcsKmsRole --AssumeRolePolicyDocument '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}],"Version":"1"}' --Description 'Bob'\\''s role' --MaxSessionDuration 3600`);
  const words = shellWords(cmd.replace(/^aliyun /, ''));
  assert.equal(words[7], "Bob's role");
  assert.deepEqual(JSON.parse(words[5]), serviceTrustPolicy());
});

test('AttachPolicyToRole, CreatePolicy, AttachInstanceRamRole, DetachInstanceRamRole', () => {
  assert.equal(attachPolicyToRoleCommand({ policyType: 'System', policyName: 'AliyunKMSFullAccess', roleName: 'r' }), 'aliyun ram AttachPolicyToRole --PolicyType System --PolicyName AliyunKMSFullAccess --RoleName r');
  assert.equal(attachInstanceRamRoleCommand({ regionId: 'cn-hangzhou', roleName: 'r', instanceIds: ['i-1', 'i-2'] }), `aliyun ecs AttachInstanceRamRole --RegionId cn-hangzhou --RamRoleName r --InstanceIds '["i-1","i-2"]'`);
  assert.equal(detachInstanceRamRoleCommand({ regionId: 'cn-hangzhou', instanceIds: ['i-1'] }), `aliyun ecs DetachInstanceRamRole --RegionId cn-hangzhou --InstanceIds '["i-1"]'`);
  assert.match(createPolicyCommand({ policyName: 'p', document: '{ "Version": "1" }' }), /--PolicyDocument '\{"Version":"1"\}'$/);
  assert.equal(aliyunCommand('ram', 'X', { A: undefined, B: true }), 'aliyun ram X --B true');
});

test('RunInstances never inlines a password', () => {
  const cmd = runInstancesCommand({ regionId: 'cn-hangzhou', imageId: 'img', instanceType: 'ecs.g7.large', securityGroupId: 'sg-1', vSwitchId: 'vsw-1', roleName: 'r', usesPassword: true, dryRun: true });
  assert.equal(cmd, 'aliyun ecs RunInstances --RegionId cn-hangzhou --ImageId img --InstanceType ecs.g7.large --SecurityGroupId sg-1 --VSwitchId vsw-1 --RamRoleName r --Amount 1 --DryRun true --Password "$ALIYUN_ECS_PASSWORD"');
});
