// Finds every l10n key the extension's code can ask for, with the TypeScript compiler (not regexes), so
// multi-line calls, `vscode.l10n.t({ message, args, comment })`, conditional keys and template strings
// built from constants are all seen. Used by test/unit/l10n-*.test.ts and by `npm run l10n`.
// @vscode/l10n-dev's string export (libraryExport.ts) finds the literal calls too, and the l10n test checks
// that it finds nothing this file misses; this file stays for what the library lacks: the key producers and
// key sources below, keys chosen by conditionals/`??` or built from constants, and the dynamic-site list.
//
// A key reaches vscode.l10n.t in one of two ways:
//  1. literally: the first argument of an l10n.t call is a string (or resolves to one);
//  2. through a "key producer": a pure module cannot import vscode, so it returns { template, args }
//     and the UI later calls vscode.l10n.t(x.template, ...x.args). The producers are listed in
//     KEY_PRODUCERS; their template arguments are collected like l10n.t's.
// Every place where a key travels in a variable instead (an l10n.t or producer call whose key argument is
// not a resolvable string) is reported as a DynamicSite; the test requires each one to be explained.
import * as ts from 'typescript';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/** A function whose argument becomes an l10n key later. `properties`: the argument is an object literal whose property values are keys. */
export interface KeyProducer {
  readonly file: string;
  readonly name: string;
  readonly argument: number;
  readonly properties?: boolean;
  readonly why: string;
}

export const KEY_PRODUCERS: readonly KeyProducer[] = [
  { file: 'src/policy/problem.ts', name: 'problem', argument: 1, why: 'Problem.template of the policy module (and src/workflows), shown with vscode.l10n.t(problem.template, ...problem.args)' },
  { file: 'src/policy/validation.ts', name: 'nameRule', argument: 4, properties: true, why: 'the empty/tooLong/badCharacter templates nameRule hands to problem()' },
  { file: 'src/policy/policyElements.ts', name: 'propertiesOf', argument: 4, why: 'the "unknown element" template propertiesOf hands to problem()' },
  { file: 'src/util/message.ts', name: 'text', argument: 0, why: 'Message.template of the pure modules (src/diagnosis...), shown with localize() = vscode.l10n.t(template, ...args)' },
  { file: 'src/diagnosis/encryptionContext.ts', name: 'fail', argument: 0, why: 'the EncryptionContext parse problems, which fail() hands to text()' },
  { file: 'src/diagnosis/skipped.ts', name: 'skipped', argument: 2, why: 'the reason of a skipped diagnosis line, which skipped() hands to text()' },
];

/**
 * Keys that are not arguments of a call: the English hints of CloudError (src/cloud has no vscode; the UI
 * shows a hint with localizeHint = vscode.l10n.t(hint)). `property`: values of `<name>:` in every file
 * under `file`; `returns`: what function `<name>` returns; `object`: property values of const `<name>`.
 */
export interface KeySource {
  readonly file: string;
  readonly kind: 'property' | 'returns' | 'object';
  readonly name: string;
  readonly via: string;
  readonly why: string;
}

export const KEY_SOURCES: readonly KeySource[] = [
  { file: 'src/cloud/hintCatalog.ts', kind: 'property', name: 'key', via: 'hint', why: 'the hint catalog: every `key:` is an l10n key, shown with localizeHint = vscode.l10n.t(hint.key, ...hint.args)' },
];

export interface FoundKey {
  readonly key: string;
  readonly file: string;
  readonly line: number;
  /** 'l10n.t' or the producer's name. */
  readonly via: string;
}

export interface DynamicSite {
  readonly file: string;
  readonly line: number;
  readonly via: string;
  /** The key argument's source text, e.g. `problem.template`. */
  readonly expression: string;
}

export interface Extraction {
  readonly keys: FoundKey[];
  readonly dynamic: DynamicSite[];
  readonly files: number;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });
}

const posix = (file: string) => relative(ROOT, file).split(sep).join('/');

/** The callee is `<anything>.l10n.t` or `l10n.t`. */
function isL10nT(callee: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 't') return false;
  const target = callee.expression;
  return (ts.isIdentifier(target) && target.text === 'l10n') || (ts.isPropertyAccessExpression(target) && target.name.text === 'l10n');
}

