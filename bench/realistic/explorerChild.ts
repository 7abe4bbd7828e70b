// Runs in its own process with the vscode stand-in (like bench/tree/treeChild.ts) against the
// realistic emulator in the PARENT process. Two figures of the explorer:
// 1. the RAM Roles view opened until its first screen shows with ECS-trust verdicts;
// 2. "Roles that can use this key" for one key over every role: time to the first role found and
//    to the end of the scan (streamed);
// 3. "Instances that can use this key" after that scan: the instances of all the roles found.
// After each part it prints one JSON line and waits for a line on stdin: the parent reads the
// emulator's call counters in between, so each part's calls are its own.
import * as readline from 'node:readline';
import * as vscode from 'vscode';
import { benchCloud, type EmulatorAddress } from '../cloudEnv';
import { CloudSession } from '../../src/session/cloudSession';
import { RolesTreeProvider } from '../../src/views/roles/rolesTreeProvider';
import { ROWS_ON_SCREEN } from '../../src/views/roles/roleTrustReader';
import type { RoleNode } from '../../src/views/roles/roleNode';
import { RolePolicyReader } from '../../src/session/rolePolicies';
import { KeyNode } from '../../src/views/keys/keyNode';
import { KeyInstancesNode } from '../../src/views/keys/keyInstancesNode';
import { KeyRolesNode } from '../../src/views/keys/keyRolesNode';
import type { TreeNode } from '../../src/views/common/treeNode';

const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
async function report(figures: object): Promise<void> {
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  await lines.next();
}

const memento = (): vscode.Memento => {
  const values = new Map<string, unknown>();
  return { get: (k: string, d?: unknown) => (values.has(k) ? values.get(k) : d), update: async (k: string, v: unknown) => void values.set(k, v), keys: () => [...values.keys()] } as vscode.Memento;
};

async function main(): Promise<void> {
  const address = JSON.parse(process.argv[2]) as EmulatorAddress & { keyId: string; keyRegion: string };
  const cloud = benchCloud(address);
  const log = vscode.window.createOutputChannel('bench', { log: true });
  const session = new CloudSession(cloud.factory, memento(), log);
  const services = (await session.getServices())!;
  // As in VS Code: the SDK is loaded by the time a view opens (the session's first call loads it).
  await services.sts.getCallerIdentity();
  await report({ ready: true });

  const roles = new RolesTreeProvider(session, log);
  const t0 = performance.now();
  const nodes = await roles.getChildren();
  const firstScreen = nodes.slice(0, ROWS_ON_SCREEN) as RoleNode[];
  const rolesFirstPageMs = performance.now() - t0;
  const withVerdict = firstScreen.filter((n) => n.trust !== undefined && !n.checking).length;
  roles.refresh(); // stops the background reads of the rest of the page: the next part's calls are its own
  await report({ rolesFirstPageMs, rows: nodes.length, firstScreen: firstScreen.length, withVerdict });

  let firstFoundMs: number | undefined;
  const shown: { node?: KeyRolesNode } = {};
  const tree = {
    services, regionId: address.keyRegion, kms: services.kms(address.keyRegion), policies: new RolePolicyReader(services),
    matches: () => true, errorNode: (_: TreeNode, error: unknown) => { throw error; },
    // What VS Code does on onDidChangeTreeData: read the node's children again.
    refresh: () => void shown.node?.getChildren().then((children) => {
      if (firstFoundMs === undefined && children.some((c) => 'roleName' in c)) firstFoundMs = performance.now() - t1;
    }),
  };
  const region = { id: `bench/${address.keyRegion}`, getTreeItem: () => new vscode.TreeItem('region') };
  const key = new KeyNode(region, tree, { keyId: address.keyId, keyState: 'Enabled' }, []);
  const node = new KeyRolesNode(key);
  shown.node = node;
  const t1 = performance.now();
  await node.getChildren();
  await node.scanned();
  const keyRolesMs = performance.now() - t1;
  const found = (await node.getChildren()).filter((c) => 'roleName' in c).length;
  await report({ keyRolesMs, firstFoundMs: firstFoundMs ?? keyRolesMs, found });

  // 3. "Instances that can use this key": the same scan (done), then the instances of every role found.
  const t2 = performance.now();
  const instances = await new KeyInstancesNode(key, node).getChildren();
  await report({ keyInstancesMs: performance.now() - t2, instances: instances.filter((c) => 'instanceId' in c).length });
  cloud.close();
}

main().then(() => process.exit(0), (error) => {
  process.stderr.write(`realistic explorer bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
