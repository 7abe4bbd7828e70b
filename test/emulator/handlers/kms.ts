// KMS (2016-01-20) keys and cryptography: keys addressable by id, alias or ARN; Encrypt, Decrypt
// and GenerateDataKey with real AES-256-GCM (kmsCrypto.ts). KMS is regional by endpoint: a call acts
// in the region its host names (kms.<region>.…, kms-vpc.<region>.…, or any host with a region label,
// such as kms.cn-shanghai.localhost); only a host that names none (127.0.0.1) falls back to the
// RegionId parameter, else the account's default region.
import { randomBytes, randomUUID } from 'node:crypto';
import { ApiError, invalid } from '../errors';
import { open, parse, seal } from '../kmsCrypto';
import { isoSeconds, type Account, type KmsKey } from '../state';
import { regionIds } from '../regions';
import { can, intParam, mapParam, notFound, numberPage, required, type Ctx, type Handler } from './context';

/** The region a host name names: its first label (or a kms-/kms-vpc- prefixed label) that is a region id. */
export function hostRegion(host: string | undefined): string | undefined {
  const name = (host ?? '').replace(/:\d+$/, '').toLowerCase();
  for (const label of name.split('.')) {
    const id = label.replace(/^kms(-vpc)?-/, '');
    if (regionIds.has(id)) return id;
  }
  return undefined;
}

export const kmsRegion = (ctx: Ctx): string => hostRegion(ctx.host) ?? (ctx.params.RegionId || ctx.account.defaultRegion);
export const keyArn = (account: Account, k: KmsKey): string => `acs:kms:${k.region}:${account.accountId}:key/${k.id}`;

export function newKey(account: Account, region: string, description: string, now: number, id = `key-${region.split('-')[1]?.slice(0, 3) ?? 'xx'}${randomUUID().replace(/-/g, '').slice(0, 20)}`): KmsKey {
  const created = isoSeconds(now);
  const version = randomUUID();
  const key: KmsKey = {
    id, region, description, state: 'Enabled', creationDate: created, deleteDate: '', creator: account.accountId,
    versions: [{ id: version, material: randomBytes(32), creationDate: created }], primaryVersion: version,
  };
  account.keys.set(id, key);
  return key;
}

/** Resolves a KeyId given as id, `alias/name`, key ARN or alias ARN. */
export function resolveKey(ctx: Ctx, ref: string): KmsKey {
  let region = kmsRegion(ctx);
  let id = ref;
  const arn = /^acs:kms:([^:]+):(\d+):(key|alias)\/(.+)$/.exec(ref);
  if (arn) {
    if (arn[2] !== ctx.account.accountId) throw notFound('Forbidden.KeyNotFound', 'The specified Key is not found.');
    region = arn[1];
    id = arn[3] === 'alias' ? `alias/${arn[4]}` : arn[4];
  }
  if (id.startsWith('alias/')) {
    const alias = ctx.account.aliases.get(`${region}/${id}`);
    if (!alias) throw notFound('Forbidden.AliasNotFound', 'The specified Alias is not found.');
    id = alias.keyId;
  }
  const key = ctx.account.keys.get(id);
  if (!key) throw notFound('Forbidden.KeyNotFound', 'The specified Key is not found.');
  return key;
}

/** KMS documents Rejected.Disabled / Rejected.PendingDeletion (409) for a key in those states. */
function usable(key: KmsKey): KmsKey {
  if (key.state === 'Disabled') throw new ApiError(409, 'Rejected.Disabled', 'The request was rejected because the key is disabled.');
  if (key.state === 'PendingDeletion') throw new ApiError(409, 'Rejected.PendingDeletion', 'The request was rejected because the key is pending deletion.');
  return key;
}

function keyMetadata(account: Account, k: KmsKey): object {
  return {
    KeyId: k.id, Arn: keyArn(account, k), KeyState: k.state, KeyUsage: 'ENCRYPT/DECRYPT', KeySpec: 'Aliyun_AES_256', Origin: 'Aliyun_KMS',
    ProtectionLevel: 'SOFTWARE', CreationDate: k.creationDate, Creator: k.creator, Description: k.description, DeleteDate: k.deleteDate,
    MaterialExpireTime: '', PrimaryKeyVersion: k.primaryVersion, AutomaticRotation: 'Disabled', LastRotationDate: k.creationDate,
  };
}

function aliasView(ctx: Ctx, a: { name: string; keyId: string; region: string }): object {
  return { AliasName: a.name, KeyId: a.keyId, AliasArn: `acs:kms:${a.region}:${ctx.account.accountId}:${a.name}` };
}

function encryptWith(ctx: Ctx, key: KmsKey, plaintext: Buffer): { CiphertextBlob: string; KeyId: string; KeyVersionId: string } {
  const version = key.versions.find((v) => v.id === key.primaryVersion)!;
  return { CiphertextBlob: seal(key.id, version.id, version.material, plaintext, mapParam(ctx, 'EncryptionContext')), KeyId: key.id, KeyVersionId: version.id };
}

