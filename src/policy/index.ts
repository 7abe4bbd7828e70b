// The policy module's public surface: pure functions on RAM policies, ARNs and inputs (no vscode, no SDK).
export * from './problem';
export * from './policyDocument';
export * from './evaluator';
export * from './wildcard';
export * from './arn';
export * from './validation';
export * from './actions';
export * from './trustPolicy';
export * from './kmsPolicy';
export * from './keyAccess';
export * from './requirements';
export * from './semanticChecks';
export * from './cli';
export * from './policyText';
export { buildPolicySchema } from './policySchema';
export { parseJsonAst, type JsonNode } from './jsonAst';
export * from './explain';
