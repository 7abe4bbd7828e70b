// The bootstrap registers commands from src/commandIds.ts without loading package.json's code side:
// the list must be exactly the commands package.json declares (the handler table is typed by it).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_IDS } from '../../src/commandIds';

test('COMMAND_IDS lists exactly the commands declared in package.json, once each', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
  const declared = manifest.contributes.commands.map((c) => c.command).sort();
  assert.ok(declared.length > 0);
  assert.equal(new Set(COMMAND_IDS).size, COMMAND_IDS.length, 'a command id is listed twice');
  assert.deepEqual([...COMMAND_IDS].sort(), declared);
});
