// The extension-host test runner: the run() contract of @vscode/test-electron (used by both the
// code-server tier and test:desktop). Loads every *.test.js next to it into mocha, prints mocha's
// summary and one plain line `extension host: N passed, N failed`, and fails when no test ran.
import * as vscode from 'vscode';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  // The extension-host console is forwarded line by line: no colours, no cursor tricks.
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  // ALICLOUD_KMS_TEST_ONLY (a regular expression) narrows the run, e.g. the untrusted-workspace configuration.
  const only = process.env.ALICLOUD_KMS_TEST_ONLY;
  const files = readdirSync(__dirname).filter((name) => name.endsWith('.test.js') && (!only || new RegExp(only).test(name))).sort();
  for (const file of files) mocha.addFile(join(__dirname, file));
  console.log(`extension host: VS Code ${vscode.version} (${vscode.env.appName}), ${files.length} test files`);

  const { passed, failed } = await new Promise<{ passed: number; failed: number }>((resolve, reject) => {
    try {
      const runner = mocha.run(() => resolve({ passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0 }));
    } catch (error) {
      reject(error);
    }
  });
  console.log(`extension host: ${passed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} extension-host test(s) failed`);
  if (passed === 0) throw new Error('the extension-host suite ran no test');
}
