import type * as vscode from 'vscode';
import type { InstanceCredentialModel } from '../views/instanceCredential/instanceCredentialModel';
import type { CloudSession } from '../session/cloudSession';
import type { InstancesTreeProvider } from '../views/instances/instancesTreeProvider';
import type { KeysTreeProvider } from '../views/keys/keysTreeProvider';
import type { RolesTreeProvider } from '../views/roles/rolesTreeProvider';
import type { Prompter } from './prompter';

/** The explorer's trees, for commands that refresh or filter them. */
export interface Trees {
  readonly roles: RolesTreeProvider;
  readonly instances: InstancesTreeProvider;
  readonly keys: KeysTreeProvider;
}

/** What every command receives: the extension context, the log, the active profile's session, the trees and the prompter. */
export interface CommandContext {
  readonly extension: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  readonly session: CloudSession;
  readonly trees: Trees;
  /** Every question to the user goes through here (scriptable in tests). */
  readonly ui: Prompter;
  /** This machine's instance credential as the metadata service reports it. */
  readonly instance: InstanceCredentialModel;
}
