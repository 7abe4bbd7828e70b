// RAM's metadata documents no error codes per action (api-meta/README.md): they are on RAM's API
// reference pages, one per action, at
//   https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-<action in lower case>
// Each code below names the page it comes from. DeleteRole's list (InvalidParameter.RoleName.*,
// EntityNotExist.Role 404, DeleteConflict.Role.Policy 409) was re-read from that page for this
// list; the others are transcribed from the pages of the actions named.
const page = (action: string) => `https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-${action.toLowerCase()}`;

export const RAM_CODES: Readonly<Record<string, string>> = {
  'EntityNotExist.Role': page('DeleteRole'),
  'DeleteConflict.Role.Policy': page('DeleteRole'),
  'InvalidParameter.RoleName.InvalidChars': page('DeleteRole'),
  'InvalidParameter.RoleName.Length': page('DeleteRole'),
  'EntityAlreadyExists.Role': page('CreateRole'),
  'InvalidParameter.Description.Length': page('CreateRole'),
  'InvalidParameter.MaxSessionDuration': page('CreateRole'),
  MalformedPolicyDocument: page('CreateRole'),
  'LimitExceeded.Policy.Length': page('CreatePolicy'),
  'InvalidParameter.PolicyName.InvalidChars': page('CreatePolicy'),
  'InvalidParameter.PolicyName.Length': page('CreatePolicy'),
  'EntityAlreadyExists.Policy': page('CreatePolicy'),
  'EntityNotExist.Policy': page('GetPolicy'),
  'InvalidParameter.PolicyType': page('GetPolicy'),
  'EntityNotExist.Policy.Version': page('GetPolicyVersion'),
  'EntityAlreadyExists.Role.Policy': page('AttachPolicyToRole'),
  'EntityNotExist.Role.Policy': page('DetachPolicyFromRole'),
  'InvalidParameter.Marker': page('ListRoles'),
  'InvalidParameter.MaxItems': page('ListRoles'),
};

/** RAM's metadata marks no parameter required; these are the required ones from the same pages. */
export const RAM_REQUIRED: Readonly<Record<string, readonly string[]>> = {
  CreateRole: ['RoleName', 'AssumeRolePolicyDocument'],
  GetRole: ['RoleName'],
  UpdateRole: ['RoleName'],
  DeleteRole: ['RoleName'],
  AttachPolicyToRole: ['PolicyType', 'PolicyName', 'RoleName'],
  DetachPolicyFromRole: ['PolicyType', 'PolicyName', 'RoleName'],
  ListPoliciesForRole: ['RoleName'],
  CreatePolicy: ['PolicyName', 'PolicyDocument'],
  GetPolicy: ['PolicyType', 'PolicyName'],
  GetPolicyVersion: ['PolicyType', 'PolicyName', 'VersionId'],
  ListEntitiesForPolicy: ['PolicyType', 'PolicyName'],
};
