// Runs the checklist in order. Each check is a small function of what the earlier ones found;
// a check whose premise failed is skipped with the reason, never run against a known-broken link.
import { classifyKeyIdentifier } from '../policy/arn';
import { accountChecks } from './accountChecks';
import type { CheckLine, DiagnosisDeps, DiagnosisReport } from './diagnosisTypes';
import { metadataChecks } from './metadataChecks';
import { encryptCheck, networkChecks } from './networkChecks';

export async function runDiagnosis(deps: DiagnosisDeps): Promise<DiagnosisReport> {
  const startedAt = deps.now();
  const meta = await metadataChecks(deps);
  const regionId = keyRegion(deps) ?? meta.identity?.regionId ?? deps.fallbackRegionId;
  const kms = deps.kmsEndpoint(regionId);
  const network = await networkChecks(deps, kms);
  const encrypt = await encryptCheck(deps, regionId, kms, meta);
  const account = await accountChecks(deps, regionId, meta);
  const lines: CheckLine[] = [...meta.lines, ...network, encrypt, ...account];
  return {
    startedAt,
    durationMs: deps.now() - startedAt,
    regionId,
    kms,
    instanceId: meta.identity?.instanceId,
    roleName: meta.roleName,
    key: deps.key?.identifier,
    managementProfile: deps.management?.profileName,
    lines,
  };
}

/** A key given as an ARN (or from a tree node) names its region. */
function keyRegion(deps: DiagnosisDeps): string | undefined {
  if (!deps.key) return undefined;
  if (deps.key.regionId) return deps.key.regionId;
  const parsed = classifyKeyIdentifier(deps.key.identifier);
  return parsed.ok && (parsed.value.kind === 'keyArn' || parsed.value.kind === 'aliasArn') ? parsed.value.region : undefined;
}
