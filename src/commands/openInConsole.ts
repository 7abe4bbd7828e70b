import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';

/** Opens the node's page in the Alibaba Cloud console in the user's browser. */
export async function openInConsole(_ctx: CommandContext, node?: unknown): Promise<void> {
  const url = consoleUrl(node);
  if (url) await vscode.env.openExternal(vscode.Uri.parse(url));
}

export function consoleUrl(node: unknown): string | undefined {
  const n = (node ?? {}) as { instanceId?: string; keyId?: string; secretName?: string; roleName?: string; regionId?: string };
  const q = encodeURIComponent;
  if (n.instanceId && n.regionId) return `https://ecs.console.aliyun.com/server/${q(n.instanceId)}/detail?regionId=${q(n.regionId)}`;
  if (n.keyId && n.regionId) return `https://kms.console.aliyun.com/${q(n.regionId)}/key/detail?keyId=${q(n.keyId)}`;
  if (n.secretName && n.regionId) return `https://kms.console.aliyun.com/${q(n.regionId)}/secret/detail?secretName=${q(n.secretName)}`;
  if (n.roleName) return `https://ram.console.aliyun.com/roles/detail?roleName=${q(n.roleName)}`;
  return undefined;
}
