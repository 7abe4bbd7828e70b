// RAM roles and policies through the real RAM SDK client: validation, conflicts, Marker paging,
// attachments and the entities of a policy.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as Ram from '@alicloud/ram20150501';
import { startEmulator, type Emulator } from '../emulator/index';
import { clients, codeOf } from '../emulator/sdkClients';

let emu: Emulator;
let ram: ReturnType<typeof clients>['ram'];
before(async () => {
  emu = await startEmulator({ scenario: 'empty' });
  ram = clients(emu.api, emu).ram;
});
after(() => emu.close());

const ECS_TRUST = '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}],"Version":"1"}';

describe('emulator RAM', () => {
  it('creates, reads, updates and lists a role; refuses duplicates and bad input with RAM\'s codes', async () => {
    const created = await ram.createRole(new Ram.CreateRoleRequest({ roleName: 'EcsKmsRole', assumeRolePolicyDocument: ECS_TRUST, description: 'for ECS' }));
    assert.equal(created.body?.role?.arn, `acs:ram::${emu.accountId}:role/ecskmsrole`);
    assert.equal(created.body?.role?.assumeRolePolicyDocument, ECS_TRUST);
    await assert.rejects(ram.createRole(new Ram.CreateRoleRequest({ roleName: 'ecskmsrole', assumeRolePolicyDocument: ECS_TRUST })),
      (e: { code: string; statusCode: number }) => e.code === 'EntityAlreadyExists.Role' && e.statusCode === 409);
    await assert.rejects(ram.createRole(new Ram.CreateRoleRequest({ roleName: 'bad name!', assumeRolePolicyDocument: ECS_TRUST })), (e) => codeOf(e) === 'InvalidParameter.RoleName.InvalidChars');
    await assert.rejects(ram.createRole(new Ram.CreateRoleRequest({ roleName: 'x'.repeat(65), assumeRolePolicyDocument: ECS_TRUST })), (e) => codeOf(e) === 'InvalidParameter.RoleName.Length');
    await assert.rejects(ram.createRole(new Ram.CreateRoleRequest({ roleName: 'Broken', assumeRolePolicyDocument: '{"Statement": [' })), (e) => codeOf(e) === 'MalformedPolicyDocument');
    await assert.rejects(ram.getRole(new Ram.GetRoleRequest({ roleName: 'Nope' })), (e: { code: string; statusCode: number }) => e.code === 'EntityNotExist.Role' && e.statusCode === 404);

    const updated = await ram.updateRole(new Ram.UpdateRoleRequest({ roleName: 'EcsKmsRole', newDescription: 'changed' }));
    assert.equal(updated.body?.role?.description, 'changed');
    assert.equal((await ram.getRole(new Ram.GetRoleRequest({ roleName: 'EcsKmsRole' }))).body?.role?.description, 'changed');
  });

  it('pages ListRoles with Marker and MaxItems until IsTruncated is false', async () => {
    for (let n = 0; n < 7; n++) await ram.createRole(new Ram.CreateRoleRequest({ roleName: `page-role-${n}`, assumeRolePolicyDocument: ECS_TRUST }));
    const names: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await ram.listRoles(new Ram.ListRolesRequest({ maxItems: 3, marker }));
      names.push(...(page.body?.roles?.role ?? []).map((r) => r.roleName!));
      marker = page.body?.isTruncated ? page.body.marker : undefined;
      pages++;
    } while (marker);
    assert.equal(pages, 3);
    assert.equal(new Set(names).size, 8);
    await assert.rejects(ram.listRoles(new Ram.ListRolesRequest({ maxItems: 1001 })), (e) => codeOf(e) === 'InvalidParameter');
  });

  it('attaches, lists and detaches policies; DeleteRole is refused while policies are attached', async () => {
    await ram.attachPolicyToRole(new Ram.AttachPolicyToRoleRequest({ policyType: 'System', policyName: 'AliyunKMSFullAccess', roleName: 'EcsKmsRole' }));
    await assert.rejects(ram.attachPolicyToRole(new Ram.AttachPolicyToRoleRequest({ policyType: 'System', policyName: 'AliyunKMSFullAccess', roleName: 'EcsKmsRole' })),
      (e) => codeOf(e) === 'EntityAlreadyExists.Role.Policy');
    await assert.rejects(ram.attachPolicyToRole(new Ram.AttachPolicyToRoleRequest({ policyType: 'System', policyName: 'NoSuchPolicy', roleName: 'EcsKmsRole' })),
      (e) => codeOf(e) === 'EntityNotExist.Policy');
    const listed = await ram.listPoliciesForRole(new Ram.ListPoliciesForRoleRequest({ roleName: 'EcsKmsRole' }));
    assert.deepEqual(listed.body?.policies?.policy?.map((p) => [p.policyName, p.policyType]), [['AliyunKMSFullAccess', 'System']]);
    await assert.rejects(ram.deleteRole(new Ram.DeleteRoleRequest({ roleName: 'EcsKmsRole' })), (e: { code: string; statusCode: number }) => e.code === 'DeleteConflict.Role.Policy' && e.statusCode === 409);
    const entities = await ram.listEntitiesForPolicy(new Ram.ListEntitiesForPolicyRequest({ policyType: 'System', policyName: 'AliyunKMSFullAccess' }));
    assert.deepEqual(entities.body?.roles?.role?.map((r) => r.roleName), ['EcsKmsRole']);
    await ram.detachPolicyFromRole(new Ram.DetachPolicyFromRoleRequest({ policyType: 'System', policyName: 'AliyunKMSFullAccess', roleName: 'EcsKmsRole' }));
    await assert.rejects(ram.detachPolicyFromRole(new Ram.DetachPolicyFromRoleRequest({ policyType: 'System', policyName: 'AliyunKMSFullAccess', roleName: 'EcsKmsRole' })),
      (e) => codeOf(e) === 'EntityNotExist.Role.Policy');
    await ram.deleteRole(new Ram.DeleteRoleRequest({ roleName: 'EcsKmsRole' }));
    await assert.rejects(ram.getRole(new Ram.GetRoleRequest({ roleName: 'EcsKmsRole' })), (e) => codeOf(e) === 'EntityNotExist.Role');
  });

  it('creates custom policies, reads system and custom documents, pages ListPolicies', async () => {
    const doc = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }] });
    const created = await ram.createPolicy(new Ram.CreatePolicyRequest({ policyName: 'DecryptOnly', policyDocument: doc, description: 'd' }));
    assert.equal(created.body?.policy?.policyType, 'Custom');
    await assert.rejects(ram.createPolicy(new Ram.CreatePolicyRequest({ policyName: 'DecryptOnly', policyDocument: doc })), (e) => codeOf(e) === 'EntityAlreadyExists.Policy');
    await assert.rejects(ram.createPolicy(new Ram.CreatePolicyRequest({ policyName: 'NoResource', policyDocument: '{"Version":"1","Statement":[{"Effect":"Allow","Action":"kms:*"}]}' })),
      (e) => codeOf(e) === 'MalformedPolicyDocument');
    const custom = await ram.getPolicyVersion(new Ram.GetPolicyVersionRequest({ policyType: 'Custom', policyName: 'DecryptOnly', versionId: 'v1' }));
    assert.equal(custom.body?.policyVersion?.policyDocument, doc);
    const system = await ram.getPolicy(new Ram.GetPolicyRequest({ policyType: 'System', policyName: 'AliyunKMSFullAccess' }));
    assert.deepEqual(JSON.parse(system.body?.defaultPolicyVersion?.policyDocument ?? '{}').Statement[0].Action, 'kms:*');
    const first = await ram.listPolicies(new Ram.ListPoliciesRequest({ maxItems: 5 }));
    assert.equal(first.body?.policies?.policy?.length, 5);
    assert.equal(first.body?.isTruncated, true);
    const customs = await ram.listPolicies(new Ram.ListPoliciesRequest({ policyType: 'Custom' }));
    assert.deepEqual(customs.body?.policies?.policy?.map((p) => p.policyName), ['DecryptOnly']);
  });
});
