import * as vscode from 'vscode';
import { createCloudServicesFactory } from './cloud';
import type { CommandContext } from './commands/commandContext';
import { PrompterSlot } from './commands/prompter';
import type { ExtensionApi } from './extensionApi';
import { InstanceCredentialModel } from './instance/instanceCredentialModel';
import { registerInstanceCredential } from './instance/registerInstanceCredential';
import { REMOTE_SSH_EXTENSION } from './commands/connectRemoteSsh';
import { registerReadOnlyDocuments } from './commands/readOnlyDocument';
import { registerPolicyDiagnostics } from './language/policyDiagnostics';
import { registerAccessKeyLinter } from './linter/accessKeyLinter';
import { registerCommands } from './commands/registerCommands';
import { readCloudSettings } from './session/cloudSettings';
import { CloudSession } from './session/cloudSession';
import { watchProfileSources } from './session/watchProfileSources';
import { InstancesTreeProvider } from './views/instances/instancesTreeProvider';
import { KeysTreeProvider } from './views/keys/keysTreeProvider';
import { createProfileStatusBar } from './views/profileStatusBar';
import { RolesTreeProvider } from './views/roles/rolesTreeProvider';

// Thin on purpose (DESIGN.md convention 1): build the services object, register views and commands.
// Nothing here may load the @alicloud/* SDKs: they are required on the first cloud call.
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const log = vscode.window.createOutputChannel('Alibaba Cloud KMS Access', { log: true });
  const factory = createCloudServicesFactory({ secrets: context.secrets, settings: readCloudSettings, log });
  const session = new CloudSession(factory, context.globalState, log);
  const trees = {
    roles: new RolesTreeProvider(session, log),
    instances: new InstancesTreeProvider(session, log),
    keys: new KeysTreeProvider(session, log),
  };
  const ui = new PrompterSlot();
  const instance = new InstanceCredentialModel(() => factory.metadata, log);
  const ctx: CommandContext = { extension: context, log, session, trees, ui, instance };
  const instanceViews = registerInstanceCredential(instance);
  context.subscriptions.push(
    log,
    session,
    ...Object.values(trees),
    trees.roles.createView(),
    trees.instances.createView({ canSelectMany: true }),
    trees.keys.createView(),
    registerReadOnlyDocuments(),
    instanceViews,
    ...registerCommands(ctx),
    createProfileStatusBar(session),
    watchProfileSources(factory, session),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('alicloudKms.regions')) {
        trees.instances.refresh();
        trees.keys.refresh();
      } else if (e.affectsConfiguration('alicloudKms')) {
        factory.metadata.reset();
        session.rebuild();
      }
    }),
  );
  // Both add themselves to context.subscriptions.
  registerPolicyDiagnostics(context);
  registerAccessKeyLinter(context);
  void vscode.commands.executeCommand('setContext', 'alicloudKms.remoteSshInstalled', Boolean(vscode.extensions.getExtension(REMOTE_SSH_EXTENSION)));
  return { session, factory, trees, instance, instanceTree: instanceViews.tree, usePrompter: (prompter) => ui.use(prompter) };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
