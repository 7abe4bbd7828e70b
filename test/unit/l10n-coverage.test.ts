// The Simplified Chinese translation is complete and nothing in it is stale:
// - package.json: every %key% has an English and a Chinese entry, and every entry is used;
// - code: every key vscode.l10n.t can be asked for (scripts/l10n/extract.ts finds them with the TypeScript
//   compiler: literal calls plus the key producers of the pure modules) has a Chinese entry, and every
//   Chinese entry is such a key; l10n/bundle.l10n.json (English) has exactly the same keys;
// - placeholders {0} {1}... are the same in both languages, and no Chinese entry is left in English.
// Each place where a key travels in a variable is listed in DYNAMIC below with where its keys come from,
// so a new one fails until someone says which collected source feeds it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractKeys, KEY_PRODUCERS, KEY_SOURCES, manifestKeys, placeholders, ROOT } from '../../scripts/l10n/extract';

const readJson = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
type Bundle = Record<string, string | { message: string; comment: string[] }>;
const message = (value: Bundle[string] | undefined) => (typeof value === 'string' ? value : value?.message);

/** Product names, ids and API words that stay as they are in a Chinese sentence. */
const KEEP_IN_ENGLISH = new Set([
  'AccessKey', 'AccessKeyId', 'AccessKeySecret', 'SecurityToken', 'RAM', 'KMS', 'ECS', 'STS', 'Token', 'ARN', 'JSON', 'VPC', 'SDK', 'API', 'ID',
  'Remote-SSH',
]);

/**
 * Every call site whose key argument is not a string the extractor can resolve, keyed `file: expression`,
 * with the collected source of its keys: "producer:<name>" (KEY_PRODUCERS), "source:<via>" (KEY_SOURCES), or
 * one of the two special cases named below.
 */
const DYNAMIC: Record<string, string> = {
  'src/commands/addAccessKey.ts: problem.template': 'producer:problem',
  'src/commands/wizard/wizard.ts: problem.template': 'producer:problem',
  'src/language/policyDiagnostics.ts: p.template': 'producer:problem',
  'src/views/roles/roleNode.ts: this.trust.reason.template': 'producer:problem',
  'src/diagnosis/accountChecks.ts: check.reason.template': 'producer:problem',
  // The one localize (util/localize.ts): every Message, made by text() or problem().
  'src/util/localize.ts: value.template': 'producer:text',
  'src/diagnosis/encryptionContext.ts: template': 'producer:fail',
  'src/diagnosis/skipped.ts: reason': 'producer:skipped',
  'src/policy/validation.ts: templates.empty': 'producer:nameRule',
  'src/policy/validation.ts: templates.tooLong': 'producer:nameRule',
  'src/policy/validation.ts: templates.badCharacter': 'producer:nameRule',
  'src/policy/policyElements.ts: unknownTemplate': 'producer:propertiesOf',
  // CloudError hints: the keys of the hint catalog (KEY_SOURCES), localized by key in localizeHint.
  'src/session/localizeHint.ts: hint.key': 'source:hint',
  // The English text of a constant hint is its key (these move to hintRef with src/instance's dissolution).
  'src/diagnosis/metadataChecks.ts: error.hint': 'source:hint',
  'src/diagnosis/explainKmsFailure.ts: error.hint': 'source:hint',
};

const extraction = extractKeys();
const codeKeys = new Set(extraction.keys.map((k) => k.key));
const en = readJson('l10n/bundle.l10n.json') as Bundle;
const zh = readJson('l10n/bundle.l10n.zh-cn.json') as Bundle;
const nlsEn = readJson('package.nls.json') as Bundle;
const nlsZh = readJson('package.nls.zh-cn.json') as Bundle;
const manifest = manifestKeys(readJson('package.json'));

