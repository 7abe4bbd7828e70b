// Fills snippet templates. Pure: no vscode import, so the snippet JSON generator, the insert command
// and the tests all use this one function (one source of truth for the code text).
//
// Template markers:
//   {{roleName}} / {{roleName:default text}}  a value hole: filled with the value, else a tab stop
//   {{ts|text}} / {{js|text}}                 text only in the TypeScript / JavaScript variant
//                                             (type annotations, import style); one line, no "}}" inside
import { TEMPLATES } from './templates';
import type { SnippetJob, SnippetLanguage, SnippetValues, ValueName } from './types';
import { SNIPPET_JOBS, SNIPPET_LANGUAGES } from './types';

/** Tab stop number and placeholder text of each value; the same number in every snippet. */
export const VALUE_HOLES: Record<ValueName, { index: number; placeholder: string; label: string }> = {
  roleName: { index: 1, placeholder: 'your-instance-ram-role', label: 'instance RAM role name' },
  region: { index: 2, placeholder: 'cn-hangzhou', label: 'region id' },
  keyId: { index: 3, placeholder: 'your-key-id-or-alias', label: 'KMS key id or alias' },
  secretName: { index: 4, placeholder: 'your-secret-name', label: 'secret name' },
  accountId: { index: 5, placeholder: 'your-account-id', label: 'account id' },
};

// Every value lands inside a string literal: only the characters of role names, region ids, key
// ids/aliases/ARNs, secret names and account ids are allowed, so no value can break out of the quotes.
const SAFE_VALUE = /^[A-Za-z0-9._:/@+=-]{1,256}$/;

export interface RenderedSnippet {
  readonly job: SnippetJob;
  readonly language: SnippetLanguage;
  readonly description: string;
  /** Install line: Maven coordinates, pip, go get or npm. */
  readonly dependency: string;
  /** VS Code snippet syntax (tab stops for the values not given), for a SnippetString or snippets/*.json. */
  readonly body: string;
  /** Plain code: values filled, missing ones replaced by their placeholder text. */
  readonly code: string;
}

export class InvalidSnippetValueError extends Error {
  constructor(readonly valueName: ValueName) {
    super(
      `The ${VALUE_HOLES[valueName].label} contains characters that cannot appear in it ` +
        '(allowed: letters, digits and . _ : / @ + = -).',
    );
    this.name = 'InvalidSnippetValueError';
  }
}

export function isSnippetJob(value: unknown): value is SnippetJob {
  return typeof value === 'string' && (SNIPPET_JOBS as readonly string[]).includes(value);
}

export function isSnippetLanguage(value: unknown): value is SnippetLanguage {
  return typeof value === 'string' && (SNIPPET_LANGUAGES as readonly string[]).includes(value);
}

/** Picks the snippet values out of any object (duck typing: a tree node, a settings object). */
export function pickValues(source: unknown): SnippetValues {
  const values: SnippetValues = {};
  if (!source || typeof source !== 'object') return values;
  for (const name of Object.keys(VALUE_HOLES) as ValueName[]) {
    const value = (source as Record<string, unknown>)[name];
    if (typeof value === 'string' && value.trim() !== '') values[name] = value.trim();
  }
  return values;
}

export function renderSnippet(job: SnippetJob, language: SnippetLanguage, values: SnippetValues = {}): RenderedSnippet {
  for (const name of Object.keys(values) as ValueName[]) {
    const value = values[name];
    if (value !== undefined && !SAFE_VALUE.test(value)) throw new InvalidSnippetValueError(name);
  }
  const template = TEMPLATES[language === 'typescript' ? 'javascript' : language][job];
  const text = selectVariant(template.text, language);
  return {
    job,
    language,
    description: template.description,
    dependency: template.dependency,
    body: fill(text, values, 'snippet'),
    code: fill(text, values, 'code'),
  };
}

function selectVariant(text: string, language: SnippetLanguage): string {
  const keep = (variant: string) => (variant === 'ts') === (language === 'typescript');
  return text
    // a line that is only a dropped marker disappears with its line break
    .replace(/^[ \t]*\{\{(ts|js)\|(.*?)\}\}[ \t]*\n/gm, (all, variant: string) => (keep(variant) ? all : ''))
    .replace(/\{\{(ts|js)\|(.*?)\}\}/g, (_all, variant: string, content: string) => (keep(variant) ? content : ''));
}

const HOLE = /\{\{(roleName|region|keyId|secretName|accountId)(?::([^}]*))?\}\}/g;

function fill(text: string, values: SnippetValues, mode: 'snippet' | 'code'): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(HOLE)) {
    const name = match[1] as ValueName;
    const placeholder = match[2] ?? VALUE_HOLES[name].placeholder;
    const literal = text.slice(last, match.index);
    out += mode === 'snippet' ? escapeText(literal) : literal;
    const value = values[name];
    if (mode === 'code') out += value ?? placeholder;
    else out += value !== undefined ? escapeText(value) : `\${${VALUE_HOLES[name].index}:${escapePlaceholder(placeholder)}}`;
    last = (match.index ?? 0) + match[0].length;
  }
  const rest = text.slice(last);
  return out + (mode === 'snippet' ? escapeText(rest) : rest);
}

/** Outside a placeholder, "$" starts a tab stop or variable and "\" escapes: both must be escaped. */
function escapeText(text: string): string {
  return text.replace(/[\\$]/g, (c) => `\\${c}`);
}

/** Inside a placeholder "}" ends it as well. */
function escapePlaceholder(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/**
 * What "Copy Dependency" puts on the clipboard: the pip / go get / npm command as is, and for Maven
 * the <dependency> elements to paste into pom.xml.
 */
export function dependencyToCopy(dependency: string): string {
  const maven = /^Maven:\s*(.*)$/.exec(dependency);
  if (!maven) return dependency;
  return maven[1]
    .split(/\s*,\s*/)
    .map((coordinates) => {
      const [groupId, artifactId, version] = coordinates.split(':');
      return `<dependency>\n  <groupId>${groupId}</groupId>\n  <artifactId>${artifactId}</artifactId>\n  <version>${version}</version>\n</dependency>`;
    })
    .join('\n');
}
