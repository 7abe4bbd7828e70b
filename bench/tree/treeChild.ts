// Runs in its own process (node --expose-gc, the vscode stand-in preloaded, tsx): the ECS Instances
// view's region node (InstanceRegionNode: PagedList over EcsService.listInstances, 100 a page) against
// an emulator that runs in the PARENT process, so the heap measured here holds only the tree's data.
// Prints one JSON line on stdout.
import { benchCloud, type EmulatorAddress } from '../cloudEnv';
import { InstanceRegionNode, type InstanceTreeContext } from '../../src/views/instances/instanceRegionNode';
import { LoadMoreNode } from '../../src/views/common/messageNodes';
import type { TreeNode } from '../../src/views/common/treeNode';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

function heapMb(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

/** What VS Code does when a node is expanded: getChildren, then getTreeItem for each child. */
async function expand(node: InstanceRegionNode): Promise<TreeNode[]> {
  const children = await node.getChildren();
  for (const child of children) child.getTreeItem();
  return children;
}

async function main(): Promise<void> {
  const address = JSON.parse(process.argv[2]) as EmulatorAddress & { region: string; runs: number };
  const cloud = benchCloud(address);
  const services = await cloud.admin(address.region);
  // The view calls refresh(node) when "Load more…" has its page; the benchmark waits for that.
  let refreshed: (() => void) | undefined;
  const context: InstanceTreeContext = { services, matches: () => true, refresh: () => refreshed?.() };
  // The roots were listed before a region can be expanded: the SDK is loaded and the client exists.
  await services.ecs.describeRegions();
  await expand(new InstanceRegionNode(context, address.region));

  const firstPage: number[] = [];
  let firstPageCount = 0;
  for (let i = 0; i < address.runs; i++) {
    const node = new InstanceRegionNode(context, address.region);
    const t0 = performance.now();
    const children = await expand(node);
    firstPage.push(performance.now() - t0);
    firstPageCount = children.filter((c) => !(c instanceof LoadMoreNode)).length;
  }

  // Memory: one region node expanded, then "Load more…" until all 10,000 instances are in the tree.
  const before = heapMb();
  const node = new InstanceRegionNode(context, address.region);
  let children = await expand(node);
  const afterFirst = heapMb();
  const t0 = performance.now();
  for (let more = children.at(-1); more instanceof LoadMoreNode; more = children.at(-1)) {
    const loaded = new Promise<void>((resolve) => (refreshed = resolve));
    more.loadMore();
    await loaded;
    children = await expand(node);
  }
  const allMs = performance.now() - t0;
  const after = heapMb();
  const instances = children.filter((c) => (c as { instanceId?: string }).instanceId !== undefined).length;
  process.stdout.write(`${JSON.stringify({ firstPage, firstPageCount, firstPageMb: afterFirst - before, allMb: after - before, allMs, instances })}\n`);
  cloud.close();
  // Keep the node alive until the measurement is written.
  if (node.id === '') console.error('unreachable');
}

main().then(() => process.exit(0), (error) => {
  process.stderr.write(`tree bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
