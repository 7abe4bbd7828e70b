// Trust policies (AssumeRolePolicyDocument) for RAM roles. Pure: no vscode, no SDK.

/** The service principal that lets ECS instances assume a role (product doc, step 1). */
export const ECS_SERVICE_PRINCIPAL = 'ecs.aliyuncs.com';

export interface TrustPolicyStatement {
  Action: string;
  Effect: 'Allow' | 'Deny';
  Principal: { Service?: string[]; RAM?: string[]; Federated?: string[] };
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface TrustPolicy {
  Statement: TrustPolicyStatement[];
  Version: '1';
}

/**
 * The trust policy that lets the given services (ECS by default) assume the role:
 * `{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}],"Version":"1"}`.
 */
export function serviceTrustPolicy(services: readonly string[] = [ECS_SERVICE_PRINCIPAL]): TrustPolicy {
  if (services.length === 0) throw new Error('A trust policy needs at least one trusted service.');
  return {
    Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: [...services] } }],
    Version: '1',
  };
}

/** Formats a policy document the way the RAM console shows it (4-space indent). */
export function formatPolicy(document: unknown): string {
  return JSON.stringify(document, null, 4);
}
