// Quick fixes for a hard-coded AccessKey, as plain text edits (pure: the extension turns them into a
// WorkspaceEdit, the tests apply them to strings).
//  - 'env': replace the literal with the language's environment-variable lookup (adding the import it
//    needs), or in configuration files with a ${VAR} reference (.env files: remove the value).
//  - 'credentialChain': replace an assignment statement with the default credential chain of the
//    language's Alibaba Cloud credentials library (environment, config file, ECS instance RAM role).
import type { AccessKeyFinding, CodeLanguage, LintTarget } from './detect';

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface QuickFix {
  readonly kind: 'env' | 'credentialChain';
  /** The environment variable the 'env' fix reads. */
  readonly variable: string;
  readonly edits: readonly TextEdit[];
}

export function variableFor(finding: AccessKeyFinding): string {
  return finding.kind === 'accessKeyId' ? 'ALIBABA_CLOUD_ACCESS_KEY_ID' : 'ALIBABA_CLOUD_ACCESS_KEY_SECRET';
}

export function quickFixes(text: string, target: LintTarget, finding: AccessKeyFinding): QuickFix[] {
  const variable = variableFor(finding);
  if (target.kind !== 'code') {
    const newText = target.kind === 'env' ? '' : `\${${variable}}`;
    return [{ kind: 'env', variable, edits: [{ start: finding.literalStart, end: finding.literalEnd, newText }] }];
  }
  const fixes: QuickFix[] = [{ kind: 'env', variable, edits: envEdits(text, target.language, finding, variable) }];
  const chain = chainEdits(text, target.language, finding);
  if (chain) fixes.push({ kind: 'credentialChain', variable, edits: chain });
  return fixes;
}

function envEdits(text: string, language: CodeLanguage, finding: AccessKeyFinding, variable: string): TextEdit[] {
  const replace = (newText: string): TextEdit => ({ start: finding.literalStart, end: finding.literalEnd, newText });
  switch (language) {
    case 'javascript':
    case 'typescript':
      return [replace(`process.env.${variable}`)];
    case 'java':
      return [replace(`System.getenv("${variable}")`)];
    case 'python':
      return [...importEdit(text, 'python', 'import os', /^import os\s*$/m), replace(`os.environ['${variable}']`)];
    case 'go':
      return [...goImportEdit(text, 'os'), replace(`os.Getenv("${variable}")`)];
  }
}

const CHAIN_COMMENT = 'default credential chain: environment, config file, ECS instance RAM role';

/** Only for a one-line assignment statement: replacing a property inside an object literal would break it. */
function chainEdits(text: string, language: CodeLanguage, finding: AccessKeyFinding): TextEdit[] | undefined {
  const lineStart = text.lastIndexOf('\n', finding.start - 1) + 1;
  const newline = text.indexOf('\n', finding.end);
  const lineEnd = newline === -1 ? text.length : newline;
  const line = text.slice(lineStart, lineEnd);
  const statement = /^([ \t]*)((?:const|let|var|final|private|static|public|String|\s)*\s*[\w.]+\s*(?::=|=)\s*)(.*?)(;?)[ \t]*(\r?)$/.exec(line);
  if (!statement) return undefined;
  // the literal must be the whole right-hand side
  const rhsStart = lineStart + statement[1].length + statement[2].length;
  if (rhsStart !== finding.literalStart || statement[3].length !== finding.literalEnd - finding.literalStart) return undefined;
  const indent = statement[1];
  const replaceLine = (code: string): TextEdit => ({ start: lineStart, end: lineEnd, newText: `${indent}${code}${statement[5]}` });
  switch (language) {
    case 'javascript':
    case 'typescript': {
      const usesRequire = /\brequire\(\s*['"]/.test(text) && !/^import\s/m.test(text);
      const importLine = usesRequire
        ? "const Credential = require('@alicloud/credentials').default;"
        : "import Credential from '@alicloud/credentials';";
      return [...importEdit(text, 'javascript', importLine, /@alicloud\/credentials/), replaceLine(`const credential = new Credential(); // ${CHAIN_COMMENT}`)];
    }
    case 'java':
      return [replaceLine(`com.aliyun.credentials.Client credential = new com.aliyun.credentials.Client(); // ${CHAIN_COMMENT}`)];
    case 'python':
      return [
        ...importEdit(text, 'python', 'from alibabacloud_credentials.client import Client as CredentialClient', /alibabacloud_credentials\.client import Client as CredentialClient/),
        replaceLine(`credential = CredentialClient()  # ${CHAIN_COMMENT}`),
      ];
    case 'go':
      return [
        ...goImportEdit(text, 'github.com/aliyun/credentials-go/credentials'),
        replaceLine(
          `credential, err := credentials.NewCredential(nil) // ${CHAIN_COMMENT}\n${indent}if err != nil {\n${indent}\tpanic(err)\n${indent}}`,
        ),
      ];
  }
}

/** Inserts an import line after the last top-level import (or at the top), unless `present` matches. */
function importEdit(text: string, language: 'python' | 'javascript', importLine: string, present: RegExp): TextEdit[] {
  if (present.test(text)) return [];
  const importPattern = language === 'python' ? /^(?:import\s+\S.*|from\s+\S+\s+import\s+.*)$/gm : /^(?:import\s.*|(?:const|let|var)\s.*=\s*require\(.*)$/gm;
  let insertAt = 0;
  for (const m of text.matchAll(importPattern)) insertAt = (m.index ?? 0) + m[0].length + 1;
  if (insertAt === 0) {
    // keep a shebang, an encoding line or 'use strict' first
    const lead = /^(?:#!.*\n|#.*coding[:=].*\n|['"]use strict['"];?\n)*/.exec(text);
    insertAt = lead ? lead[0].length : 0;
  }
  insertAt = Math.min(insertAt, text.length);
  const needsNewline = insertAt === text.length && text.length > 0 && !text.endsWith('\n');
  return [{ start: insertAt, end: insertAt, newText: `${needsNewline ? '\n' : ''}${importLine}\n` }];
}

function goImportEdit(text: string, path: string): TextEdit[] {
  if (new RegExp(`^\\s*(?:\\w+\\s+)?"${path.replace(/[./]/g, '\\$&')}"`, 'm').test(text)) return [];
  const block = /^import\s*\(\n/m.exec(text);
  if (block) {
    const at = (block.index ?? 0) + block[0].length;
    return [{ start: at, end: at, newText: `\t"${path}"\n` }];
  }
  const single = /^import\s+/m.exec(text);
  if (single) return [{ start: single.index ?? 0, end: single.index ?? 0, newText: `import "${path}"\n` }];
  const pkg = /^package\s+\w+[^\n]*\n/m.exec(text);
  const at = pkg ? (pkg.index ?? 0) + pkg[0].length : 0;
  return [{ start: at, end: at, newText: `\nimport "${path}"\n` }];
}

/** Applies non-overlapping edits to a string (used by the tests and handy for previews). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits]
    .sort((a, b) => b.start - a.start || b.end - a.end)
    .reduce((out, edit) => out.slice(0, edit.start) + edit.newText + out.slice(edit.end), text);
}
