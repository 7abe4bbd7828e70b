// Input validation as the services validate, with the rule in the message so the user knows what to
// type. Each validator returns undefined when the value is fine, or the Problem (never throws, whatever
// it is given). Rules: RAM API reference (CreateRole, CreatePolicy), ECS (AttachInstanceRamRole), KMS
// (CreateAlias, CreateSecret).
import { problem, type Problem } from './problem';

function asText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Characters of `text` not matching `allowed`, each once, quoted, for messages. */
function badCharacters(text: string, allowed: RegExp): string {
  const seen = new Set<string>();
  for (const ch of text) if (!allowed.test(ch)) seen.add(ch === ' ' ? 'space' : JSON.stringify(ch));
  return [...seen].slice(0, 5).join(', ');
}

/** Length and character checks with complete, literal templates (each one an l10n key). */
function nameRule(
  value: unknown, max: number, allowed: RegExp, codePrefix: string,
  templates: { empty: string; tooLong: string; badCharacter: string },
): Problem | undefined {
  const text = asText(value);
  if (text === undefined || text.length === 0) return problem(`${codePrefix}.Empty`, templates.empty);
  const length = [...text].length;
  if (length > max) return problem(`${codePrefix}.TooLong`, templates.tooLong, length);
  const bad = badCharacters(text, allowed);
  if (bad) return problem(`${codePrefix}.BadCharacter`, templates.badCharacter, bad);
  return undefined;
}

/** RAM CreateRole RoleName: 1 to 64 characters, letters, digits, periods (.) and hyphens (-). */
export function validateRoleName(value: unknown): Problem | undefined {
  return nameRule(value, 64, /[A-Za-z0-9.-]/, 'RoleName', {
    empty: 'Enter a role name. A RAM role name is 1 to 64 characters: letters, digits, periods (.) and hyphens (-).',
    tooLong: 'The name is {0} characters long. A RAM role name is 1 to 64 characters: letters, digits, periods (.) and hyphens (-).',
    badCharacter: 'The name contains {0}. A RAM role name is 1 to 64 characters: letters, digits, periods (.) and hyphens (-).',
  });
}

/** RAM CreatePolicy PolicyName: 1 to 128 characters, letters, digits and hyphens (-). */
export function validatePolicyName(value: unknown): Problem | undefined {
  return nameRule(value, 128, /[A-Za-z0-9-]/, 'PolicyName', {
    empty: 'Enter a policy name. A RAM policy name is 1 to 128 characters: letters, digits and hyphens (-).',
    tooLong: 'The name is {0} characters long. A RAM policy name is 1 to 128 characters: letters, digits and hyphens (-).',
    badCharacter: 'The name contains {0}. A RAM policy name is 1 to 128 characters: letters, digits and hyphens (-).',
  });
}

/** Role and policy descriptions: optional (empty means none), otherwise at most 1,024 characters. */
export function validateDescription(value: unknown): Problem | undefined {
  if (value === undefined || value === '') return undefined;
  const text = asText(value);
  if (text === undefined) return problem('Description.NotText', 'The description must be text.');
  const length = [...text].length;
  if (length > 1024) return problem('Description.TooLong', 'The description is {0} characters long; RAM allows at most 1,024.', length);
  return undefined;
}

export const MIN_SESSION_DURATION = 3600;
export const MAX_SESSION_DURATION = 43200;

/** CreateRole MaxSessionDuration: whole seconds from 3,600 (1 hour, the default) to 43,200 (12 hours). */
export function validateMaxSessionDuration(value: unknown): Problem | undefined {
  const text = typeof value === 'number' ? String(value) : asText(value)?.trim();
  if (text === undefined || !/^\d+$/.test(text)) {
    return problem('MaxSessionDuration.NotInteger', '"{0}" is not a number of seconds. The maximum session duration is a whole number of seconds from 3600 (1 hour, the default) to 43200 (12 hours).', String(value).slice(0, 40));
  }
  const n = Number(text);
  if (n < MIN_SESSION_DURATION || n > MAX_SESSION_DURATION) {
    return problem('MaxSessionDuration.OutOfRange', '{0} is out of range. The maximum session duration is a whole number of seconds from 3600 (1 hour, the default) to 43200 (12 hours).', text.slice(0, 40));
  }
  return undefined;
}

