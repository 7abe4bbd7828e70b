import type { CloudServices, RamRole } from '../cloud/types';
import { rolesThatCanUseKey, type KeyUser } from '../policy/keyAccess';
import { mapLimit } from '../util/mapLimit';
import type { RolePolicyReader } from './rolePolicies';

/**
 * Service-linked roles (AliyunServiceRoleFor…, path /aliyun-service-role/) are not candidates: only
 * their service can assume them and their policy belongs to the service, so no instance or person
 * in the account can use a key through them. A large account has hundreds of them.
 */
export const isServiceLinkedRole = (role: Pick<RamRole, 'roleName'>): boolean => role.roleName.startsWith('AliyunServiceRoleFor');

/** Roles whose policies are read at once; the RAM read gate (src/cloud/requestGate.ts) paces them. */
const CONCURRENCY = 8;

/**
 * "Which roles can use this key" over every role of the account, streamed: a role found is reported
 * at once, long before the scan ends. Calls: the ListRoles pages, one ListPoliciesForRole per
 * candidate role, and one read per distinct policy version (the reader caches documents).
 */
export class KeyRoleScan {
  readonly found: KeyUser[] = [];
  /** Candidate roles listed so far, and how many of them have been checked. */
  listed = 0;
  checked = 0;
  done = false;
  error: unknown;
  private stopped = false;
  readonly finished: Promise<void>;

  constructor(
    private readonly services: CloudServices,
    private readonly policies: RolePolicyReader,
    private readonly keyArn: string,
    private readonly onProgress: () => void,
  ) {
    this.finished = this.run().catch((error: unknown) => {
      this.error = error;
    }).finally(() => {
      this.done = true;
      if (!this.stopped) this.onProgress();
    });
  }

  stop(): void {
    this.stopped = true;
  }

  private async run(): Promise<void> {
    const page: RamRole[] = [];
    const check = () => mapLimit(page.splice(0), CONCURRENCY, async (role) => {
      if (this.stopped) return;
      const documents = await this.policies.documentsOf(role.roleName);
      this.checked++;
      const users = rolesThatCanUseKey([{ roleName: role.roleName, documents }], this.keyArn);
      if (users.length > 0) {
        this.found.push(...users);
        this.onProgress();
      }
    });
    for await (const role of this.services.ram.listRoles()) {
      if (this.stopped) return;
      if (isServiceLinkedRole(role)) continue;
      this.listed++;
      page.push(role);
      if (page.length >= 100) await check();
    }
    await check();
  }
}
