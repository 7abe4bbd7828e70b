import * as vscode from 'vscode';

export const READ_ONLY_SCHEME = 'alicloudkms';
const contents = new Map<string, string>();
const changed = new vscode.EventEmitter<vscode.Uri>();

/** Serves documents the extension shows read-only (trust policies, reports) from memory. */
export function registerReadOnlyDocuments(): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(READ_ONLY_SCHEME, {
    onDidChange: changed.event,
    provideTextDocumentContent: (uri) => contents.get(uri.path) ?? '',
  });
}

/** A read-only document named `name` holding `text` (not shown): e.g. one side of a diff. */
export function readOnlyUri(name: string, text: string): vscode.Uri {
  const uri = vscode.Uri.from({ scheme: READ_ONLY_SCHEME, path: `/${name}` });
  contents.set(uri.path, text);
  changed.fire(uri);
  return uri;
}

/** Shows `text` in a read-only editor titled `name`; showing the same name again updates it. */
export async function showReadOnlyDocument(name: string, text: string, language?: string): Promise<vscode.TextEditor> {
  const uri = readOnlyUri(name, text);
  let document = await vscode.workspace.openTextDocument(uri);
  if (language && document.languageId !== language) document = await vscode.languages.setTextDocumentLanguage(document, language);
  return vscode.window.showTextDocument(document, { preview: false });
}
