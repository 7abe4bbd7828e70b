import * as vscode from 'vscode';
import type { NodeRef } from '../views/common/nodeRef';
import type { CommandContext } from './commandContext';

/** Opens the node's page in the Alibaba Cloud console in the user's browser. */
export async function openInConsole(_ctx: CommandContext, ref?: NodeRef): Promise<void> {
  const url = ref && consoleUrl(ref);
  if (url) await vscode.env.openExternal(vscode.Uri.parse(url));
}

export function consoleUrl(ref: NodeRef): string | undefined {
  const q = encodeURIComponent;
  switch (ref.kind) {
    case 'instance': return `https://ecs.console.aliyun.com/server/${q(ref.instanceId)}/detail?regionId=${q(ref.regionId)}`;
    case 'key': return `https://kms.console.aliyun.com/${q(ref.regionId)}/key/detail?keyId=${q(ref.keyId)}`;
    case 'secret': return `https://kms.console.aliyun.com/${q(ref.regionId)}/secret/detail?secretName=${q(ref.secretName)}`;
    case 'role': return `https://ram.console.aliyun.com/roles/detail?roleName=${q(ref.roleName)}`;
    default: return undefined;
  }
}