export const kmsKeyHandlers: Record<string, Handler> = {
  CreateKey(ctx) {
    const region = kmsRegion(ctx);
    can(ctx, 'kms:CreateKey', `acs:kms:${region}:${ctx.account.accountId}:key/*`);
    const spec = ctx.params.KeySpec;
    if (spec && spec !== 'Aliyun_AES_256') throw invalid('InvalidParameter', `The KeySpec "${spec}" is not supported here: only Aliyun_AES_256.`);
    return { KeyMetadata: keyMetadata(ctx.account, newKey(ctx.account, region, ctx.params.Description ?? '', ctx.now())) };
  },
  ListKeys(ctx) {
    const region = kmsRegion(ctx);
    can(ctx, 'kms:ListKeys', `acs:kms:${region}:${ctx.account.accountId}:key/*`);
    const items = [...ctx.account.keys.values()].filter((k) => k.region === region);
    const { page, ...rest } = numberPage(ctx, items, 10, 100);
    return { ...rest, Keys: { Key: page.map((k) => ({ KeyId: k.id, KeyArn: keyArn(ctx.account, k) })) } };
  },
  DescribeKey(ctx) {
    const key = resolveKey(ctx, required(ctx, 'KeyId'));
    can(ctx, 'kms:DescribeKey', keyArn(ctx.account, key));
    return { KeyMetadata: keyMetadata(ctx.account, key) };
  },
  CreateAlias(ctx) {
    const name = required(ctx, 'AliasName');
    const key = resolveKey(ctx, required(ctx, 'KeyId'));
    can(ctx, 'kms:CreateAlias', keyArn(ctx.account, key), `acs:kms:${key.region}:${ctx.account.accountId}:${name}`);
    if (!/^alias\/[a-zA-Z0-9:/_-]{1,249}$/.test(name) || name.startsWith('alias/acs')) {
      throw invalid('InvalidParameter', 'The AliasName must start with "alias/" followed by 1 to 249 letters, digits, "_", "-", "/" or ":".');
    }
    const id = `${key.region}/${name}`;
    if (ctx.account.aliases.has(id)) throw new ApiError(409, 'Rejected.ResourceExist', `The alias already exists: ${name}.`);
    ctx.account.aliases.set(id, { name, keyId: key.id, region: key.region });
    return {};
  },
  ListAliases(ctx) {
    const region = kmsRegion(ctx);
    can(ctx, 'kms:ListAliases', `acs:kms:${region}:${ctx.account.accountId}:alias/*`);
    const items = [...ctx.account.aliases.values()].filter((a) => a.region === region);
    const { page, ...rest } = numberPage(ctx, items, 10, 100);
    return { ...rest, Aliases: { Alias: page.map((a) => aliasView(ctx, a)) } };
  },
  ListAliasesByKeyId(ctx) {
    const key = resolveKey(ctx, required(ctx, 'KeyId'));
    can(ctx, 'kms:ListAliasesByKeyId', keyArn(ctx.account, key));
    const items = [...ctx.account.aliases.values()].filter((a) => a.keyId === key.id);
    const { page, ...rest } = numberPage(ctx, items, 10, 100);
    return { ...rest, Aliases: { Alias: page.map((a) => aliasView(ctx, a)) } };
  },
  Encrypt(ctx) {
    const key = resolveKey(ctx, required(ctx, 'KeyId'));
    can(ctx, 'kms:Encrypt', keyArn(ctx.account, key));
    const plaintext = required(ctx, 'Plaintext');
    if (plaintext.length > 6144) throw invalid('InvalidParameter', 'The Plaintext exceeds 6 KB.');
    return encryptWith(ctx, usable(key), Buffer.from(plaintext, 'utf8'));
  },
  GenerateDataKey(ctx) {
    const key = resolveKey(ctx, required(ctx, 'KeyId'));
    can(ctx, 'kms:GenerateDataKey', keyArn(ctx.account, key));
    const spec = ctx.params.KeySpec ?? 'AES_256';
    if (spec !== 'AES_256' && spec !== 'AES_128') throw invalid('InvalidParameter', 'The KeySpec must be AES_256 or AES_128.');
    const bytes = intParam(ctx, 'NumberOfBytes', spec === 'AES_128' ? 16 : 32, 1, 1024);
    const dataKey = randomBytes(bytes).toString('base64');
    // The blob holds the base64 text, as in the real service: Decrypt returns the same Plaintext.
    return { ...encryptWith(ctx, usable(key), Buffer.from(dataKey, 'utf8')), Plaintext: dataKey };
  },
  Decrypt(ctx) {
    const blob = required(ctx, 'CiphertextBlob');
    const env = parse(blob);
    if (!env) throw invalid('InvalidParameter', 'The specified CiphertextBlob is invalid.');
    const key = ctx.account.keys.get(env.keyId);
    if (!key) throw notFound('Forbidden.KeyNotFound', 'The specified Key is not found.');
    can(ctx, 'kms:Decrypt', keyArn(ctx.account, key));
    usable(key);
    const version = key.versions.find((v) => v.id === env.versionId);
    const plaintext = version && open(env, version.material, mapParam(ctx, 'EncryptionContext'));
    if (!plaintext) throw invalid('InvalidParameter', 'The specified CiphertextBlob is invalid: it was altered, or the EncryptionContext does not match.');
    return { Plaintext: plaintext.toString('utf8'), KeyId: key.id, KeyVersionId: env.versionId };
  },
};
