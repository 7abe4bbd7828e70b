// Validates the role credential document the metadata service returns and says precisely what
// is wrong with a bad one (Code, a missing field, an Expiration in the wrong format).
import { CloudError } from '../cloudError';
import type { InstanceCredential, MetadataFetchMode } from '../types';

const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function invalid(problem: string): CloudError {
  return new CloudError({
    code: 'Metadata.InvalidCredential',
    message: `The instance credential from the metadata service is malformed: ${problem}.`,
  });
}

export function parseIsoSeconds(value: string): number | undefined {
  if (!ISO_SECONDS.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

export function parseInstanceCredential(
  body: string,
  roleName: string,
  mode: MetadataFetchMode,
  now: number,
): InstanceCredential & { expirationMs: number } {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    throw invalid('it is not JSON');
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw invalid('it is not a JSON object');
  const fields = doc as Record<string, unknown>;
  if (fields.Code !== 'Success') {
    throw new CloudError({
      code: 'Metadata.CredentialNotReady',
      message: `The metadata service answered with Code ${JSON.stringify(fields.Code ?? null)} instead of "Success" for role ${roleName}.`,
    });
  }
  const missing = ['AccessKeyId', 'AccessKeySecret', 'SecurityToken', 'Expiration'].filter(
    (name) => typeof fields[name] !== 'string' || (fields[name] as string).trim() === '',
  );
  if (missing.length > 0) throw invalid(`missing or empty ${missing.join(', ')}`);
  const expiration = fields.Expiration as string;
  const expirationMs = parseIsoSeconds(expiration);
  if (expirationMs === undefined) throw invalid(`Expiration ${JSON.stringify(expiration)} is not in the format YYYY-MM-DDTHH:MM:SSZ`);
  const lastUpdated = typeof fields.LastUpdated === 'string' ? fields.LastUpdated : undefined;
  if (lastUpdated !== undefined && parseIsoSeconds(lastUpdated) === undefined) {
    throw invalid(`LastUpdated ${JSON.stringify(lastUpdated)} is not in the format YYYY-MM-DDTHH:MM:SSZ`);
  }
  if (expirationMs <= now) {
    throw new CloudError({
      code: 'Metadata.CredentialExpired',
      message: `The metadata service returned a credential that expired at ${expiration}.`,
    });
  }
  return {
    roleName,
    accessKeyId: fields.AccessKeyId as string,
    accessKeySecret: fields.AccessKeySecret as string,
    securityToken: fields.SecurityToken as string,
    expiration,
    expirationMs,
    lastUpdated,
    mode,
    fetchedAt: now,
  };
}