/** RAM PolicyDocument: 1 to 6,144 characters (CreatePolicy, CreatePolicyVersion). */
export function validatePolicyDocumentLength(value: unknown): Problem | undefined {
  const text = asText(value);
  if (!text) return problem('PolicyDocument.Empty', 'The policy document is empty.');
  if (text.length > 6144) return problem('PolicyDocument.TooLong', 'The policy document is {0} characters long; RAM accepts at most 6,144. Remove spaces or split it into two policies.', text.length);
  return undefined;
}

/** ECS instance ids: `i-` followed by lower-case letters and digits (e.g. i-bp67acfmxazb4ph***). */
export function validateInstanceId(value: unknown): Problem | undefined {
  const text = asText(value);
  if (text === undefined || text.trim() === '') return problem('InstanceId.Empty', 'Enter an instance id (i- followed by letters and digits, e.g. i-bp67acfmxazb4p).');
  if (!/^i-[a-z0-9]{1,40}$/.test(text)) {
    return problem('InstanceId.Bad', '"{0}" is not an ECS instance id: it starts with i- followed by lower-case letters and digits (e.g. i-bp67acfmxazb4p).', text.slice(0, 60));
  }
  return undefined;
}

/** AttachInstanceRamRole InstanceIds: 1 to 100 distinct instance ids per call. */
export function validateInstanceIds(value: unknown): Problem | undefined {
  if (!Array.isArray(value) || value.length === 0) return problem('InstanceIds.Empty', 'Choose at least one instance (1 to 100 per call).');
  if (value.length > 100) return problem('InstanceIds.TooMany', '{0} instances were given; one call takes 1 to 100. Split them into batches of 100.', value.length);
  const seen = new Set<unknown>();
  for (const id of value) {
    const bad = validateInstanceId(id);
    if (bad) return bad;
    if (seen.has(id)) return problem('InstanceIds.Duplicate', '{0} is listed twice; list each instance once.', String(id));
    seen.add(id);
  }
  return undefined;
}

/** Region ids such as cn-hangzhou, ap-southeast-1, cn-shanghai-finance-1. */
export function validateRegionId(value: unknown): Problem | undefined {
  const text = asText(value);
  if (text === undefined || text === '') return problem('RegionId.Empty', 'Enter a region id such as cn-hangzhou or ap-southeast-1.');
  if (!/^[a-z]{2,4}(-[a-z0-9]+){1,4}$/.test(text) || text.length > 40) {
    return problem('RegionId.Bad', '"{0}" is not a region id: region ids are lower case like cn-hangzhou, ap-southeast-1 or eu-central-1.', text.slice(0, 60));
  }
  return undefined;
}

