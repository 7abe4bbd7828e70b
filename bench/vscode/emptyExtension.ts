// The baseline of the in-VS-Code activation figure: an extension with nothing in it but the same
// activation events as this one (read from package.json, so the two activate at the same moment of the
// workbench's start), and an activate() that registers one command, like bench/harness/empty-extension.
// Packaged with vsce into a temporary folder and installed like the real .vsix, so both load the same way.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../test/host/paths';

export const EMPTY_EXTENSION_ID = 'bench.empty-extension';

export interface EmptyExtension {
  readonly vsix: string;
  readonly activationEvents: readonly string[];
  /** The temporary folder (remove it when done). */
  readonly dir: string;
}

export function buildEmptyExtension(): EmptyExtension {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { activationEvents: string[]; engines: { vscode: string } };
  const dir = mkdtempSync(join(tmpdir(), 'bench-empty-extension-'));
  const source = join(dir, 'extension');
  mkdirSync(source);
  const [publisher, name] = EMPTY_EXTENSION_ID.split('.');
  writeFileSync(join(source, 'package.json'), JSON.stringify({
    name, publisher, version: '0.0.1', displayName: 'Empty (benchmark baseline)', description: 'Baseline for the activation benchmark',
    engines: manifest.engines, main: './extension.js', activationEvents: manifest.activationEvents,
  }, null, 2));
  writeFileSync(join(source, 'extension.js'), [
    "'use strict';",
    "const vscode = require('vscode');",
    "exports.activate = function activate(context) {",
    "  context.subscriptions.push(vscode.commands.registerCommand('bench.empty.hello', () => undefined));",
    '};',
    'exports.deactivate = function deactivate() {};',
    '',
  ].join('\n'));
  writeFileSync(join(source, 'README.md'), '# Empty extension\n\nThe activation benchmark\'s baseline.\n');
  const vsix = join(dir, 'empty-extension.vsix');
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', vsix], { cwd: source, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`vsce package of the empty extension failed:\n${result.stdout}${result.stderr}`);
  return { vsix, activationEvents: manifest.activationEvents, dir };
}
