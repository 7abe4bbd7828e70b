// Turns a profile's CredentialSpec into the supplier the SDK clients sign with:
// static AccessKeys, the shared instance-metadata cache, or AssumeRole (cached like the instance
// credential: reused until 15 minutes before expiry, one refresh at a time).
import { CloudError } from '../cloudError';
import { StsServiceImpl } from '../sts';
import type { InvokeContext } from '../invoke';
import type { CloudSettings, InstanceMetadata } from '../types';
import { staticSupplier, type AccessKeyCredential, type CredentialSupplier } from './credentialSupplier';
import type { CredentialSpec } from './profileSpec';
import { RefreshingCache } from './refreshingCache';

export interface SupplierDeps {
  readonly metadata: InstanceMetadata;
  readonly settings: CloudSettings;
  readonly invokeContext: InvokeContext;
  readonly regionId: string;
}

/** `name` only labels log lines; the provider names sent to the service (x-acs-credentials-provider)
 * are the generic kinds the SDKs use, never the user's profile names. */
export function supplierFor(spec: CredentialSpec, name: string, deps: SupplierDeps): CredentialSupplier {
  switch (spec.type) {
    case 'accessKey':
      return staticSupplier(spec.securityToken ? 'static_sts' : 'static_ak', spec);
    case 'ecsRamRole':
      return {
        providerName: 'ecs_ram_role',
        get: async () => {
          const credential = await deps.metadata.getCredential();
          if (spec.roleName && credential.roleName !== spec.roleName) {
            throw new CloudError({
              code: 'Metadata.RoleMismatch',
              message: `The profile expects role ${spec.roleName} but this instance has role ${credential.roleName}.`,
            });
          }
          return credential;
        },
      };
    case 'ramRoleArn': {
      const source = supplierFor(spec.source, `${name}-source`, deps);
      const sts = new StsServiceImpl(deps.regionId, deps.settings, source, deps.invokeContext);
      const cache = new RefreshingCache<AccessKeyCredential>(async () => {
        const credential = await sts.assumeRole(spec);
        deps.invokeContext.log?.info(`${name}: assumed ${spec.roleArn} until ${new Date(credential.expirationMs ?? 0).toISOString()}`);
        return credential;
      });
      return { providerName: 'ram_role_arn', get: () => cache.get() };
    }
    case 'unsupported':
      return {
        providerName: 'unsupported',
        get: () => Promise.reject(new CloudError({ code: 'ProfileUnsupported', message: spec.reason })),
      };
  }
}
