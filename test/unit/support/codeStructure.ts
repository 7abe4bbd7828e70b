// A small structural checker for the Java and Go snippets (no JDK or Go toolchain on the test machine):
// brackets balance outside strings and comments, every type or package used is imported, and every
// import is used (Go refuses unused imports; in Java an unused one hints at a wrong name).

/** Replaces string/char literals and comments with spaces, keeping the length and line breaks. */
export function stripLiterals(code: string, language: 'java' | 'go'): string {
  let out = '';
  let i = 0;
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  while (i < code.length) {
    const c = code[i];
    const next = code[i + 1];
    if (c === '/' && next === '/') {
      const end = code.indexOf('\n', i);
      const stop = end === -1 ? code.length : end;
      out += blank(code.slice(i, stop));
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = code.indexOf('*/', i + 2);
      const stop = end === -1 ? code.length : end + 2;
      out += blank(code.slice(i, stop));
      i = stop;
    } else if (c === '"' || c === "'" || (c === '`' && language === 'go')) {
      let j = i + 1;
      while (j < code.length && code[j] !== c) {
        if (code[j] === '\\' && c !== '`') j++;
        if (code[j] === '\n' && c !== '`') throw new Error(`unterminated literal at offset ${i}`);
        j++;
      }
      if (j >= code.length) throw new Error(`unterminated literal at offset ${i}`);
      out += c + ' '.repeat(j - i - 1) + c;
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

export function bracketProblems(stripped: string): string[] {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const stack: string[] = [];
  for (const c of stripped) {
    if (c === '(' || c === '[' || c === '{') stack.push(c);
    else if (c in pairs) {
      if (stack.pop() !== pairs[c]) return [`unbalanced ${c}`];
    }
  }
  return stack.length ? [`unclosed ${stack.join('')}`] : [];
}

const JAVA_LANG = new Set(['String', 'System', 'Exception', 'Object', 'Integer', 'Long', 'Boolean', 'Math', 'StringBuilder', 'RuntimeException']);

export function javaProblems(code: string): string[] {
  const stripped = stripLiterals(code, 'java');
  const problems = bracketProblems(stripped);
  const imported = new Map<string, boolean>();
  for (const m of stripped.matchAll(/^import\s+([\w.]+)\.([A-Z]\w*)\s*;/gm)) imported.set(m[2], false);
  if (/^import\s+[\w.]+\.\*\s*;/m.test(stripped)) problems.push('wildcard import: the checker cannot verify it');
  const declared = new Set([...stripped.matchAll(/\bclass\s+([A-Z]\w*)/g)].map((m) => m[1]));
  const body = stripped.replace(/^import\s+.*$/gm, '');
  const used = new Set<string>();
  const patterns = [
    /\bnew\s+([A-Z]\w*)/g, // constructors
    /\b([A-Z]\w*)\s*\.\s*[a-zA-Z_]\w*/g, // static members: Foo.bar(...)
    /\b([A-Z]\w*)(?:<[^;=()]*>)?(?:\[\])?\s+[a-z]\w*\s*[=;,)]/g, // declarations and parameters
    /<\s*([A-Z]\w*)/g, // generic arguments
    /\bthrows\s+([A-Z]\w*)/g,
  ];
  for (const pattern of patterns) for (const m of body.matchAll(pattern)) used.add(m[1]);
  for (const type of used) {
    if (JAVA_LANG.has(type) || declared.has(type)) continue;
    if (imported.has(type)) imported.set(type, true);
    else problems.push(`type ${type} is used but not imported`);
  }
  for (const [type, isUsed] of imported) if (!isUsed) problems.push(`import ${type} is not used`);
  if (!/public\s+static\s+void\s+main\s*\(\s*String\[\]\s+\w+\s*\)/.test(stripped)) problems.push('no main method');
  return problems;
}

export function goProblems(code: string): string[] {
  const stripped = stripLiterals(code, 'go');
  const problems = bracketProblems(stripped);
  if (!/^package\s+main\s*$/m.test(stripped)) problems.push('not package main');
  // import paths are inside string literals: read them from the original text
  const imports = new Map<string, boolean>();
  const block = /^import\s*\(([\s\S]*?)^\)/m.exec(code);
  const lines = block ? block[1].split('\n') : [...code.matchAll(/^import\s+(.*)$/gm)].map((m) => m[1]);
  for (const line of lines) {
    const m = /^\s*(?:(\w+)\s+)?"([^"]+)"\s*$/.exec(line);
    if (m) imports.set(m[1] ?? m[2].split('/').pop()!, false);
  }
  const body = stripped.replace(/^import\s*\([\s\S]*?^\)/m, '').replace(/^import\s+.*$/gm, '');
  const locals = new Set<string>();
  for (const m of body.matchAll(/\b((?:\w+\s*,\s*)*\w+)\s*:=/g)) for (const name of m[1].split(',')) locals.add(name.trim());
  for (const m of body.matchAll(/\bfunc\s+\w+\s*\(([^)]*)\)/g)) {
    for (const param of m[1].split(',')) {
      const name = param.trim().split(/\s+/)[0];
      if (name) locals.add(name);
    }
  }
  for (const m of body.matchAll(/\bvar\s+(\w+)/g)) locals.add(m[1]);
  for (const m of body.matchAll(/(?<![\w.])([a-z]\w*)\.[A-Za-z_]\w*/g)) {
    const qualifier = m[1];
    if (imports.has(qualifier)) imports.set(qualifier, true);
    else if (!locals.has(qualifier)) problems.push(`${qualifier} is neither an imported package nor a declared variable`);
  }
  for (const [name, used] of imports) if (!used) problems.push(`import ${name} is not used`);
  if (!/\bfunc\s+main\s*\(\s*\)/.test(stripped)) problems.push('no func main');
  return problems;
}