/** Problems of one Chinese text against its English text. */
function translationProblems(english: string, chinese: string | undefined): string[] {
  if (!chinese) return ['no Chinese entry'];
  const out: string[] = [];
  if (placeholders(english).join() !== placeholders(chinese).join()) out.push(`placeholders ${placeholders(english)} vs ${placeholders(chinese)}`);
  if (!/[\u4e00-\u9fff]/.test(chinese)) {
    // No Chinese character: acceptable only when every word is a product name, id or API word.
    const words = chinese.replace(/`[^`]*`|\{\d+\}|\(command:[^)]*\)|[\w.-]+\.(?:com|json)\b|acs:\S+|\balicloudKms\.\w+/g, ' ').match(/[A-Za-z][A-Za-z0-9-]*/g) ?? [];
    const english = words.filter((w) => !KEEP_IN_ENGLISH.has(w));
    if (english.length) out.push(`left in English (${english.slice(0, 5).join(' ')})`);
  }
  return out;
}

test('package.json: every %key% has an English and a Chinese entry, and every entry is used', () => {
  const used = new Set(manifest);
  for (const key of manifest) {
    assert.ok(message(nlsEn[key]), `package.nls.json lacks ${key}`);
    assert.ok(message(nlsZh[key]), `package.nls.zh-cn.json lacks ${key}`);
  }
  assert.deepEqual(Object.keys(nlsEn).filter((k) => !used.has(k)), [], 'package.nls.json entries no %key% in package.json uses');
  assert.deepEqual(Object.keys(nlsZh).filter((k) => !used.has(k)), [], 'package.nls.zh-cn.json entries no %key% in package.json uses');
  // A media path (walkthrough image) is localized by pointing at the Chinese file, which must exist.
  const isMedia = (value: string) => /^media\/[\w./-]+\.(?:svg|png|md)$/.test(value);
  for (const k of manifest.filter((key) => isMedia(message(nlsEn[key])!))) {
    const chinese = message(nlsZh[k])!;
    assert.ok(isMedia(chinese) && chinese !== message(nlsEn[k]) && existsSync(join(ROOT, chinese)), `${k}: the Chinese media ${chinese} is missing or the English one`);
  }
  const bad = manifest.filter((k) => !isMedia(message(nlsEn[k])!)).flatMap((k) => translationProblems(message(nlsEn[k])!, message(nlsZh[k])).map((p) => `${k}: ${p}`));
  assert.deepEqual(bad, []);
  console.log(`package.json: ${manifest.length} %key% strings checked in English and Chinese`);
});

test('every place a key travels in a variable is explained, and every explanation still applies', () => {
  const sources = new Set([...KEY_PRODUCERS.map((p) => `producer:${p.name}`), ...KEY_SOURCES.map((s) => `source:${s.via}`)]);
  const seen = new Set<string>();
  for (const site of extraction.dynamic) {
    const id = `${site.file}: ${site.expression}`;
    seen.add(id);
    const source = DYNAMIC[id];
    assert.ok(source, `${site.file}:${site.line}: ${site.via}(${site.expression}) takes its key from a variable: add its source to DYNAMIC (or pass a literal)`);
    assert.ok(sources.has(source), `${id}: unknown source ${source}`);
  }
  assert.deepEqual(Object.keys(DYNAMIC).filter((id) => !seen.has(id)), [], 'DYNAMIC entries that no longer match any call');
  for (const producer of KEY_PRODUCERS) {
    assert.ok(extraction.keys.some((k) => k.via === producer.name), `producer ${producer.name} (${producer.file}) yielded no key: is it still called?`);
  }
  // The policy module's templates are the largest producer (they were once checked by a regex of their own).
  assert.ok(extraction.keys.filter((k) => k.via === 'problem' || k.via === 'nameRule' || k.via === 'propertiesOf').length > 70);
});

test('code: every l10n key has a Chinese entry, every Chinese entry is used, and bundle.l10n.json has the same keys', () => {
  const missing = [...codeKeys].filter((k) => !message(zh[k]));
  assert.deepEqual(missing, [], 'keys the code asks for with no entry in l10n/bundle.l10n.zh-cn.json');
  assert.deepEqual(Object.keys(zh).filter((k) => !codeKeys.has(k)), [], 'l10n/bundle.l10n.zh-cn.json entries nothing asks for');
  assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort(), 'bundle.l10n.json and bundle.l10n.zh-cn.json have different keys (npm run l10n rewrites the English one)');
  for (const [key, value] of Object.entries(en)) {
    const withoutComment = typeof value === 'string' ? key : value.message;
    assert.equal(message(value), withoutComment, `bundle.l10n.json: the English text of "${key}" is not its key`);
  }
});

test('code: placeholders survive translation and no Chinese entry is left in English', () => {
  const bad = [...codeKeys].flatMap((k) => translationProblems(message(en[k]) ?? k, message(zh[k])).map((p) => `"${k}": ${p}`));
  assert.deepEqual(bad, []);
  const byVia = new Map<string, number>();
  for (const k of extraction.keys) byVia.set(k.via, (byVia.get(k.via) ?? 0) + 1);
  console.log(`code: ${codeKeys.size} distinct l10n strings checked (${extraction.keys.length} uses in ${extraction.files} files: ${[...byVia].map(([v, n]) => `${v} ${n}`).join(', ')}; ${extraction.dynamic.length} dynamic sites explained)`);
});

test('the checks catch what they claim to catch', () => {
  assert.deepEqual(translationProblems('Role {0} in {1}', '角色 {0}'), ['placeholders {0},{1} vs {0}']);
  assert.equal(translationProblems('Grant KMS Access', 'Grant KMS Access').length, 1);
  assert.deepEqual(translationProblems('KMS', 'KMS'), []);
  assert.deepEqual(translationProblems('Remote-SSH', 'Remote-SSH'), []);
  assert.deepEqual(translationProblems('Show Log', undefined), ['no Chinese entry']);
});
