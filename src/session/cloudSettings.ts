import * as vscode from 'vscode';
import { readCloudSettings as parseCloudSettings } from '../cloud/settings';
import type { CloudSettings } from '../cloud/types';

/** Settings that redirect signed or metadata requests: machine-scoped in package.json. */
const MACHINE_KEYS = new Set(['endpoints', 'metadataEndpoint', 'kmsVpcEndpoint', 'imdsv1Disabled']);

/**
 * The alicloudKms.* settings for the cloud layer. As a second guard behind `"scope": "machine"`, the
 * redirecting settings are never read from a workspace or folder, so a repository's
 * .vscode/settings.json cannot send requests (and signatures) to its own server.
 */
export function readCloudSettings(): CloudSettings {
  const config = vscode.workspace.getConfiguration('alicloudKms');
  return parseCloudSettings((key) => {
    if (!MACHINE_KEYS.has(key)) return config.get(key);
    const inspected = config.inspect(key);
    return inspected?.globalValue ?? inspected?.defaultValue;
  });
}
