// STS (2015-04-01): AssumeRole with the role's trust policy enforced, GetCallerIdentity, and the
// session issuing that the metadata service shares (its credentials are ordinary STS sessions).
import { randomBytes } from 'node:crypto';
import { ApiError, invalid } from '../errors';
import { evaluate } from '../authorize';
import { isoSeconds, randomId, type Account, type Principal, type Role, type StsSession } from '../state';
import { can, notFound, required, type Handler } from './context';
import { validateDocument } from './ram';

/** Issues a temporary credential for a role; it stays known after expiry so it can be refused as expired. */
export function issueSession(account: Account, role: Role, sessionName: string, durationSeconds: number, now: number, issuedBy: string, policy?: string): StsSession {
  const session: StsSession = {
    accessKeyId: `STS.NT${randomId(21)}`,
    secret: randomBytes(33).toString('base64').replace(/[+/]/g, 'x'),
    token: `CAIS${randomBytes(96).toString('base64')}`,
    expiration: now + durationSeconds * 1000,
    roleName: role.name, sessionName, assumedRoleId: `${role.roleId}:${sessionName}`, issuedBy, ...(policy ? { policy } : {}),
  };
  account.sessions.set(session.accessKeyId, session);
  return session;
}

/** Whether a role's trust policy lets this principal (a RAM identity or a cloud service) assume it. */
export function trusts(account: Account, role: Role, who: { ram?: string; service?: string }): boolean {
  const doc = JSON.parse(role.trustPolicy) as { Statement: { Effect: string; Action: string | string[]; Principal?: Record<string, string | string[]> }[] };
  let allowed = false;
  for (const s of doc.Statement) {
    if (evaluate([{ Effect: 'Allow', Action: s.Action, Resource: '*' }], 'sts:AssumeRole', '*') !== 'Allow') continue;
    const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
    const root = `acs:ram::${account.accountId}:root`;
    const match = who.service
      ? list(s.Principal?.Service).some((x) => x === who.service || x === `${account.accountId}@${who.service}`)
      : list(s.Principal?.RAM).some((x) => x === '*' || x === root || x === account.accountId || x === who.ram);
    if (!match) continue;
    if (s.Effect === 'Deny') return false;
    allowed = true;
  }
  return allowed;
}

function principalArn(account: Account, p: Principal): string {
  return p.kind === 'user' ? account.userArn(p.userName) : account.roleArn(p.roleName);
}

/** STS documents InvalidParameter.PolicyGrammar / PolicySize for a bad session Policy. */
function sessionPolicy(text: string): string {
  if (text.length > 2048) throw invalid('InvalidParameter.PolicySize', 'The size of the policy exceeds 2048 characters.');
  try {
    return validateDocument(text, false);
  } catch (e) {
    throw e instanceof ApiError ? invalid('InvalidParameter.PolicyGrammar', `The policy grammar is not valid: ${e.message}`) : e;
  }
}

export const stsHandlers: Record<string, Handler> = {
  AssumeRole(ctx) {
    const arn = required(ctx, 'RoleArn');
    const sessionName = required(ctx, 'RoleSessionName');
    can(ctx, 'sts:AssumeRole', arn);
    if (!/^[\w.@-]{2,64}$/.test(sessionName)) throw invalid('InvalidParameter.RoleSessionName', 'The parameter RoleSessionName is wrongly formed.');
    const m = /^acs:ram::(\d+):role\/(.+)$/.exec(arn);
    if (!m) throw invalid('InvalidParameter.RoleArn', 'The parameter RoleArn is wrongly formed.');
    const role = m[1] === ctx.account.accountId ? ctx.account.roles.get(m[2].toLowerCase()) : undefined;
    if (!role) throw notFound('EntityNotExist.Role', 'The specified Role not exists.');
    const duration = Number(ctx.params.DurationSeconds ?? 3600);
    if (!Number.isInteger(duration) || duration < 900 || duration > role.maxSessionDuration) {
      throw invalid('InvalidParameter.DurationSeconds', `The Min/Max value of DurationSeconds is 15min/${role.maxSessionDuration / 3600}hr.`);
    }
    if (!trusts(ctx.account, role, { ram: principalArn(ctx.account, ctx.caller.principal) })) {
      throw new ApiError(403, 'NoPermission', 'You are not authorized to do this action. You should be authorized by RAM: the role\'s trust policy does not allow you to assume it.');
    }
    const policy = ctx.params.Policy ? sessionPolicy(ctx.params.Policy) : undefined;
    const session = issueSession(ctx.account, role, sessionName, duration, ctx.now(), principalArn(ctx.account, ctx.caller.principal), policy);
    return {
      Credentials: {
        AccessKeyId: session.accessKeyId, AccessKeySecret: session.secret, SecurityToken: session.token,
        Expiration: isoSeconds(session.expiration),
      },
      AssumedRoleUser: { AssumedRoleId: session.assumedRoleId, Arn: `${ctx.account.roleArn(role.name)}/${sessionName}` },
    };
  },
  GetCallerIdentity(ctx) {
    const p = ctx.caller.principal;
    const account = ctx.account;
    if (p.kind === 'user') {
      const user = account.users.get(p.userName)!;
      return { AccountId: account.accountId, UserId: user.userId, PrincipalId: user.userId, Arn: account.userArn(user.name), IdentityType: 'RAMUser' };
    }
    const roleId = p.session.assumedRoleId.split(':')[0];
    return {
      AccountId: account.accountId, RoleId: roleId, PrincipalId: p.session.assumedRoleId,
      // The caller of an assumed role is shown as `assumed-role/<RoleName>/<session>`.
      Arn: `acs:ram::${account.accountId}:assumed-role/${p.roleName}/${p.sessionName}`, IdentityType: 'AssumedRoleUser',
    };
  },
};