export function extractKeys(srcDir = join(ROOT, 'src')): Extraction {
  const files = sourceFiles(srcDir);
  const program = ts.createProgram(files, { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, strict: true, noEmit: true, skipLibCheck: true, types: [], noResolve: true, noLib: true });
  const checker = program.getTypeChecker();
  const keys: FoundKey[] = [];
  const dynamic: DynamicSite[] = [];

  /** The string values an expression can have, or undefined when it is not statically known. */
  function strings(node: ts.Expression): string[] | undefined {
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return strings(node.expression);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
    if (ts.isConditionalExpression(node)) {
      const a = strings(node.whenTrue);
      const b = strings(node.whenFalse);
      return a && b ? [...a, ...b] : undefined;
    }
    if (ts.isTemplateExpression(node)) {
      // `...${CONSTANT}...`: fine when every substitution has a string literal type (a const).
      let out = [node.head.text];
      for (const span of node.templateSpans) {
        const parts = literalType(span.expression);
        if (!parts) return undefined;
        out = out.flatMap((prefix) => parts.map((p) => prefix + p + span.literal.text));
      }
      return out;
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const a = strings(node.left);
      const b = strings(node.right);
      return a && b ? a.flatMap((x) => b.map((y) => x + y)) : undefined;
    }
    return literalType(node);
  }

  function literalType(node: ts.Expression): string[] | undefined {
    const type = checker.getTypeAtLocation(node);
    const members = type.isUnion() ? type.types : [type];
    if (members.every((t) => t.isStringLiteral())) return members.map((t) => (t as ts.StringLiteralType).value);
    return undefined;
  }

  function producerOf(call: ts.CallExpression): KeyProducer | undefined {
    if (!ts.isIdentifier(call.expression)) return undefined;
    const candidates = KEY_PRODUCERS.filter((p) => p.name === call.expression.getText());
    if (candidates.length === 0) return undefined;
    let symbol = checker.getSymbolAtLocation(call.expression);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const declared = symbol?.declarations?.[0]?.getSourceFile().fileName;
    return declared ? candidates.find((p) => posix(declared) === p.file) : undefined;
  }

  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    const rel = posix(file);
    const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    const record = (arg: ts.Expression | undefined, via: string, at: ts.Node, comment?: string): void => {
      // `x ?? 'fallback'`, `x || 'fallback'`: the literal side is a key, the other side is dynamic.
      if (arg && ts.isBinaryExpression(arg) && (arg.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || arg.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
        record(arg.left, via, at, comment);
        record(arg.right, via, at, comment);
        return;
      }
      if (arg && ts.isConditionalExpression(arg)) {
        record(arg.whenTrue, via, at, comment);
        record(arg.whenFalse, via, at, comment);
        return;
      }
      if (arg && ts.isIdentifier(arg) && arg.text === 'undefined') return;
      const found = arg ? strings(arg) : undefined;
      if (!found) {
        dynamic.push({ file: rel, line: lineOf(at), via, expression: arg ? arg.getText(source) : '' });
        return;
      }
      for (const key of found) keys.push({ key: comment ? `${key}/${comment}` : key, file: rel, line: lineOf(at), via });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        if (isL10nT(node.expression)) {
          const first = node.arguments[0];
          if (first && ts.isObjectLiteralExpression(first)) {
            // { message, args, comment }: VS Code looks the string up as `message/comment` (comment array joined).
            const prop = (name: string) => first.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(source) === name)?.initializer;
            const comment = prop('comment');
            const commentText = comment ? (ts.isArrayLiteralExpression(comment) ? comment.elements.map((e) => strings(e)?.[0] ?? '').join('') : strings(comment)?.[0]) : undefined;
            record(prop('message'), 'l10n.t', node, commentText || undefined);
          } else {
            record(first, 'l10n.t', node);
          }
        } else {
          const producer = producerOf(node);
          if (producer) {
            const arg = node.arguments[producer.argument];
            if (producer.properties && arg && ts.isObjectLiteralExpression(arg)) {
              for (const p of arg.properties) if (ts.isPropertyAssignment(p)) record(p.initializer, producer.name, p);
            } else {
              record(arg, producer.name, node);
            }
          }
        }
      }
      for (const s of KEY_SOURCES) {
        if (s.kind === 'property' ? !(rel === s.file || rel.startsWith(`${s.file}/`)) : rel !== s.file) continue;
        if (s.kind === 'property' && ts.isPropertyAssignment(node) && node.name.getText(source) === s.name) record(node.initializer, s.via, node);
        if (s.kind === 'object' && ts.isVariableDeclaration(node) && node.name.getText(source) === s.name && node.initializer && ts.isObjectLiteralExpression(node.initializer)) {
          for (const p of node.initializer.properties) if (ts.isPropertyAssignment(p)) record(p.initializer, s.via, p);
        }
        if (s.kind === 'returns' && ts.isReturnStatement(node) && node.expression) {
          const fn = ts.findAncestor(node, ts.isFunctionDeclaration);
          if (fn?.name?.text === s.name) record(node.expression, s.via, node);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { keys, dynamic, files: files.length };
}

/** `{0}`, `{1}`... of a message, sorted and unique. */
export function placeholders(message: string): string[] {
  return [...new Set(message.match(/\{\d+\}/g) ?? [])].sort();
}

/** Every `%key%` string anywhere in package.json (VS Code replaces them wherever they are). */
export function manifestKeys(manifest: unknown): string[] {
  const out = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      const m = /^%(.+)%$/.exec(value);
      if (m) out.add(m[1]);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(manifest);
  return [...out];
}
