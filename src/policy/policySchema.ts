// Builds the JSON schema of RAM policy documents (schemas/ram-policy.schema.json) from the same facts the
// checks use, so completion and checks cannot drift apart. A unit test compares the file with this
// output; regenerate with `UPDATE_SCHEMA=1 npm run test:unit`.
import { KNOWN_ACTIONS } from './actions';
import { CONDITION_OPERATORS, MAX_POLICY_DOCUMENT_LENGTH } from './policyDocument';
import { TRUSTED_SERVICES } from './trustPolicy';

const ACTION_PATTERN = '^(\\*|[A-Za-z0-9_*?-]+:[A-Za-z0-9_*?-]+)$';
const RESOURCE_PATTERN = '^(\\*|acs:[^:]+:[^:]*:[^:]*:.+)$';

const CONDITION_KEYS = [
  'acs:SourceIp', 'acs:SourceVpc', 'acs:SourceVpcIp', 'acs:Access', 'acs:SecureTransport', 'acs:CurrentTime',
  'acs:MFAPresent', 'acs:AccessId', 'acs:ResourceTag/<tag key>', 'acs:RequestTag/<tag key>', 'ecs:tag/<tag key>',
  'kms:tag/<tag key>', 'kms:KeyUsage', 'kms:KeySpec', 'kms:ProtectionLevel',
];

function stringOrList(item: Record<string, unknown>, description: string): Record<string, unknown> {
  return {
    description,
    anyOf: [item, { type: 'array', minItems: 1, items: item }],
  };
}

export function buildPolicySchema(): Record<string, unknown> {
  const wildcardActions = ['*', 'kms:*', 'kms:List*', 'kms:Describe*', 'kms:Get*', 'ecs:*', 'ecs:Describe*', 'ram:*', 'ram:Get*', 'ram:List*', 'sts:*'];
  const action = {
    anyOf: [
      { type: 'string', enum: [...wildcardActions, ...KNOWN_ACTIONS] },
      { type: 'string', pattern: ACTION_PATTERN, patternErrorMessage: 'An action is product:ApiName (e.g. kms:Decrypt, kms:List*) or *.' },
    ],
  };
  const resource = {
    anyOf: [
      {
        type: 'string',
        enum: ['*', 'acs:kms:*:*:key/*', 'acs:kms:${region}:${account}:key/${keyId}', 'acs:kms:${region}:${account}:secret/${secretName}',
          'acs:kms:${region}:${account}:alias/${alias}', 'acs:ecs:${region}:${account}:instance/${instanceId}', 'acs:ram:*:${account}:role/${roleName}'],
      },
      { type: 'string', pattern: RESOURCE_PATTERN, patternErrorMessage: 'A resource is * or an ARN acs:<product>:<region>:<account>:<resource>, e.g. acs:kms:cn-hangzhou:<account>:key/<key id>.' },
    ],
  };
  const conditionValue = { anyOf: [{ type: ['string', 'number', 'boolean'] }, { type: 'array', minItems: 1, items: { type: ['string', 'number', 'boolean'] } }] };
  const conditionBlock = {
    type: 'object',
    minProperties: 1,
    properties: Object.fromEntries(CONDITION_KEYS.map((k) => [k, conditionValue])),
    additionalProperties: conditionValue,
  };
  const statementProperties = {
    Sid: { type: 'string', description: 'An optional statement id.' },
    Effect: { type: 'string', enum: ['Allow', 'Deny'], description: 'Allow or Deny. An explicit Deny always wins over an Allow.' },
    Action: stringOrList(action, 'The actions the statement allows or denies: product:ApiName, wildcards * and ? allowed (case-insensitive).'),
    NotAction: stringOrList(action, 'Every action except these.'),
    Resource: stringOrList(resource, 'The resources: * or ARNs such as acs:kms:<region>:<account>:key/<key id>. Not used in trust policies.'),
    NotResource: stringOrList(resource, 'Every resource except these.'),
    Principal: {
      type: 'object',
      description: 'Trust policies only: who may assume the role.',
      minProperties: 1,
      additionalProperties: false,
      properties: {
        Service: stringOrList({ anyOf: [{ type: 'string', enum: TRUSTED_SERVICES.map((s) => s.principal) }, { type: 'string', pattern: '^[a-z0-9.-]+\\.aliyuncs\\.com$' }] }, 'Alibaba Cloud services, e.g. ecs.aliyuncs.com for an instance RAM role.'),
        RAM: stringOrList({ type: 'string', pattern: '^acs:ram::[0-9*]+:(root|role/.+|user/.+)$', examples: ['acs:ram::${account}:root'] }, 'Alibaba Cloud accounts (acs:ram::<account>:root) or RAM identities.'),
        Federated: stringOrList({ type: 'string', pattern: '^acs:ram::[0-9*]+:(saml-provider|oidc-provider)/.+$' }, 'Identity providers (SAML or OIDC).'),
      },
    },
    Condition: {
      type: 'object',
      description: 'Conditions under which the statement applies: { "<operator>": { "<condition key>": <value or values> } }.',
      additionalProperties: false,
      properties: Object.fromEntries(CONDITION_OPERATORS.map((op) => [op, conditionBlock])),
    },
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Alibaba Cloud RAM policy document',
    description: `A RAM permission policy or trust policy (AssumeRolePolicyDocument). At most ${MAX_POLICY_DOCUMENT_LENGTH} characters.`,
    type: 'object',
    required: ['Version', 'Statement'],
    additionalProperties: false,
    properties: {
      Version: { type: 'string', enum: ['1'], description: 'The policy language version: always "1".' },
      Statement: { type: 'array', description: 'The statements of the policy.', items: { $ref: '#/definitions/statement' } },
    },
    defaultSnippets: [
      { label: 'KMS access for chosen keys', body: { Version: '1', Statement: [{ Effect: 'Allow', Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'], Resource: ['acs:kms:${1:region}:${2:account}:key/${3:keyId}'] }] } },
      { label: 'ECS trust policy', body: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['ecs.aliyuncs.com'] } }], Version: '1' } },
    ],
    definitions: {
      statement: {
        type: 'object',
        required: ['Effect'],
        additionalProperties: false,
        properties: statementProperties,
        allOf: [
          { anyOf: [{ required: ['Action'] }, { required: ['NotAction'] }] },
          { not: { required: ['Action', 'NotAction'] } },
          { not: { required: ['Resource', 'NotResource'] } },
          { anyOf: [{ required: ['Resource'] }, { required: ['NotResource'] }, { required: ['Principal'] }] },
        ],
        defaultSnippets: [
          { label: 'Allow statement', body: { Effect: 'Allow', Action: ['${1:kms:Decrypt}'], Resource: ['${2:acs:kms:*:*:key/*}'] } },
          { label: 'Trust statement (ECS)', body: { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['ecs.aliyuncs.com'] } } },
        ],
      },
    },
  };
}
