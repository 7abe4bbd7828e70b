import * as vscode from 'vscode';
import type { InstanceSnapshot } from '../../diagnosis/instanceSnapshot';
import { localize } from '../../util/localize';
import type { TreeNode } from '../common/treeNode';
import type { CredentialField } from './credentialPresentation';

// The rows of the Instance Credential view (TreeNode, like the explorer's trees): the first reading in
// progress, the problem in words, the row that runs its fix, and one row per credential field. Ids are
// fixed names (one instance, one credential), so a refresh keeps the selection.

export class CheckingNode implements TreeNode {
  readonly id = 'checking';

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Reading the metadata service…'));
    item.iconPath = new vscode.ThemeIcon('loading~spin');
    return item;
  }
}

export class ProblemNode implements TreeNode {
  readonly id = 'problem';

  constructor(private readonly problem: NonNullable<InstanceSnapshot['problem']>) {}

  getTreeItem(): vscode.TreeItem {
    const p = this.problem;
    const item = new vscode.TreeItem(localize(p.message));
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    item.tooltip = new vscode.MarkdownString(`${localize(p.message)}\n\n${p.fix ? localize(p.fix) : ''}`);
    item.contextValue = `instanceProblem:${p.kind}`;
    return item;
  }
}

/** Runs the problem's fix: its command receives the action's arguments (a NodeRef for our commands). */
export class FixNode implements TreeNode {
  readonly id = 'fix';

  constructor(private readonly problem: NonNullable<InstanceSnapshot['problem']>) {}

  getTreeItem(): vscode.TreeItem {
    const p = this.problem;
    const action = p.action!;
    const item = new vscode.TreeItem(localize(action.label));
    item.id = this.id;
    item.description = p.fix ? localize(p.fix) : undefined;
    item.tooltip = p.fix ? localize(p.fix) : undefined;
    item.iconPath = new vscode.ThemeIcon('lightbulb');
    item.command = { command: action.command, title: localize(action.label), arguments: [...(action.args ?? [])] };
    return item;
  }
}

export class FieldNode implements TreeNode {
  readonly id: string;

  constructor(private readonly field: CredentialField) {
    this.id = `field:${field.key}`;
  }

  getTreeItem(): vscode.TreeItem {
    const f = this.field;
    const item = new vscode.TreeItem(f.label);
    item.id = this.id;
    item.description = f.value;
    item.tooltip = `${f.label}: ${f.value}`;
    item.iconPath = new vscode.ThemeIcon(f.icon, f.warning ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined);
    item.contextValue = `instanceField:${f.key}`;
    return item;
  }
}
