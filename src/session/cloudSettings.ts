import * as vscode from 'vscode';
import type { CloudProduct, CloudSettings } from '../cloud/types';

const PRODUCTS: readonly CloudProduct[] = ['ram', 'ecs', 'kms', 'sts'];

/**
 * Reads the alicloudKms.* settings the cloud layer needs. Settings that redirect signed or metadata
 * requests are machine-scoped; as a second guard, their workspace values are never read here, so a
 * repository's .vscode/settings.json cannot send requests (and signatures) to its own server.
 */
export function readCloudSettings(): CloudSettings {
  const config = vscode.workspace.getConfiguration('alicloudKms');
  const endpointsValue = machineValue<Record<string, unknown>>(config, 'endpoints') ?? {};
  const endpoints: Partial<Record<CloudProduct, string>> = {};
  for (const product of PRODUCTS) {
    const value = endpointsValue[product];
    if (typeof value === 'string' && value.trim()) endpoints[product] = value.trim();
  }
  return {
    endpoints,
    metadataEndpoint: machineValue<string>(config, 'metadataEndpoint'),
    kmsVpcEndpoint: config.get<boolean>('kmsVpcEndpoint', false),
    fanOutConcurrency: config.get<number>('fanOutConcurrency', 8),
    imdsv1Disabled: config.get<boolean>('imdsv1Disabled', false),
    defaultRegion: config.get<string>('defaultRegion') || undefined,
  };
}

/** The user's (or remote machine's) value, else the default: never a workspace or folder value. */
function machineValue<T>(config: vscode.WorkspaceConfiguration, key: string): T | undefined {
  const inspected = config.inspect<T>(key);
  return inspected?.globalValue ?? inspected?.defaultValue;
}
