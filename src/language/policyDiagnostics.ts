// Diagnostics for RAM policy documents open in the editor: the pure checks of src/policy run on
// *.ram-policy.json, *.trust-policy.json and untitled policy JSON. Typing never waits for them: a change
// schedules a check after a pause (a newer change cancels the pending one); an opened document is checked
// at once (so its diagnostics are there with it, and a reused untitled URI never shows the last one's).
// Each check has a time budget (past it, one diagnostic says so); the checks are linear and refuse texts
// over 64 KB, so the budget is a last guard.
import * as vscode from 'vscode';
import type { PositionedProblem } from '../policy/policyDocument';
import { matchPolicyFile, policyFindings } from './policyFiles';

const DEBOUNCE_MS = 300;
/** Longest a check may hold the extension host; a usual policy takes a few milliseconds. */
export const CHECK_BUDGET_MS = 250;
const SOURCE = 'Alibaba Cloud RAM';

const SEVERITY: Record<PositionedProblem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

function toDiagnostic(document: vscode.TextDocument, p: PositionedProblem): vscode.Diagnostic {
  const start = document.positionAt(p.offset);
  const end = document.positionAt(p.offset + Math.max(p.length, 1));
  // The template is the l10n key; its arguments fill {0}, {1}... in whichever language is shown.
  const diagnostic = new vscode.Diagnostic(new vscode.Range(start, end), vscode.l10n.t(p.template, ...p.args), SEVERITY[p.severity]);
  diagnostic.source = SOURCE;
  diagnostic.code = p.code;
  return diagnostic;
}

/** Computes the diagnostics of one document now (exported for tests that do not want to wait). */
export function policyDiagnosticsFor(document: vscode.TextDocument, budgetMs = CHECK_BUDGET_MS): vscode.Diagnostic[] | undefined {
  const text = document.getText();
  const match = matchPolicyFile(document.fileName, document.languageId, document.isUntitled, text);
  if (!match) return undefined;
  return policyFindings(text, match, budgetMs).map((p) => toDiagnostic(document, p));
}

/**
 * Registers the policy diagnostics. Call once from activate(); everything it creates is disposed with
 * the extension (it is pushed to context.subscriptions and also returned).
 */
export function registerPolicyDiagnostics(context: vscode.ExtensionContext): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('alicloudKms.policy');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const refresh = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    // A debounced refresh can fire after its document closed (reverting an untitled editor changes it,
    // then closes it); VS Code reuses untitled URIs, so writing now would tag the next document.
    if (document.isClosed) {
      timers.delete(key);
      return;
    }
    const diagnostics = policyDiagnosticsFor(document);
    if (diagnostics === undefined) collection.delete(document.uri);
    else collection.set(document.uri, diagnostics);
    timers.delete(key);
  };
  const schedule = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    const pending = timers.get(key);
    if (pending) clearTimeout(pending);
    timers.set(key, setTimeout(() => refresh(document), DEBOUNCE_MS));
  };
  const forget = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    const pending = timers.get(key);
    if (pending) clearTimeout(pending);
    timers.delete(key);
    collection.delete(document.uri);
  };

  vscode.workspace.textDocuments.forEach(refresh);
  const disposable = vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument(refresh),
    vscode.workspace.onDidChangeTextDocument((e) => schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument(forget),
    { dispose: () => { timers.forEach((t) => clearTimeout(t)); timers.clear(); } },
  );
  context.subscriptions.push(disposable);
  return disposable;
}
