// Shared helpers of the extension-host tests: the extension under test and its manifest.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'alicloud-kms-access.alicloud-kms-access';

export interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    views: Record<string, { id: string; name: string; when?: string }[]>;
    viewsContainers: { activitybar: { id: string; title: string }[] };
    viewsWelcome: { view: string; contents: string }[];
  };
}

export function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(found, `${EXTENSION_ID} is not loaded in this extension host`);
  return found;
}

export function manifest(): Manifest {
  return extension().packageJSON as Manifest;
}

export async function activated(): Promise<vscode.Extension<unknown>> {
  const ext = extension();
  await ext.activate();
  return ext;
}
