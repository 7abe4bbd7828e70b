import * as vscode from 'vscode';
import { LazyTreeProvider } from './bootstrap/lazyTreeProvider';
import { requireMain } from './bootstrap/loadMain';
import { COMMAND_IDS, type CommandId } from './commandIds';
import type { ExtensionApi } from './extensionApi';
import type { ExplorerViews, Main } from './main';

// The bootstrap (dist/extension.js): what VS Code loads and runs at activation. It only registers
// the contributions by id (every command, the three explorer views) and loads the implementation
// (dist/main.js: services, commands, views, cloud layer; src/main.ts) on first need: a command, a
// look at a tree, a use of the returned API, or the deferred start just after activation. Only type
// imports from the rest of src/ here: a value import would pull that code into this bundle.

const VIEWS: Record<keyof ExplorerViews, { id: string; canSelectMany?: boolean }> = {
  roles: { id: 'alicloudKms.roles' },
  instances: { id: 'alicloudKms.instances', canSelectMany: true },
  keys: { id: 'alicloudKms.keys' },
};

/** Why and when the implementation was first loaded (read by the activation test). */
export interface MainLoad {
  readonly reason: string;
  readonly duringActivation: boolean;
}
let mainLoad: MainLoad | undefined;
let activating = false;

export function mainLoadInfo(): MainLoad | undefined {
  return mainLoad;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  activating = true;
  try {
    let main: Main | undefined;
    let failure: unknown;
    const ensureMain = (reason: string): Main => {
      if (main) return main;
      // A start that failed half-way is not retried (it would register things twice): every use reports it.
      if (failure !== undefined) throw failure;
      mainLoad ??= { reason, duringActivation: activating };
      try {
        main = requireMain().startMain(context, views);
      } catch (error) {
        failure = error;
        throw error;
      }
      for (const key of keys) proxies[key].connect(main.trees[key]);
      return main;
    };
    const keys = Object.keys(VIEWS) as (keyof ExplorerViews)[];
    const proxies = Object.fromEntries(keys.map((key) => [key, new LazyTreeProvider(() => ensureMain(`tree:${VIEWS[key].id}`))])) as Record<keyof ExplorerViews, LazyTreeProvider>;
    // The views exist from activation on, so VS Code never says "no data provider registered".
    const views = Object.fromEntries(
      keys.map((key) => [key, vscode.window.createTreeView(VIEWS[key].id, { treeDataProvider: proxies[key], showCollapseAll: true, canSelectMany: VIEWS[key].canSelectMany })]),
    ) as unknown as ExplorerViews;
    context.subscriptions.push(
      ...Object.values(proxies),
      ...Object.values(views),
      ...COMMAND_IDS.map((id: CommandId) => vscode.commands.registerCommand(id, (...args: unknown[]) => ensureMain(`command:${id}`).execute(id, args))),
    );
    // The status bar (active profile), the profile file watchers, the policy diagnostics and the AccessKey
    // linter for documents already open must start soon, but not inside activate(): VS Code waits for
    // activate() (and other extensions activating on the same event wait behind it). A zero timeout runs
    // them on the next turn of the event loop, once activation has been reported.
    const deferred = setTimeout(() => {
      try {
        ensureMain('startup');
      } catch (error) {
        console.error(`alicloud-kms-access: could not start: ${error instanceof Error ? error.message : String(error)}`);
      }
    }, 0);
    context.subscriptions.push({ dispose: () => clearTimeout(deferred) });
    return lazyApi(() => ensureMain('api').api);
  } finally {
    activating = false;
  }
}

/**
 * The API object with its members read from the implementation on first use. `then` (and symbols) are
 * answered without loading: VS Code and `await` look for `then` on what activate() returns.
 */
function lazyApi(load: () => ExtensionApi): ExtensionApi {
  return new Proxy({} as ExtensionApi, {
    has: (_target, prop) => typeof prop === 'string' && prop !== 'then' && prop in load(),
    get(_target, prop) {
      if (typeof prop !== 'string' || prop === 'then') return undefined;
      const api = load();
      const value: unknown = Reflect.get(api, prop);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(api) : value;
    },
  });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
