// The workflow contributions in package.json: commands localized in both languages, menus that point at
// declared commands with well-formed contextValue regexes, and a walkthrough whose steps each have text,
// an existing image, a command button and a completion event.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const read = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));
const pkg = read('package.json');
const en = read('package.nls.json') as Record<string, string>;
const zh = read('package.nls.zh-cn.json') as Record<string, string>;
const WORKFLOWS = ['createRole', 'grantKmsAccess', 'attachRole', 'detachRole', 'replaceRole', 'createInstanceWithRole'].map((c) => `alicloudKms.${c}`);
// Commands of the walkthrough's steps 3 and 4, contributed by the instance and snippets work.
const ELSEWHERE = ['alicloudKms.showInstanceCredential', 'alicloudKms.testEncrypt', 'alicloudKms.insertSnippet'];

const nlsKey = (value: string) => /^%(.+)%$/.exec(value)?.[1];

function localized(value: string, where: string): void {
  const key = nlsKey(value);
  assert.ok(key, `${where}: "${value}" is not a %key%`);
  assert.ok(en[key], `${where}: ${key} missing in package.nls.json`);
  assert.ok(zh[key] && zh[key] !== en[key], `${where}: ${key} missing or untranslated in package.nls.zh-cn.json`);
}

test('workflow commands: declared once, category Alibaba Cloud, titles localized in English and Chinese', () => {
  const commands = pkg.contributes.commands as { command: string; title: string; category: string }[];
  for (const id of WORKFLOWS) {
    const found = commands.filter((c) => c.command === id);
    assert.equal(found.length, 1, id);
    assert.equal(found[0].category, '%category%');
    localized(found[0].title, id);
  }
});

test('menus: every entry names a declared command; viewItem regexes compile; title buttons on roles and instances', () => {
  const declared = new Set((pkg.contributes.commands as { command: string }[]).map((c) => c.command));
  const menus = pkg.contributes.menus as Record<string, { command: string; when?: string }[]>;
  for (const [menu, entries] of Object.entries(menus)) {
    for (const entry of entries) {
      assert.ok(declared.has(entry.command), `${menu}: ${entry.command} is not declared`);
      for (const m of (entry.when ?? '').matchAll(/=~ \/(.+?)\/(?=\s|\)|$)/g)) assert.doesNotThrow(() => new RegExp(m[1]), `${menu}: ${m[1]}`);
    }
  }
  const title = menus['view/title'];
  assert.ok(title.some((e) => e.command === 'alicloudKms.createRole' && e.when === 'view == alicloudKms.roles'));
  assert.ok(title.some((e) => e.command === 'alicloudKms.createInstanceWithRole' && e.when === 'view == alicloudKms.instances'));
  const context = menus['view/item/context'].filter((e) => WORKFLOWS.includes(e.command));
  const matches = (command: string, viewItem: string) => context.some((e) => {
    if (e.command !== command) return false;
    const re = /viewItem =~ \/(.+?)\//.exec(e.when ?? '');
    return (re !== null && new RegExp(re[1]).test(viewItem)) || (e.when ?? '').includes(`viewItem == ${viewItem}`);
  });
  assert.ok(matches('alicloudKms.attachRole', 'ecsInstance:running:noRole:vpc'));
  assert.ok(!matches('alicloudKms.attachRole', 'ecsInstance:running:noRole:classic'), 'no Attach on classic instances');
  assert.ok(matches('alicloudKms.detachRole', 'ecsInstance:stopped:withRole:vpc'));
  assert.ok(!matches('alicloudKms.detachRole', 'ecsInstance:running:noRole:vpc'));
  assert.ok(matches('alicloudKms.replaceRole', 'ecsInstance:running:withRole:vpc'));
  assert.ok(matches('alicloudKms.grantKmsAccess', 'ramRole:ecsTrusted'));
  assert.ok(matches('alicloudKms.grantKmsAccess', 'kmsKey:enabled'));
  assert.ok(matches('alicloudKms.grantKmsAccess', 'kmsSecret'));
  assert.ok(matches('alicloudKms.attachRole', 'ramRole:ecsTrusted'));
});

test('walkthrough: four steps, each with localized text, an existing image, a command button and a completion event', () => {
  const [walkthrough] = pkg.contributes.walkthroughs as { id: string; title: string; description: string; steps: { id: string; title: string; description: string; media: { image: string; altText: string }; completionEvents: string[] }[] }[];
  localized(walkthrough.title, 'walkthrough');
  localized(walkthrough.description, 'walkthrough');
  assert.equal(walkthrough.steps.length, 4);
  const declared = new Set((pkg.contributes.commands as { command: string }[]).map((c) => c.command));
  for (const step of walkthrough.steps) {
    localized(step.title, step.id);
    localized(step.description, step.id);
    localized(step.media.altText, step.id);
    // The image path is a %key% too: each language has its own picture.
    const image = nlsKey(step.media.image);
    for (const path of image ? [en[image], zh[image]] : [step.media.image]) assert.ok(path && existsSync(join(root, path)), `${step.id}: ${path} missing`);
    for (const text of [en[nlsKey(step.description)!], zh[nlsKey(step.description)!]]) {
      const buttons = [...text.matchAll(/\]\(command:([\w.]+)\)/g)].map((m) => m[1]);
      assert.ok(buttons.length > 0, `${step.id}: no command button`);
      for (const b of buttons) assert.ok(declared.has(b) || ELSEWHERE.includes(b), `${step.id}: unknown command ${b}`);
    }
    assert.ok(step.completionEvents.length > 0 && step.completionEvents.every((e) => /^onCommand:alicloudKms\.\w+$/.test(e)), step.id);
  }
});
