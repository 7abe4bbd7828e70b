import type { CallerIdentity, CloudServices } from '../cloud/types';

const identities = new WeakMap<CloudServices, Promise<CallerIdentity>>();

/** GetCallerIdentity once per services object (one profile): the account id every ARN needs. */
export function callerIdentity(services: CloudServices): Promise<CallerIdentity> {
  let pending = identities.get(services);
  if (!pending) {
    pending = services.sts.getCallerIdentity();
    pending.catch(() => identities.delete(services));
    identities.set(services, pending);
  }
  return pending;
}
