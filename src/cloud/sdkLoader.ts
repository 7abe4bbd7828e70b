// Loads the SDK bundle on first use. In the built extension that is dist/sdk.js beside
// dist/extension.js; from source (tsx: unit/integration tests) it is ./sdkBundle.ts.
// The requires take variables on purpose: esbuild leaves a non-literal require alone, so the
// SDKs stay out of dist/extension.js.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as SdkBundle from './sdkBundle';

export type Sdk = typeof SdkBundle;

let loaded: Sdk | undefined;

function candidates(): string[] {
  const list = [path.join(__dirname, 'sdk.js')];
  // Bundled test suites live in out/test/<tier>/: the built SDK is in dist/ of the same checkout.
  for (let dir = __dirname, i = 0; i < 5; i++, dir = path.dirname(dir)) list.push(path.join(dir, 'dist', 'sdk.js'));
  return list;
}

export function loadSdk(): Sdk {
  if (loaded) return loaded;
  const fromSource = __filename.endsWith('.ts');
  if (fromSource) {
    const source = './sdkBundle';
    loaded = require(source) as Sdk;
    return loaded;
  }
  const found = candidates().find((file) => fs.existsSync(file));
  if (!found) throw new Error(`The Alibaba Cloud SDK bundle (sdk.js) was not found next to ${__dirname}. Rebuild the extension.`);
  loaded = require(found) as Sdk;
  return loaded;
}

/** True once the SDK has been required (used by tests proving activation loads no SDK). */
export function isSdkLoaded(): boolean {
  return loaded !== undefined;
}
