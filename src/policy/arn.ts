// Alibaba Cloud Resource Names (ARNs) for the resources this extension touches, and the ways a user
// may name a KMS key (id, alias, ARN). Building validates the parts; parsing never throws.
import { PolicyError, problem, type Problem } from './problem';
import { validateAccountId, validateKeyAlias, validateKeyId, validateRegionId, validateRoleName, validateSecretName, validateInstanceId } from './validation';

export interface ParsedArn {
  product: string;
  region: string;
  account: string;
  /** The part after the account, e.g. `role/ecs-kms` or `key/1234abcd-...`. */
  resource: string;
  /** The resource type before the first `/` (`role`, `key`, `secret`, `alias`, `instance`); empty when there is none. */
  resourceType: string;
  /** The resource id or name after the first `/`; empty when there is none. */
  resourceId: string;
}

/** Splits `acs:<product>:<region>:<account>:<resource>`; undefined when the text is not an ARN. */
export function parseArn(arn: string): ParsedArn | undefined {
  if (typeof arn !== 'string') return undefined;
  const m = /^acs:([^:]+):([^:]*):([^:]*):(.+)$/.exec(arn);
  if (!m) return undefined;
  const [, product, region, account, resource] = m;
  const slash = resource.indexOf('/');
  return {
    product, region, account, resource,
    resourceType: slash >= 0 ? resource.slice(0, slash) : resource,
    resourceId: slash >= 0 ? resource.slice(slash + 1) : '',
  };
}

function check(found: Problem | undefined): void {
  if (found) throw new PolicyError(found);
}

/** `acs:ram::<account>:role/<role name in lower case>`: RAM lower-cases role names in ARNs. */
export function roleArn(account: string, roleName: string): string {
  check(validateAccountId(account));
  check(validateRoleName(roleName));
  return `acs:ram::${account}:role/${roleName.toLowerCase()}`;
}

/** The role name of a role ARN (lower case, as ARNs carry it); undefined when it is not a role ARN. */
export function parseRoleArn(arn: string): { account: string; roleName: string } | undefined {
  const p = parseArn(arn);
  if (!p || p.product !== 'ram' || p.resourceType !== 'role' || !p.resourceId) return undefined;
  return { account: p.account, roleName: p.resourceId };
}

/** `acs:ram::<account>:root`: the principal that stands for a whole Alibaba Cloud account in a trust policy. */
export function accountRootArn(account: string): string {
  check(validateAccountId(account));
  return `acs:ram::${account}:root`;
}

/** `acs:kms:<region>:<account>:key/<key id>`. */
export function keyArn(region: string, account: string, keyId: string): string {
  check(validateRegionId(region));
  check(validateAccountId(account));
  check(validateKeyId(keyId));
  return `acs:kms:${region}:${account}:key/${keyId}`;
}

/** `acs:kms:<region>:<account>:alias/<name>` for an alias given with or without its `alias/` prefix. */
export function aliasArn(region: string, account: string, alias: string): string {
  const full = alias.startsWith('alias/') ? alias : `alias/${alias}`;
  check(validateRegionId(region));
  check(validateAccountId(account));
  check(validateKeyAlias(full));
  return `acs:kms:${region}:${account}:${full}`;
}

/** `acs:kms:<region>:<account>:secret/<name>`. */
export function secretArn(region: string, account: string, secretName: string): string {
  check(validateRegionId(region));
  check(validateAccountId(account));
  check(validateSecretName(secretName));
  return `acs:kms:${region}:${account}:secret/${secretName}`;
}

/** `acs:ecs:<region>:<account>:instance/<instance id>` (what AttachInstanceRamRole is authorized on). */
export function instanceArn(region: string, account: string, instanceId: string): string {
  check(validateRegionId(region));
  check(validateAccountId(account));
  check(validateInstanceId(instanceId));
  return `acs:ecs:${region}:${account}:instance/${instanceId}`;
}

export type KeyIdentifier =
  | { kind: 'keyId'; keyId: string }
  | { kind: 'alias'; alias: string }
  | { kind: 'keyArn'; keyId: string; region: string; account: string }
  | { kind: 'aliasArn'; alias: string; region: string; account: string };

/**
 * Classifies how a user named a key: `1234abcd-...` / `key-...` (id), `alias/name`, or an ARN of either.
 * Returns the problem, with the accepted forms in the message, when it is none of them.
 */
export function classifyKeyIdentifier(input: string): { ok: true; value: KeyIdentifier } | { ok: false; problem: Problem } {
  const text = typeof input === 'string' ? input.trim() : '';
  if (text === '') {
    return { ok: false, problem: problem('KeyIdentifier.Empty', 'Enter a key id (e.g. 1234abcd-12ab-34cd-56ef-1234567890ab or key-hzz62f1cb66fa42qo), an alias (alias/my-key) or an ARN (acs:kms:<region>:<account>:key/<key id>).') };
  }
  if (text.startsWith('acs:')) {
    const p = parseArn(text);
    if (!p || p.product !== 'kms' || (p.resourceType !== 'key' && p.resourceType !== 'alias')) {
      return { ok: false, problem: problem('KeyIdentifier.BadArn', '"{0}" is not a KMS key ARN: write acs:kms:<region>:<account>:key/<key id> or acs:kms:<region>:<account>:alias/<alias>.', text) };
    }
    const bad = validateRegionId(p.region) ?? validateAccountId(p.account)
      ?? (p.resourceType === 'key' ? validateKeyId(p.resourceId) : validateKeyAlias(`alias/${p.resourceId}`));
    if (bad) return { ok: false, problem: bad };
    return p.resourceType === 'key'
      ? { ok: true, value: { kind: 'keyArn', keyId: p.resourceId, region: p.region, account: p.account } }
      : { ok: true, value: { kind: 'aliasArn', alias: `alias/${p.resourceId}`, region: p.region, account: p.account } };
  }
  if (text.startsWith('alias/')) {
    const bad = validateKeyAlias(text);
    return bad ? { ok: false, problem: bad } : { ok: true, value: { kind: 'alias', alias: text } };
  }
  const bad = validateKeyId(text);
  if (bad) return { ok: false, problem: problem('KeyIdentifier.Unrecognized', '"{0}" is not a key identifier. Enter a key id (e.g. 1234abcd-12ab-34cd-56ef-1234567890ab or key-hzz62f1cb66fa42qo), an alias (alias/my-key) or an ARN (acs:kms:<region>:<account>:key/<key id>).', text) };
  return { ok: true, value: { kind: 'keyId', keyId: text } };
}
