// ESLint flat config: typescript-eslint's recommended rules plus the project's dependency rules
// (DESIGN.md: only src/cloud imports @alicloud/*, src/policy and the pure diagnosis/workflow modules
// import neither vscode nor the SDKs, test/emulator imports nothing from src). The whole folder graph
// (no cycle, no upward edge) is checked by scripts/import-matrix.ts, also run by `npm run lint`.
import { readFileSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Command ids are named only through src/commandIds.ts (COMMAND.x): a literal elsewhere escapes the check
// that every id exists. The ids come from package.json (the unit test commandIds.test.ts ties the two), so
// setting keys, context keys and view ids that share the prefix are not caught.
const commandIds = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).contributes.commands.map((c) => c.command);
const commandIdLiteral = {
  selector: `Literal[value=/^(${commandIds.map((id) => id.replace(/[.]/g, '\\.')).join('|')})$/]`,
  message: 'Name a command through COMMAND in src/commandIds.ts, not with a string literal.',
};

const noSdk = { group: ['@alicloud/*'], message: 'Only src/cloud/ may import @alicloud/* (DESIGN.md).' };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cloud/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noSdk] }] },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/commandIds.ts'],
    rules: { 'no-restricted-syntax': ['error', commandIdLiteral] },
  },
  {
    // Pure modules: unit-tested without a VS Code host, and they talk to the cloud through service interfaces.
    files: ['src/policy/**/*.ts', 'src/workflows/**/*.ts', 'src/diagnosis/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/policy, src/workflows and src/diagnosis are pure: no vscode import (DESIGN.md).' }], patterns: [noSdk] }],
    },
  },
  {
    // The diagnosis checks and reports, and the pure helpers every layer shares: no vscode, no SDK, nothing above them.
    files: ['src/diagnosis/**/*.ts', 'src/util/message.ts', 'src/util/mask.ts', 'src/util/duration.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/diagnosis and the pure util modules are vscode-free: return Messages, the UI localizes them.' }],
        patterns: [noSdk, { group: ['**/views/**', '**/commands/**', '**/util/localize'], message: 'Pure: no views/, commands/ or vscode (util/localize) import.' }],
      }],
    },
  },
  {
    files: ['src/cloud/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/views/**', '**/commands/**'], message: 'cloud/ never imports views/ or commands/.' }] }],
    },
  },
  {
    // The bootstrap VS Code loads at activation: a value import of the rest of src/ would pull that code
    // into dist/extension.js. Types are fine (erased); the implementation is required lazily (loadMain.ts).
    files: ['src/extension.ts', 'src/bootstrap/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [noSdk, {
          regex: '^\\.\\.?/(?!bootstrap/|commandIds$|lazyTreeProvider$|loadMain$)',
          allowTypeImports: true,
          message: 'The bootstrap imports only ./bootstrap/* and ./commandIds as values (use `import type`): the rest loads on first use.',
        }],
      }],
    },
  },
  {
    files: ['test/emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/src/**'], message: 'The emulator is an independent implementation: import nothing from src/.' }] }],
    },
  },
);
