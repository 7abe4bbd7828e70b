import * as vscode from 'vscode';
import { formatPolicy } from '../policy/trustPolicy';
import { refOfKind, type NodeRef } from '../views/common/nodeRef';
import type { CommandContext } from './commandContext';
import { showReadOnlyDocument } from './readOnlyDocument';
import { requireServices } from './requireServices';

/** Opens one version of a policy read-only (Edit Policy edits the default version). */
export async function openPolicyVersion(ctx: CommandContext, ref?: NodeRef): Promise<void> {
  const version = refOfKind(ref, 'policyVersion');
  if (!version) throw new Error(vscode.l10n.t('Open Policy Version works on a version listed under a custom policy in the RAM Roles view.'));
  const services = await requireServices(ctx);
  const text = await services.ram.getPolicyVersion(version.policyName, version.policyType, version.versionId);
  let shown = text;
  try {
    shown = formatPolicy(JSON.parse(text));
  } catch {
    // Shown as RAM returned it.
  }
  await showReadOnlyDocument(`${version.policyName}.${version.versionId}.ram-policy.json`, `${shown}\n`, 'json');
}
