import type { CloudServices, KmsService } from '../../cloud/types';
import type { RolePolicyReader } from '../../session/rolePolicies';
import type { TreeNode } from '../common/treeNode';

/** What the nodes of one KMS region need from their tree. */
export interface KeyTreeContext {
  readonly services: CloudServices;
  readonly regionId: string;
  readonly kms: KmsService;
  readonly policies: RolePolicyReader;
  matches(...fields: (string | undefined)[]): boolean;
  refresh(node?: TreeNode): void;
  errorNode(parent: TreeNode, error: unknown, scope?: string): TreeNode;
}
