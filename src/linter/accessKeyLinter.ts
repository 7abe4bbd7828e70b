// The AccessKey linter inside VS Code: warnings on open documents, debounced while typing, quick
// fixes from quickFixes.ts. Detection itself is pure (detect.ts). Wire it from extension.ts with
// `registerAccessKeyLinter(context)`.
import * as vscode from 'vscode';
import { findAccessKeys, lintTarget, type AccessKeyFinding } from './detect';
import { quickFixes, type QuickFix } from './quickFixes';

export const DIAGNOSTIC_SOURCE = 'Alibaba Cloud KMS';
export const DIAGNOSTIC_CODES = { accessKeyId: 'hardcoded-accesskey-id', accessKeySecret: 'hardcoded-accesskey-secret' } as const;

const DEBOUNCE_MS = 400;
/** Larger documents are generated or data files: skipped to keep typing fast. */
const MAX_CHARS = 1024 * 1024;
const LINTED_SCHEMES = new Set(['file', 'untitled', 'vscode-remote']);

export function registerAccessKeyLinter(context: vscode.ExtensionContext): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('alicloudKms.accessKeys');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const cancelTimer = (document: vscode.TextDocument) => {
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.delete(key);
  };
  const lintNow = (document: vscode.TextDocument) => {
    cancelTimer(document);
    const findings = lintable(document) ? findingsOf(document) : [];
    if (findings.length === 0) collection.delete(document.uri);
    else collection.set(document.uri, findings.map((finding) => toDiagnostic(document, finding)));
  };
  const lintLater = (document: vscode.TextDocument) => {
    cancelTimer(document);
    timers.set(document.uri.toString(), setTimeout(() => lintNow(document), DEBOUNCE_MS));
  };

  const disposable = vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument(lintNow),
    vscode.workspace.onDidChangeTextDocument((event) => lintLater(event.document)),
    vscode.workspace.onDidCloseTextDocument((document) => {
      cancelTimer(document);
      collection.delete(document.uri);
    }),
    vscode.languages.registerCodeActionsProvider({ scheme: '*' }, new AccessKeyQuickFixes(), {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
    { dispose: () => timers.forEach((timer) => clearTimeout(timer)) },
  );
  vscode.workspace.textDocuments.forEach(lintNow);
  context.subscriptions.push(disposable);
  return disposable;
}

function lintable(document: vscode.TextDocument): boolean {
  if (!LINTED_SCHEMES.has(document.uri.scheme)) return false;
  if (!lintTarget(document.languageId, document.fileName)) return false;
  const text = document.getText();
  // binary content opened as text: a NUL in the first 8 KB
  return text.length <= MAX_CHARS && !text.slice(0, 8192).includes('\u0000');
}

function findingsOf(document: vscode.TextDocument): AccessKeyFinding[] {
  return findAccessKeys(document.getText(), document.languageId, document.fileName);
}

function rangeOf(document: vscode.TextDocument, finding: AccessKeyFinding): vscode.Range {
  return new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
}

function toDiagnostic(document: vscode.TextDocument, finding: AccessKeyFinding): vscode.Diagnostic {
  // The message names the variable and the length, never the value (DESIGN.md: no secret in UI).
  const message =
    finding.kind === 'accessKeyId'
      ? vscode.l10n.t(
          'Hard-coded AccessKey ID {0}. Use the ECS instance RAM role (credential chain) or an environment variable instead.',
          finding.masked,
        )
      : finding.name
        ? vscode.l10n.t(
            'Hard-coded AccessKey secret in "{0}" ({1} characters). Use the ECS instance RAM role (credential chain) or an environment variable instead.',
            finding.name,
            finding.end - finding.start,
          )
        : vscode.l10n.t(
            'Hard-coded AccessKey secret ({0} characters) passed with an AccessKey ID. Use the ECS instance RAM role (credential chain) or an environment variable instead.',
            finding.end - finding.start,
          );
  const diagnostic = new vscode.Diagnostic(rangeOf(document, finding), message, vscode.DiagnosticSeverity.Warning);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = DIAGNOSTIC_CODES[finding.kind];
  return diagnostic;
}

class AccessKeyQuickFixes implements vscode.CodeActionProvider {
  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    const target = lintTarget(document.languageId, document.fileName);
    if (ours.length === 0 || !target) return [];
    const text = document.getText();
    const findings = findAccessKeys(text, document.languageId, document.fileName);
    return ours.flatMap((diagnostic) => {
      const finding = findings.find((f) => rangeOf(document, f).isEqual(diagnostic.range));
      if (!finding) return [];
      return quickFixes(text, target, finding).map((fix) => toAction(document, fix, target.kind, diagnostic));
    });
  }
}

function toAction(document: vscode.TextDocument, fix: QuickFix, targetKind: string, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const title =
    fix.kind === 'credentialChain'
      ? vscode.l10n.t('Use the default credential chain (ECS instance RAM role) instead')
      : targetKind === 'env'
        ? vscode.l10n.t('Remove the value (set {0} in the environment)', fix.variable)
        : targetKind === 'code'
          ? vscode.l10n.t('Read {0} from the environment', fix.variable)
          : vscode.l10n.t('Replace with a reference to the environment variable {0}', fix.variable);
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = fix.kind === 'env';
  action.edit = new vscode.WorkspaceEdit();
  for (const edit of fix.edits) {
    action.edit.replace(document.uri, new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.newText);
  }
  return action;
}
