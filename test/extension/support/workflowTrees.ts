// Finds the real tree nodes the workflow commands are invoked on (as the workbench passes them), and
// asks the emulator's metadata service for "this instance's" credential through the extension's own
// `ecsInstance` profile, to prove what the role can do in KMS.
import * as assert from 'node:assert/strict';
import type { Emulator } from '../../emulator';
import type { ExtensionApi } from '../../../src/extensionApi';
import type { TreeNode } from '../../../src/views/common/treeNode';
import type { InstanceNode } from '../../../src/views/instances/instanceNode';
import type { KeyNode } from '../../../src/views/keys/keyNode';
import type { RoleNode } from '../../../src/views/roles/roleNode';

async function childrenOf(provider: { getChildren(node?: TreeNode): Promise<TreeNode[]> | TreeNode[] }, node?: TreeNode): Promise<TreeNode[]> {
  return (await provider.getChildren(node)) ?? [];
}

async function regionNode(provider: { getChildren(node?: TreeNode): Promise<TreeNode[]> | TreeNode[] }, regionId: string): Promise<TreeNode> {
  const regions = await childrenOf(provider);
  const found = regions.find((n) => (n as { regionId?: string }).regionId === regionId);
  assert.ok(found, `no region node ${regionId} among ${regions.map((n) => n.id).join(', ')}`);
  return found;
}

/** The instance nodes of a region, by instance id (fresh: the tree is refreshed first). */
export async function instanceNodes(api: ExtensionApi, regionId: string): Promise<Map<string, InstanceNode>> {
  api.trees.instances.refresh();
  const provider = api.trees.instances;
  const nodes = await childrenOf(provider, await regionNode(provider, regionId));
  return new Map(nodes.filter((n) => 'instanceId' in n).map((n) => [(n as InstanceNode).instanceId, n as InstanceNode]));
}

export async function keyNode(api: ExtensionApi, regionId: string, keyId: string): Promise<KeyNode> {
  api.trees.keys.refresh();
  const provider = api.trees.keys;
  const nodes = await childrenOf(provider, await regionNode(provider, regionId));
  const found = nodes.find((n) => (n as Partial<KeyNode>).keyId === keyId);
  assert.ok(found, `no key node ${keyId}`);
  return found as KeyNode;
}

export async function roleNode(api: ExtensionApi, roleName: string): Promise<RoleNode> {
  api.trees.roles.refresh();
  const nodes = await childrenOf(api.trees.roles);
  const found = nodes.find((n) => (n as Partial<RoleNode>).roleName === roleName && 'role' in n);
  assert.ok(found, `no role node ${roleName}`);
  return found as RoleNode;
}

/**
 * Encrypts with `keyId` as the application on `instanceId` would: the metadata service's credential of
 * the attached role. Returns 'ok' or the error code (e.g. Forbidden.NoPermission).
 */
export async function encryptAsInstance(api: ExtensionApi, emulator: Emulator, instanceId: string, regionId: string, keyId: string): Promise<string> {
  emulator.thisInstanceId = instanceId;
  api.factory.metadata.reset();
  const { profiles } = await api.factory.listProfiles();
  const profile = profiles.find((p) => p.source === 'ecsInstance');
  assert.ok(profile?.usable, `the ecsInstance profile is not usable: ${profile?.unusableReason ?? 'absent'}`);
  const services = api.factory.createServices(profile, regionId);
  try {
    const result = await services.kms(regionId).encrypt({ keyId, plaintext: 'workflow test plaintext' });
    assert.ok(result.ciphertextBlob.length > 0);
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

/** The secret node of `secretName` under the region's "Secrets" group. */
export async function secretNode(api: ExtensionApi, regionId: string, secretName: string): Promise<TreeNode> {
  api.trees.keys.refresh();
  const provider = api.trees.keys;
  const groups = (await childrenOf(provider, await regionNode(provider, regionId))).filter((n) => n.getTreeItem().contextValue === 'kmsSecrets');
  for (const group of groups) {
    const found = (await childrenOf(provider, group)).find((n) => (n as { secretName?: string }).secretName === secretName);
    if (found) return found;
  }
  throw new Error(`no secret node ${secretName}`);
}

/** Reads a secret as the application on `instanceId` would; 'ok' or the error code. The value itself is not returned. */
export async function readSecretAsInstance(api: ExtensionApi, emulator: Emulator, instanceId: string, regionId: string, secretName: string): Promise<string> {
  emulator.thisInstanceId = instanceId;
  api.factory.metadata.reset();
  const { profiles } = await api.factory.listProfiles();
  const profile = profiles.find((p) => p.source === 'ecsInstance');
  assert.ok(profile?.usable, `the ecsInstance profile is not usable: ${profile?.unusableReason ?? 'absent'}`);
  try {
    const value = await api.factory.createServices(profile, regionId).kms(regionId).getSecretValue(secretName);
    assert.ok(value.secretData.length > 0);
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}
