// Finds hard-coded AccessKeys in source and configuration text. Pure (no vscode import): the
// extension's linter and the tests call the same function.
//
// Two findings: an AccessKey id ("LTAI" + 12..30 id characters) anywhere, and a string literal (or a
// config value) assigned to a name like accessKeySecret / access_key_secret / ALIBABA_CLOUD_ACCESS_KEY_SECRET.
// A file containing "alicloud-kms-lint: ignore-file" is skipped (test fixtures); a line containing
// "alicloud-kms-lint: ignore", or the line after it, is skipped.

import { maskAccessKeyId, maskSecret } from '../util/mask';

export type CodeLanguage = 'java' | 'python' | 'go' | 'javascript' | 'typescript';
export type ConfigKind = 'env' | 'properties' | 'yaml';
export type LintTarget = { kind: 'code'; language: CodeLanguage } | { kind: ConfigKind };

export interface AccessKeyFinding {
  readonly kind: 'accessKeyId' | 'accessKeySecret';
  /** Offsets of the value itself (inside the quotes). */
  readonly start: number;
  readonly end: number;
  /** Offsets of the literal including its quotes (equal to start/end for unquoted config values). */
  readonly literalStart: number;
  readonly literalEnd: number;
  /** The variable, property or key the secret is assigned to. */
  readonly name?: string;
  /** Safe to show: the value masked (never the secret itself). */
  readonly masked: string;
}

const CODE_LANGUAGES: Record<string, CodeLanguage> = {
  java: 'java',
  python: 'python',
  go: 'go',
  javascript: 'javascript',
  javascriptreact: 'javascript',
  typescript: 'typescript',
  typescriptreact: 'typescript',
};

/** Which rules apply to a document, or undefined when the linter leaves it alone. */
export function lintTarget(languageId: string, fileName: string): LintTarget | undefined {
  const code = CODE_LANGUAGES[languageId];
  if (code) return { kind: 'code', language: code };
  const base = fileName.split(/[\\/]/).pop() ?? '';
  if (languageId === 'dotenv' || /^\.env(\..+)?$/.test(base) || /\.env$/.test(base)) return { kind: 'env' };
  if (languageId === 'properties' || /\.properties$/i.test(base)) return { kind: 'properties' };
  if (languageId === 'yaml' || /\.ya?ml$/i.test(base)) return { kind: 'yaml' };
  return undefined;
}

const ID = /(?<![A-Za-z0-9+/])LTAI[A-Za-z0-9]{12,30}(?![A-Za-z0-9+/=])/g;
// Cheap pre-check: most documents never mention such a name.
const SECRET_NAME_CORE = /access[_.-]?key[_.-]?secret|secret[_.-]?access[_.-]?key|access[_.-]?secret/i;
// Bounded repeats keep the scan linear on long dotted or dashed runs (minified code, data).
const SECRET_NAME = String.raw`[\w$.-]{0,64}?(?:access[_.-]?key[_.-]?secret|secret[_.-]?access[_.-]?key|access[_.-]?secret)\w{0,64}`;
// name (maybe quoted as a key), then = := => or :, then a quoted literal on the same line
const CODE_SECRET = new RegExp(
  String.raw`(["']?)(\b${SECRET_NAME})\1[ \t]*(?::=|=>|=|:)[ \t]*(["'\x60])((?:(?!\3)[^\\\n]|\\.)*)\3`,
  'gi',
);
// setAccessKeySecret("...") and similar setters
const SETTER_SECRET = new RegExp(String.raw`\b(set${SECRET_NAME})\s*\(\s*(["'])((?:(?!\2)[^\\\n]|\\.)*)\2`, 'gi');
const CONFIG_SECRET = new RegExp(String.raw`^([ \t]*(?:export[ \t]+)?)(["']?)(${SECRET_NAME})\2[ \t]*[:=][ \t]*(.*)$`, 'gim');

