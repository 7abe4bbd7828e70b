// Reading and saving the editable RAM documents (issue 15). Save = refuse a broken document with
// the parser's own message; detect a change made in RAM since the editor opened it (never overwrite
// it silently); show the diff and the CLI equivalent; confirm; call; read back what RAM now holds.
import * as vscode from 'vscode';
import type { CloudServices } from '../../cloud/types';
import { parsePolicyDocument, type PolicyDocument } from '../../policy/policyDocument';
import { PolicyError } from '../../policy/problem';
import { formatPolicy } from '../../policy/trustPolicy';
import { sameJson } from '../../util/sameJson';
import { planPolicyVersionSave } from '../../workflows/repair/policyVersionPlan';
import type { CommandContext } from '../commandContext';
import { requireServices } from '../requireServices';
import { describeForUser, isCancellation } from '../runCommand';
import { localize } from '../wizard/confirmWithCli';
import type { RamDocumentBackend, RamDocumentSnapshot } from './ramDocumentFileSystem';
import { describeRamDocument, type RamDocumentRef } from './ramDocumentUri';
import { savePolicyVersion, updateTrustPolicy } from './ramDocumentUpdates';
import { showDiff } from './showDiff';

export function ramDocumentBackend(ctx: CommandContext): RamDocumentBackend {
  return {
    read: (ref) => failAsFileError(async () => readRamDocument(await requireServices(ctx), ref)),
    save: (ref, opened, text) => failAsFileError(async () => saveRamDocument(ctx, ref, opened, text)),
  };
}

export async function readRamDocument(services: CloudServices, ref: RamDocumentRef): Promise<RamDocumentSnapshot> {
  if (ref.kind === 'trust') {
    const role = await services.ram.getRole(ref.roleName);
    return { text: pretty(role.assumeRolePolicyDocument ?? '{}'), readAt: Date.now() };
  }
  const policy = await services.ram.getPolicy(ref.policyName, 'Custom');
  return { text: pretty(policy.policyDocument), versionId: policy.defaultVersion, readAt: Date.now() };
}

async function saveRamDocument(ctx: CommandContext, ref: RamDocumentRef, opened: RamDocumentSnapshot, text: string): Promise<RamDocumentSnapshot> {
  const proposed = parseOrExplain(text);
  const services = await requireServices(ctx);
  const current = await readRamDocument(services, ref);
  if (!sameJson(current.text, opened.text) || current.versionId !== opened.versionId) await confirmOverwrite(ctx, ref, current, text);
  if (sameJson(current.text, text)) return current;
  // What is sent is the document as written (RAM keeps it as sent), checked by its parse.
  const written: unknown = JSON.parse(text);
  if (ref.kind === 'trust') await updateTrustPolicy(ctx, services, ref.roleName, JSON.parse(current.text), proposed, written);
  else {
    const versions = await services.ram.listPolicyVersions(ref.policyName, 'Custom');
    await savePolicyVersion(ctx, services, planPolicyVersionSave(ref.policyName, versions, written), current.text);
  }
  return readRamDocument(services, ref);
}

/** RAM changed the document since it was opened: say so, offer the comparison, and overwrite only when told to. */
async function confirmOverwrite(ctx: CommandContext, ref: RamDocumentRef, current: RamDocumentSnapshot, mine: string): Promise<void> {
  const compare = vscode.l10n.t('Compare');
  const overwrite = vscode.l10n.t('Overwrite');
  for (;;) {
    const choice = await ctx.ui.showWarningMessage(
      vscode.l10n.t('{0} was changed in RAM after you opened it. Saving would replace that change with yours.', describeRamDocument(ref)),
      { modal: true, detail: vscode.l10n.t('Compare shows what RAM holds now beside your version. Your edits stay in the editor either way.') },
      compare, overwrite);
    if (choice === overwrite) {
      ctx.log.warn(`Overwriting ${describeRamDocument(ref)}: it changed in RAM after it was opened`);
      return;
    }
    if (choice !== compare) throw new vscode.CancellationError();
    await showDiff(vscode.l10n.t('RAM now ↔ yours'), 'ram-now', current.text, 'yours', mine);
  }
}

function parseOrExplain(text: string): PolicyDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(vscode.l10n.t('Not saved: the document is not valid JSON ({0}). Fix it and save again; your edits are kept.', error instanceof Error ? error.message : String(error)));
  }
  try {
    return parsePolicyDocument(value);
  } catch (error) {
    if (error instanceof PolicyError) throw new Error(vscode.l10n.t('Not saved: {0} Fix it and save again; your edits are kept.', localize(error.problem)));
    throw error;
  }
}

function pretty(document: string): string {
  try {
    return `${formatPolicy(JSON.parse(document))}\n`;
  } catch {
    return document;
  }
}

/**
 * A file system provider reports failures as FileSystemErrors, which VS Code shows as "Failed to
 * save …: <message>" while keeping the editor dirty. Cloud errors keep their code, hint and RequestId.
 */
async function failAsFileError<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (isCancellation(error)) throw vscode.FileSystemError.Unavailable(vscode.l10n.t('Not saved: cancelled. Your edits are kept in the editor.'));
    throw vscode.FileSystemError.Unavailable(describeForUser(error));
  }
}
