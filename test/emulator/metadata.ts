// The ECS instance metadata service of "this machine" (its own port): IMDSv2-style session
// tokens (token-required = hardened mode, or token-optional), plain-text instance items, and the
// attached role's temporary credential: a real STS session of that role, valid at the API port,
// reissued once half its lifetime has passed (so it is always rotated well before expiry).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { sleep, type Faults } from './faults';
import type { Calls } from './server';
import { isoSeconds, type Account, type StsSession } from './state';
import { issueSession } from './handlers/sts';

export type MetadataMode = 'token-required' | 'token-optional';

export interface MetadataDeps {
  account: Account;
  faults: Faults;
  calls: Calls;
  now(): number;
  mode(): MetadataMode;
  credentialLifetimeSeconds: number;
}

const TOKEN_HEADER = 'x-aliyun-ecs-metadata-token';
const TTL_HEADER = 'x-aliyun-ecs-metadata-token-ttl-seconds';
const CREDENTIALS = '/latest/meta-data/ram/security-credentials/';

function text(res: ServerResponse, status: number, body: string, type = 'text/plain'): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export function createMetadataServer(deps: MetadataDeps): Server {
  const tokens = new Map<string, number>();
  let cached: { instanceId: string; roleName: string; policy: string; session: StsSession; issuedAt: number } | undefined;

  function credentialFor(instanceId: string, roleName: string, policy: string): { session: StsSession; issuedAt: number } {
    const now = deps.now();
    const lifetimeMs = deps.credentialLifetimeSeconds * 1000;
    const fresh = cached && cached.instanceId === instanceId && cached.roleName.toLowerCase() === roleName.toLowerCase() && cached.policy === policy
      && now < cached.issuedAt + lifetimeMs / 2 && now < cached.session.expiration;
    if (!fresh) {
      const role = deps.account.roles.get(roleName.toLowerCase())!;
      const session = issueSession(deps.account, role, instanceId, deps.credentialLifetimeSeconds, now, 'ecs.aliyuncs.com', policy || undefined);
      cached = { instanceId, roleName: role.name, policy, session, issuedAt: now };
    }
    return cached!;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    deps.calls.metadata++;
    deps.calls.metadataByPath[path] = (deps.calls.metadataByPath[path] ?? 0) + 1;
    if (deps.faults.metadataDelayMs > 0) await sleep(deps.faults.metadataDelayMs);
    const now = deps.now();

    if (path === '/latest/api/token') {
      if (req.method !== 'PUT') return text(res, 405, 'Method Not Allowed');
      // A token request that went through a proxy is refused: it is how SSRF would reach the service.
      if (req.headers['x-forwarded-for'] !== undefined) return text(res, 403, 'Forbidden: token requests must not carry X-Forwarded-For');
      const ttl = Number(req.headers[TTL_HEADER]);
      if (!Number.isInteger(ttl) || ttl < 1 || ttl > 21600) return text(res, 400, `Bad Request: ${TTL_HEADER} must be an integer from 1 to 21600`);
      const token = randomBytes(32).toString('base64url');
      tokens.set(token, now + ttl * 1000);
      return text(res, 200, token);
    }
    if (req.method !== 'GET') return text(res, 405, 'Method Not Allowed');
    const token = req.headers[TOKEN_HEADER];
    if (typeof token === 'string') {
      const expires = tokens.get(token);
      if (expires === undefined || expires <= now) return text(res, 401, 'Unauthorized: the metadata token is invalid or expired');
    } else if (deps.mode() === 'token-required') {
      return text(res, 403, 'Forbidden: this instance requires a metadata token (PUT /latest/api/token)');
    }

    const instance = deps.account.thisInstanceId ? deps.account.instances.get(deps.account.thisInstanceId) : undefined;
    if (!instance) return text(res, 404, 'Not Found');
    const items: Record<string, string> = {
      '/latest/meta-data/instance-id': instance.id,
      '/latest/meta-data/region-id': instance.region,
      '/latest/meta-data/zone-id': instance.zone,
      '/latest/meta-data/vpc-id': instance.vpcId,
      '/latest/meta-data/vswitch-id': instance.vSwitchId,
      '/latest/meta-data/private-ipv4': instance.privateIp,
      '/latest/meta-data/hostname': instance.name,
      '/latest/meta-data/owner-account-id': deps.account.accountId,
    };
    if (path === '/latest/meta-data/' || path === '/latest/meta-data') {
      return text(res, 200, [...Object.keys(items).map((k) => k.slice('/latest/meta-data/'.length)), 'ram/'].join('\n'));
    }
    if (items[path] !== undefined) return items[path] ? text(res, 200, items[path]) : text(res, 404, 'Not Found');

    const role = instance.ramRole ? deps.account.roles.get(instance.ramRole.toLowerCase()) : undefined;
    if (path === CREDENTIALS || path === CREDENTIALS.slice(0, -1)) return role ? text(res, 200, role.name) : text(res, 404, 'Not Found');
    if (path.startsWith(CREDENTIALS)) {
      let asked: string;
      try {
        asked = decodeURIComponent(path.slice(CREDENTIALS.length));
      } catch {
        return text(res, 400, 'Bad Request: the path has a malformed percent-escape');
      }
      if (!role || asked.toLowerCase() !== role.name.toLowerCase()) return text(res, 404, 'Not Found');
      const { session, issuedAt } = credentialFor(instance.id, role.name, instance.ramRolePolicy);
      return text(res, 200, JSON.stringify({
        AccessKeyId: session.accessKeyId, AccessKeySecret: session.secret, Expiration: isoSeconds(session.expiration),
        SecurityToken: session.token, LastUpdated: isoSeconds(issuedAt), Code: 'Success',
      }, null, 2), 'text/plain');
    }
    return text(res, 404, 'Not Found');
  }

  return createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
}
