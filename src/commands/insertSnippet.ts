import * as vscode from 'vscode';
import { dependencyToCopy, InvalidSnippetValueError, isSnippetLanguage, pickValues, renderSnippet } from '../snippets/render';
import type { SnippetJob, SnippetLanguage, SnippetValues, ValueName } from '../snippets/types';
import { SNIPPET_LANGUAGES } from '../snippets/types';
import { readDefaultKey } from '../session/cloudSettings';
import type { NodeRef } from '../views/common/nodeRef';
import type { CommandContext } from './commandContext';
import type { InstanceSnapshot } from '../diagnosis/instanceSnapshot';
import type { Prompter } from './prompter';
import { UserCancelledError } from './runCommand';

/**
 * The snippet values a node names: a role (and the key it was shown under), an instance's region and
 * attached role, a key, a secret, a region. Values missing from the node come from the settings
 * alicloudKms.defaultRegion / alicloudKms.defaultKey; the rest stay tab stops to fill in.
 */
export function snippetValuesOf(ref: NodeRef | undefined): SnippetValues {
  switch (ref?.kind) {
    case 'role': return pickValues({ roleName: ref.roleName, region: ref.key?.regionId, keyId: ref.key?.keyId });
    case 'instance': return pickValues({ region: ref.regionId, roleName: ref.instance?.ramRoleName });
    case 'key': return pickValues({ region: ref.regionId, keyId: ref.keyId });
    case 'secret': return pickValues({ region: ref.regionId, secretName: ref.secretName });
    case 'region': return pickValues({ region: ref.regionId });
    default: return {};
  }
}

const EDITOR_LANGUAGES: Record<string, SnippetLanguage> = { javascriptreact: 'javascript', typescriptreact: 'typescript' };

/**
 * Inserts an SDK snippet that uses the instance RAM role, at the cursor or in a new untitled document. The
 * values come from the node, else (from the palette, on an ECS instance) from this instance, then the settings.
 */
export async function insertSnippet(ctx: CommandContext, ref?: NodeRef): Promise<void> {
  const given = snippetValuesOf(ref);
  const job = await pickJob(ctx.ui, given);
  const editor = vscode.window.activeTextEditor;
  const editorLanguage = editor ? (EDITOR_LANGUAGES[editor.document.languageId] ?? editor.document.languageId) : undefined;
  const language = await pickLanguage(ctx.ui, isSnippetLanguage(editorLanguage) ? editorLanguage : undefined);
  // From the palette on an ECS instance, the snippet is for this machine: its region and attached role.
  const thisInstance = ref ? {} : instanceValues(await ctx.instance.ready());
  const values: SnippetValues = { ...valuesFromSettings(), ...thisInstance, ...given };
  let rendered;
  try {
    rendered = renderSnippet(job, language, values);
  } catch (error) {
    if (error instanceof InvalidSnippetValueError) {
      throw new Error(vscode.l10n.t('The {0} cannot be used in a snippet: only letters, digits and . _ : / @ + = - are allowed.', valueLabel(error.valueName)));
    }
    throw error;
  }

  const target =
    editor && editorLanguage === language
      ? editor
      : await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language, content: '' }));
  const inserted = await target.insertSnippet(new vscode.SnippetString(rendered.body));
  if (!inserted) throw new Error(vscode.l10n.t('The snippet could not be inserted into the editor.'));
  ctx.log.info(`insertSnippet: ${job} ${language} into ${target.document.uri.scheme} document`);

  const copy = vscode.l10n.t('Copy Dependency');
  void ctx.ui.showInformationMessage(vscode.l10n.t('The snippet needs: {0}', rendered.dependency), {}, copy).then((choice) => {
    if (choice === copy) void vscode.env.clipboard.writeText(dependencyToCopy(rendered.dependency));
  });
}

function instanceValues(snapshot: InstanceSnapshot): SnippetValues {
  return snapshot.onEcs ? pickValues({ region: snapshot.identity?.regionId, roleName: snapshot.roleName }) : {};
}

function valuesFromSettings(): SnippetValues {
  const config = vscode.workspace.getConfiguration('alicloudKms');
  return pickValues({ region: config.get<string>('defaultRegion'), keyId: readDefaultKey() });
}

async function pickJob(ui: Prompter, node: SnippetValues): Promise<SnippetJob> {
  const items: (vscode.QuickPickItem & { job: SnippetJob })[] = [
    { job: 'encrypt-decrypt', label: vscode.l10n.t('Encrypt and decrypt with a KMS key'), detail: vscode.l10n.t('Encrypt/Decrypt API calls with the instance RAM role') },
    { job: 'envelope', label: vscode.l10n.t('Envelope encryption with a data key'), detail: vscode.l10n.t('GenerateDataKey, then AES-256-GCM locally (Java: Encryption SDK)') },
    { job: 'read-secret', label: vscode.l10n.t('Read a secret'), detail: vscode.l10n.t('GetSecretValue with a cache (Java, Python and Go: Secrets Manager client)') },
  ];
  // a secret node offers reading the secret first
  if (node.secretName && !node.keyId) items.unshift(...items.splice(2, 1));
  const picked = await ui.showQuickPick(items, { title: vscode.l10n.t('Insert SDK Snippet'), placeHolder: vscode.l10n.t('What should the code do?') });
  if (!picked) throw new UserCancelledError();
  return picked.job;
}

async function pickLanguage(ui: Prompter, current: SnippetLanguage | undefined): Promise<SnippetLanguage> {
  const names: Record<SnippetLanguage, string> = { java: 'Java', python: 'Python', go: 'Go', javascript: 'JavaScript (Node.js)', typescript: 'TypeScript (Node.js)' };
  const ordered = current ? [current, ...SNIPPET_LANGUAGES.filter((l) => l !== current)] : [...SNIPPET_LANGUAGES];
  const items = ordered.map((language) => ({
    language,
    label: names[language],
    description: language === current ? vscode.l10n.t('language of the active editor') : undefined,
  }));
  const picked = await ui.showQuickPick(items, { title: vscode.l10n.t('Insert SDK Snippet'), placeHolder: vscode.l10n.t('Language') });
  if (!picked) throw new UserCancelledError();
  return picked.language;
}

function valueLabel(name: ValueName): string {
  const labels: Record<ValueName, string> = {
    roleName: vscode.l10n.t('instance RAM role name'),
    region: vscode.l10n.t('region id'),
    keyId: vscode.l10n.t('KMS key id or alias'),
    secretName: vscode.l10n.t('secret name'),
    accountId: vscode.l10n.t('account id'),
  };
  return labels[name];
}
