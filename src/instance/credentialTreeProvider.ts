import * as vscode from 'vscode';
import { credentialFields, type CredentialField } from './credentialPresentation';
import type { InstanceCredentialModel } from './instanceCredentialModel';
import type { InstanceSnapshot } from './instanceSnapshot';
import { localize } from './localize';

type Row =
  | { readonly kind: 'field'; readonly field: CredentialField }
  | { readonly kind: 'problem'; readonly snapshot: InstanceSnapshot }
  | { readonly kind: 'fix'; readonly snapshot: InstanceSnapshot }
  | { readonly kind: 'checking' };

/**
 * The Instance Credential view: one row per field (the Expiration row counts down while the view is
 * visible), or the problem in words with a row that runs its fix.
 */
export class CredentialTreeProvider implements vscode.TreeDataProvider<Row>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Row | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly model: InstanceCredentialModel) {
    this.subscription = model.onDidChange(() => this.changed.fire(undefined));
  }

  /** The countdown: repaint (cheap: a handful of rows). */
  tick(): void {
    if (this.model.current?.credential) this.changed.fire(undefined);
  }

  getChildren(element?: Row): Row[] {
    if (element) return [];
    const s = this.model.current;
    if (!s) return [{ kind: 'checking' }];
    const rows: Row[] = [];
    if (s.problem) rows.push({ kind: 'problem', snapshot: s });
    if (s.problem?.action) rows.push({ kind: 'fix', snapshot: s });
    if (s.onEcs) rows.push(...credentialFields(s, Date.now()).map((field): Row => ({ kind: 'field', field })));
    return rows;
  }

  getTreeItem(row: Row): vscode.TreeItem {
    switch (row.kind) {
      case 'checking': {
        const item = new vscode.TreeItem(vscode.l10n.t('Reading the metadata service…'));
        item.iconPath = new vscode.ThemeIcon('loading~spin');
        return item;
      }
      case 'problem': {
        const p = row.snapshot.problem!;
        const item = new vscode.TreeItem(localize(p.message));
        item.id = 'problem';
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
        item.tooltip = new vscode.MarkdownString(`${localize(p.message)}\n\n${p.fix ? localize(p.fix) : ''}`);
        item.contextValue = `instanceProblem:${p.kind}`;
        return item;
      }
      case 'fix': {
        const p = row.snapshot.problem!;
        const item = new vscode.TreeItem(localize(p.action!.label));
        item.id = 'fix';
        item.description = p.fix ? localize(p.fix) : undefined;
        item.tooltip = p.fix ? localize(p.fix) : undefined;
        item.iconPath = new vscode.ThemeIcon('lightbulb');
        item.command = { command: p.action!.command, title: localize(p.action!.label), arguments: [...(p.action!.args ?? [])] };
        return item;
      }
      case 'field': {
        const f = row.field;
        const item = new vscode.TreeItem(f.label);
        item.id = `field:${f.key}`;
        item.description = f.value;
        item.tooltip = `${f.label}: ${f.value}`;
        item.iconPath = new vscode.ThemeIcon(f.icon, f.warning ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined);
        item.contextValue = `instanceField:${f.key}`;
        return item;
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
