// KMS Secrets Manager (2016-01-20): generic secrets with versions and the ACSCurrent stage.
import { randomUUID } from 'node:crypto';
import { ApiError, invalid } from '../errors';
import { isoSeconds, type Account, type Secret } from '../state';
import { can, notFound, numberPage, required, type Ctx, type Handler } from './context';
import { kmsRegion, resolveKey } from './kms';

const secretArn = (account: Account, s: { region: string; name: string }) => `acs:kms:${s.region}:${account.accountId}:secret/${s.name}`;

function getSecret(ctx: Ctx, name: string): Secret {
  const secret = ctx.account.secrets.get(`${kmsRegion(ctx)}/${name}`);
  if (!secret) throw notFound('Forbidden.ResourceNotFound', `The secret is not found: ${name}.`);
  return secret;
}

export function newSecret(account: Account, region: string, name: string, value: string, now: number, opts: { description?: string; keyId?: string; versionId?: string; dataType?: string } = {}): Secret {
  const time = isoSeconds(now);
  const secret: Secret = {
    name, region, description: opts.description ?? '', keyId: opts.keyId ?? '', createTime: time, updateTime: time,
    versions: [{ id: opts.versionId ?? randomUUID(), data: value, dataType: opts.dataType ?? 'text', createTime: time, stages: ['ACSCurrent'] }],
  };
  account.secrets.set(`${region}/${name}`, secret);
  return secret;
}

export const secretHandlers: Record<string, Handler> = {
  CreateSecret(ctx) {
    const name = required(ctx, 'SecretName');
    const region = kmsRegion(ctx);
    can(ctx, 'kms:CreateSecret', secretArn(ctx.account, { region, name }));
    const data = required(ctx, 'SecretData');
    const versionId = required(ctx, 'VersionId');
    if (!/^[a-zA-Z0-9/_+=.@-]{1,192}$/.test(name) || name.startsWith('acs/')) throw invalid('InvalidParameter', 'The SecretName is not valid.');
    const dataType = ctx.params.SecretDataType ?? 'text';
    if (dataType !== 'text' && dataType !== 'binary') throw invalid('InvalidParameter', 'The SecretDataType must be text or binary.');
    if (ctx.account.secrets.has(`${region}/${name}`)) throw new ApiError(409, 'Rejected.ResourceExist', `The secret already exists: ${name}.`);
    const keyId = ctx.params.EncryptionKeyId ? resolveKey(ctx, ctx.params.EncryptionKeyId).id : '';
    const secret = newSecret(ctx.account, region, name, data, ctx.now(), { description: ctx.params.Description, keyId, versionId, dataType });
    return { Arn: secretArn(ctx.account, secret), SecretName: name, VersionId: versionId };
  },
  ListSecrets(ctx) {
    const region = kmsRegion(ctx);
    can(ctx, 'kms:ListSecrets', `acs:kms:${region}:${ctx.account.accountId}:secret/*`);
    const items = [...ctx.account.secrets.values()].filter((s) => s.region === region);
    const { page, ...rest } = numberPage(ctx, items, 10, 100);
    return {
      ...rest, SecretList: { Secret: page.map((s) => ({ SecretName: s.name, SecretType: 'Generic', CreateTime: s.createTime, UpdateTime: s.updateTime, PlannedDeleteTime: '' })) },
    };
  },
  DescribeSecret(ctx) {
    const name = required(ctx, 'SecretName');
    can(ctx, 'kms:DescribeSecret', secretArn(ctx.account, { region: kmsRegion(ctx), name }));
    const s = getSecret(ctx, name);
    return {
      Arn: secretArn(ctx.account, s), SecretName: s.name, SecretType: 'Generic', Description: s.description, EncryptionKeyId: s.keyId,
      CreateTime: s.createTime, UpdateTime: s.updateTime, PlannedDeleteTime: '', AutomaticRotation: 'Disabled',
    };
  },
  GetSecretValue(ctx) {
    const name = required(ctx, 'SecretName');
    can(ctx, 'kms:GetSecretValue', secretArn(ctx.account, { region: kmsRegion(ctx), name }));
    const s = getSecret(ctx, name);
    const stage = ctx.params.VersionStage ?? (ctx.params.VersionId ? undefined : 'ACSCurrent');
    const v = s.versions.find((x) => (!ctx.params.VersionId || x.id === ctx.params.VersionId) && (!stage || x.stages.includes(stage)));
    if (!v) throw notFound('Forbidden.ResourceNotFound', 'The secret version is not found.');
    return {
      SecretName: s.name, SecretType: 'Generic', VersionId: v.id, CreateTime: v.createTime, SecretData: v.data, SecretDataType: v.dataType,
      VersionStages: { VersionStage: v.stages }, AutomaticRotation: 'Disabled',
    };
  },
};