export function findAccessKeys(text: string, languageId: string, fileName: string): AccessKeyFinding[] {
  const target = lintTarget(languageId, fileName);
  if (!target || text.includes('alicloud-kms-lint: ignore-file')) return [];
  const findings: AccessKeyFinding[] = [];
  for (const m of text.matchAll(ID)) {
    const value = m[0];
    if (/X{4,}|x{4,}/.test(value.slice(4))) continue; // documentation placeholders like LTAI4FxxxxXXXX
    const start = m.index ?? 0;
    const quoted = /["'`]/.test(text[start - 1] ?? '') && text[start - 1] === text[start + value.length];
    findings.push({
      kind: 'accessKeyId',
      start,
      end: start + value.length,
      literalStart: quoted ? start - 1 : start,
      literalEnd: quoted ? start + value.length + 1 : start + value.length,
      masked: maskAccessKeyId(value),
    });
  }
  if (target.kind === 'code') findings.push(...positionalSecrets(text, findings));
  if (!SECRET_NAME_CORE.test(text)) return dropIgnored(text, findings).sort((a, b) => a.start - b.start);
  // Where a finding already starts, so a second rule matching the same literal adds nothing (a set: a
  // search of the list per match was quadratic in a file with thousands of assignments).
  const starts = new Set(findings.map((f) => f.start));
  if (target.kind === 'code') {
    for (const m of text.matchAll(CODE_SECRET)) {
      const literalStart = (m.index ?? 0) + m[0].length - m[4].length - 2;
      pushSecret(findings, starts, m[2], m[4], literalStart + 1, literalStart, literalStart + m[4].length + 2);
    }
    for (const m of text.matchAll(SETTER_SECRET)) {
      const literalStart = (m.index ?? 0) + m[0].length - m[3].length - 2;
      pushSecret(findings, starts, m[1], m[3], literalStart + 1, literalStart, literalStart + m[3].length + 2);
    }
  } else {
    for (const m of text.matchAll(CONFIG_SECRET)) {
      const raw = m[4];
      const valueOffset = (m.index ?? 0) + m[0].length - raw.length;
      const parsed = configValue(raw);
      if (!parsed) continue;
      pushSecret(findings, starts, m[3], parsed.value, valueOffset + parsed.start, valueOffset + parsed.literalStart, valueOffset + parsed.literalEnd);
    }
  }
  return dropIgnored(text, findings).sort((a, b) => a.start - b.start);
}

/** The secret passed right after a literal AccessKey id: new AcsClient('LTAI…', '<secret>', region). */
function positionalSecrets(text: string, ids: AccessKeyFinding[]): AccessKeyFinding[] {
  const found: AccessKeyFinding[] = [];
  for (const id of ids) {
    if (id.literalStart === id.start) continue; // the id is not a string literal
    const next = /^\s*,\s*(["'`])([^"'`\\\n]*)\1/.exec(text.slice(id.literalEnd, id.literalEnd + 200));
    if (!next || !looksLikeSecret(next[2])) continue;
    const literalStart = id.literalEnd + next[0].length - next[2].length - 2;
    found.push({ kind: 'accessKeySecret', start: literalStart + 1, end: literalStart + 1 + next[2].length, literalStart, literalEnd: literalStart + next[2].length + 2, masked: maskSecret(next[2]) });
  }
  return found;
}

function pushSecret(findings: AccessKeyFinding[], starts: Set<number>, name: string, value: string, start: number, literalStart: number, literalEnd: number): void {
  if (!looksLikeSecret(value)) return;
  if (starts.has(start)) return;
  starts.add(start);
  findings.push({ kind: 'accessKeySecret', start, end: start + value.length, literalStart, literalEnd, name, masked: maskSecret(value) });
}

/** A real AccessKey secret: 16+ key characters with letters and digits; never a placeholder or a lookup. */
export function looksLikeSecret(value: string): boolean {
  if (!/^[A-Za-z0-9+/=_-]{16,100}$/.test(value)) return false;
  if (!/[A-Za-z]/.test(value) || !/[0-9]/.test(value)) return false;
  if (/^(.)\1+$/.test(value)) return false;
  return !/x{4,}|your|example|placeholder|changeme|dummy|fake|sample|test_?secret/i.test(value);
}

function configValue(raw: string): { value: string; start: number; literalStart: number; literalEnd: number } | undefined {
  const quoted = /^(["'])(.*?)\1/.exec(raw);
  if (quoted) return { value: quoted[2], start: 1, literalStart: 0, literalEnd: quoted[0].length };
  const value = raw.replace(/[ \t]+#.*$/, '').trimEnd();
  if (!value) return undefined;
  return { value, start: 0, literalStart: 0, literalEnd: value.length };
}

/**
 * Leaves out findings on a line marked "alicloud-kms-lint: ignore" or just below one. The marked lines
 * are found once (not one slice of the text per finding, which was quadratic on a long minified line).
 */
function dropIgnored(text: string, findings: AccessKeyFinding[]): AccessKeyFinding[] {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const marked = new Set<number>();
  for (const m of text.matchAll(/alicloud-kms-lint: ignore(?!-)/g)) marked.add(lineOf(m.index ?? 0));
  if (marked.size === 0) return findings;
  return findings.filter((f) => {
    const line = lineOf(f.start);
    return !marked.has(line) && !marked.has(line - 1);
  });
}

