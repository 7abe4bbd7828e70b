// Requires the implementation bundle on first need. In the built extension that is dist/main.js
// beside dist/extension.js; from source (tsx) it is ../main.ts. The require takes a variable on
// purpose, like cloud/sdkLoader.ts: esbuild leaves a non-literal require alone, so the commands,
// views and cloud layer stay out of the bootstrap bundle that VS Code loads at activation.
import * as path from 'node:path';
import type * as Main from '../main';

export type MainModule = typeof Main;

export function requireMain(): MainModule {
  const file = __filename.endsWith('.ts') ? '../main' : path.join(__dirname, 'main.js');
  return require(file) as MainModule;
}
