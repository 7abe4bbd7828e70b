import * as vscode from 'vscode';
import { SHOW_SERVICE_LINKED_SETTING } from './views/roles/serviceLinkedRolesNode';
import { createCloudServicesFactory } from './cloud';
import type { CommandId } from './commandIds';
import type { CommandContext } from './commands/commandContext';
import { PrompterSlot } from './commands/vscodePrompter';
import type { ExtensionApi } from './extensionApi';
import { InstanceCredentialModel } from './views/instanceCredential/instanceCredentialModel';
import { registerInstanceCredential } from './views/instanceCredential/registerInstanceCredential';
import { REMOTE_SSH_EXTENSION } from './commands/connectRemoteSsh';
import { registerReadOnlyDocuments } from './commands/readOnlyDocument';
import { ramDocumentBackend } from './commands/editing/ramDocumentBackend';
import { RamDocumentFileSystem } from './commands/editing/ramDocumentFileSystem';
import { RAM_DOCUMENT_SCHEME } from './commands/editing/ramDocumentUri';
import { registerPolicyDiagnostics } from './language/policyDiagnostics';
import { registerAccessKeyLinter } from './linter/accessKeyLinter';
import { commandExecutor } from './commands/registerCommands';
import { readCloudSettings } from './session/cloudSettings';
import { CloudSession } from './session/cloudSession';
import { watchProfileSources } from './session/watchProfileSources';
import { InstancesTreeProvider } from './views/instances/instancesTreeProvider';
import { KeysTreeProvider } from './views/keys/keysTreeProvider';
import { createProfileStatusBar } from './views/profileStatusBar';
import { RolesTreeProvider } from './views/roles/rolesTreeProvider';

/** The explorer's views, created by the bootstrap at activation (see extension.ts). */
export interface ExplorerViews {
  readonly roles: vscode.TreeView<unknown>;
  readonly instances: vscode.TreeView<unknown>;
  readonly keys: vscode.TreeView<unknown>;
}

/** What the bootstrap gets back: the API it hands to other extensions and tests, the trees to delegate to, the command runner. */
export interface Main {
  readonly api: ExtensionApi;
  readonly trees: Record<keyof ExplorerViews, vscode.TreeDataProvider<unknown>>;
  execute(id: CommandId, args: unknown[]): Promise<unknown>;
}

// The extension's real start (dist/main.js), loaded by the bootstrap on the first command, the first
// look at a tree, the first use of the API, or just after activation at the latest. Builds the services
// object and starts everything the extension does; every disposable goes into context.subscriptions.
// Nothing here may load the @alicloud/* SDKs: they are required on the first cloud call.
export function startMain(context: vscode.ExtensionContext, views: ExplorerViews): Main {
  const log = vscode.window.createOutputChannel('Alibaba Cloud KMS Access', { log: true });
  const factory = createCloudServicesFactory({ secrets: context.secrets, settings: readCloudSettings, log });
  const session = new CloudSession(factory, context.globalState, log);
  const trees = {
    roles: new RolesTreeProvider(session, log),
    instances: new InstancesTreeProvider(session, log),
    keys: new KeysTreeProvider(session, log),
  };
  trees.roles.attachView(views.roles);
  trees.instances.attachView(views.instances);
  trees.keys.attachView(views.keys);
  const ui = new PrompterSlot();
  const instance = new InstanceCredentialModel(() => factory.metadata, log);
  const ctx: CommandContext = { extension: context, log, session, trees, ui, instance };
  // The Instance Credential view is created here, not by the bootstrap: it shows only once the
  // metadata probe this starts has set `alicloudKms.onEcs`, so it never exists without its provider.
  const instanceViews = registerInstanceCredential(instance);
  // Trust policies and custom policies open as editable `alicloud-ram:` documents; Save goes through the backend's preview and confirmation.
  const ramDocuments = new RamDocumentFileSystem(ramDocumentBackend(ctx));
  context.subscriptions.push(
    log,
    session,
    ...Object.values(trees),
    registerReadOnlyDocuments(),
    ramDocuments,
    vscode.workspace.registerFileSystemProvider(RAM_DOCUMENT_SCHEME, ramDocuments, { isCaseSensitive: true }),
    instanceViews,
    createProfileStatusBar(session),
    watchProfileSources(factory, session),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('alicloudKms.regions')) {
        trees.instances.refresh();
        trees.keys.refresh();
      } else if (e.affectsConfiguration(`alicloudKms.${SHOW_SERVICE_LINKED_SETTING}`)) {
        trees.roles.refresh();
      } else if (e.affectsConfiguration('alicloudKms')) {
        factory.metadata.reset();
        session.rebuild();
      }
    }),
  );
  // Both add themselves to context.subscriptions and check the documents already open.
  registerPolicyDiagnostics(context);
  registerAccessKeyLinter(context);
  void vscode.commands.executeCommand('setContext', 'alicloudKms.remoteSshInstalled', Boolean(vscode.extensions.getExtension(REMOTE_SSH_EXTENSION)));
  return {
    api: { session, factory, trees, instance, instanceTree: instanceViews.tree, usePrompter: (prompter) => ui.use(prompter) },
    trees,
    execute: commandExecutor(ctx),
  };
}
