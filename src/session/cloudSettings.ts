import * as vscode from 'vscode';
import { readCloudSettings as parseCloudSettings } from '../cloud/settings';
import type { CloudSettings } from '../cloud/types';

/**
 * Settings a workspace must not steer: those that redirect signed or metadata requests, and the key
 * Diagnose uses and Grant KMS Access offers first (issue 17). Machine-scoped in package.json.
 */
const MACHINE_KEYS = new Set(['endpoints', 'metadataEndpoint', 'kmsVpcEndpoint', 'imdsv1Disabled', 'defaultKey']);

/** A guarded setting from the user's or the machine's settings only, never a workspace's or folder's. */
function readGuarded(config: vscode.WorkspaceConfiguration, key: string): unknown {
  const inspected = config.inspect(key);
  return inspected?.globalValue ?? inspected?.defaultValue;
}

/**
 * The alicloudKms.* settings for the cloud layer. As a second guard behind `"scope": "machine"`, the
 * redirecting settings are never read from a workspace or folder, so a repository's
 * .vscode/settings.json cannot send requests (and signatures) to its own server.
 */
export function readCloudSettings(): CloudSettings {
  const config = vscode.workspace.getConfiguration('alicloudKms');
  return parseCloudSettings((key) => {
    return MACHINE_KEYS.has(key) ? readGuarded(config, key) : config.get(key);
  });
}

/** alicloudKms.defaultKey, read like the other guarded settings (a workspace cannot choose it). */
export function readDefaultKey(): string | undefined {
  const value = readGuarded(vscode.workspace.getConfiguration('alicloudKms'), 'defaultKey');
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