/** Alibaba Cloud account ids (the number in ARNs, e.g. 1234567890123456). */
export function validateAccountId(value: unknown): Problem | undefined {
  const text = asText(value);
  if (text === undefined || !/^\d{1,20}$/.test(text)) {
    return problem('AccountId.Bad', '"{0}" is not an Alibaba Cloud account id: it is a number such as 1234567890123456.', String(value).slice(0, 60));
  }
  return undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEY_INSTANCE_ID = /^key-[a-z0-9]{6,40}$/;

/** KMS key ids: a UUID (default keys) or `key-...` (keys in a KMS instance). */
export function validateKeyId(value: unknown): Problem | undefined {
  const text = asText(value);
  if (text !== undefined && (UUID.test(text) || KEY_INSTANCE_ID.test(text))) return undefined;
  return problem('KeyId.Bad', '"{0}" is not a KMS key id: it is a UUID such as 1234abcd-12ab-34cd-56ef-1234567890ab or key- followed by letters and digits.', String(value).slice(0, 60));
}

/**
 * KMS aliases: `alias/` then 1 to 255 letters, digits, `_`, `-`, `/`. With `forCreate`, `alias/acs/` is
 * refused: that prefix belongs to the keys Alibaba Cloud services manage.
 */
export function validateKeyAlias(value: unknown, options: { forCreate?: boolean } = {}): Problem | undefined {
  const text = asText(value);
  if (text === undefined || !text.startsWith('alias/')) {
    return problem('Alias.NoPrefix', '"{0}" does not start with alias/. An alias is alias/ followed by 1 to 255 letters, digits, underscores (_), hyphens (-) and slashes (/).', String(value).slice(0, 60));
  }
  const name = text.slice('alias/'.length);
  if (name.length === 0) return problem('Alias.Empty', 'The alias has nothing after alias/. An alias is alias/ followed by 1 to 255 letters, digits, underscores (_), hyphens (-) and slashes (/).');
  if (name.length > 255) return problem('Alias.TooLong', 'The alias name is {0} characters long after alias/. An alias is alias/ followed by 1 to 255 letters, digits, underscores (_), hyphens (-) and slashes (/).', name.length);
  const bad = badCharacters(name, /[A-Za-z0-9_/-]/);
  if (bad) return problem('Alias.BadCharacter', 'The alias contains {0}. An alias is alias/ followed by 1 to 255 letters, digits, underscores (_), hyphens (-) and slashes (/).', bad);
  if (options.forCreate && name.toLowerCase().startsWith('acs/')) return problem('Alias.Reserved', 'alias/acs/ is reserved for keys managed by Alibaba Cloud services; choose another name.');
  return undefined;
}

/** KMS secret names: 1 to 192 letters, digits and _ / + = . @ - ; `acs/` is reserved for managed secrets when creating. */
export function validateSecretName(value: unknown, options: { forCreate?: boolean } = {}): Problem | undefined {
  const text = asText(value);
  if (text === undefined || text === '') return problem('SecretName.Empty', 'Enter a secret name. A secret name is 1 to 192 characters: letters, digits, and _ / + = . @ -');
  if (text.length > 192) return problem('SecretName.TooLong', 'The secret name is {0} characters long. A secret name is 1 to 192 characters: letters, digits, and _ / + = . @ -', text.length);
  const bad = badCharacters(text, /[A-Za-z0-9_/+=.@-]/);
  if (bad) return problem('SecretName.BadCharacter', 'The secret name contains {0}. A secret name is 1 to 192 characters: letters, digits, and _ / + = . @ -', bad);
  if (options.forCreate && text.startsWith('acs/')) return problem('SecretName.Reserved', 'Secret names starting with acs/ are reserved for managed secrets; choose another name.');
  return undefined;
}

/** A service principal such as ecs.aliyuncs.com (for trust policies). */
export function validateServicePrincipal(value: unknown): Problem | undefined {
  const text = asText(value);
  if (text !== undefined && /^[a-z0-9-]+(\.[a-z0-9-]+)*\.aliyuncs\.com$/.test(text)) return undefined;
  return problem('ServicePrincipal.Bad', '"{0}" is not a service principal: write <service>.aliyuncs.com, e.g. ecs.aliyuncs.com.', String(value).slice(0, 60));
}

/** Resource ids RunInstances takes: vsw-..., sg-..., vpc-... (prefix, then lower-case letters and digits). */
export function validatePrefixedId(value: unknown, prefix: 'vsw' | 'sg' | 'vpc'): Problem | undefined {
  const text = asText(value);
  if (text !== undefined && new RegExp(`^${prefix}-[a-z0-9]{1,40}$`).test(text)) return undefined;
  return problem('ResourceId.Bad', '"{0}" is not a valid id: it starts with {1}- followed by lower-case letters and digits.', String(value).slice(0, 60), prefix);
}

/** ECS instance types such as ecs.g7.large. */
export function validateInstanceType(value: unknown): Problem | undefined {
  const text = asText(value);
  if (text !== undefined && /^ecs\.[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(text)) return undefined;
  return problem('InstanceType.Bad', '"{0}" is not an instance type: instance types look like ecs.g7.large.', String(value).slice(0, 60));
}
