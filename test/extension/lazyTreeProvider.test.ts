// The proxy the bootstrap puts in front of each explorer tree: nothing loads until VS Code asks the
// view for data, then everything (children, items, parents, change events) comes from the real provider.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LazyTreeProvider } from '../../src/bootstrap/lazyTreeProvider';

class NumberTree implements vscode.TreeDataProvider<number> {
  readonly changed = new vscode.EventEmitter<number | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  getTreeItem(n: number): vscode.TreeItem {
    return new vscode.TreeItem(`item ${n}`);
  }
  getChildren(n?: number): number[] {
    return n === undefined ? [1, 2] : [n * 10];
  }
  getParent(n: number): number | undefined {
    return n >= 10 ? n / 10 : undefined;
  }
}

describe('LazyTreeProvider (bootstrap tree proxy)', () => {
  it('loads on the first request only, then delegates children, items, parents and change events', async () => {
    const real = new NumberTree();
    let loads = 0;
    const proxy = new LazyTreeProvider(() => {
      loads++;
      proxy.connect(real as vscode.TreeDataProvider<unknown>);
    });
    const fired: unknown[] = [];
    proxy.onDidChangeTreeData((node) => fired.push(node));
    assert.equal(loads, 0, 'constructing the proxy (activation) must not load the implementation');

    assert.deepEqual(await proxy.getChildren(), [1, 2]);
    assert.deepEqual(await proxy.getChildren(2), [20]);
    assert.equal((await proxy.getTreeItem(2)).label, 'item 2');
    assert.equal(await proxy.getParent(20), 2);
    assert.equal(loads, 1);

    real.changed.fire(2);
    real.changed.fire(undefined);
    assert.deepEqual(fired, [2, undefined]);

    proxy.dispose();
    real.changed.fire(1);
    assert.deepEqual(fired, [2, undefined], 'a disposed proxy forwards nothing');
  });

  it('says so when loading did not connect a provider', () => {
    const proxy = new LazyTreeProvider(() => undefined);
    assert.throws(() => proxy.getChildren(), /not connected/);
  });
});
