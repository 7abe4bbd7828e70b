// Addresses of the RAM documents the extension lets users edit in place: a role's trust policy and a
// custom policy's default version. The file names end like the files our schema and semantic checks
// already apply to (*.trust-policy.json, *.ram-policy.json), so the edited document is checked as typed.
import * as vscode from 'vscode';

export const RAM_DOCUMENT_SCHEME = 'alicloud-ram';

export type RamDocumentRef =
  | { readonly kind: 'trust'; readonly roleName: string }
  | { readonly kind: 'policy'; readonly policyName: string };

const TRUST = /^\/roles\/([A-Za-z0-9.-]{1,64})\.trust-policy\.json$/;
const POLICY = /^\/policies\/([A-Za-z0-9-]{1,128})\.ram-policy\.json$/;

export function ramDocumentUri(ref: RamDocumentRef): vscode.Uri {
  const path = ref.kind === 'trust' ? `/roles/${ref.roleName}.trust-policy.json` : `/policies/${ref.policyName}.ram-policy.json`;
  return vscode.Uri.from({ scheme: RAM_DOCUMENT_SCHEME, path });
}

/** The document an `alicloud-ram:` URI names, or undefined for any other path (names are checked as RAM checks them). */
export function parseRamDocumentUri(uri: vscode.Uri): RamDocumentRef | undefined {
  if (uri.scheme !== RAM_DOCUMENT_SCHEME) return undefined;
  const trust = TRUST.exec(uri.path);
  if (trust) return { kind: 'trust', roleName: trust[1] };
  const policy = POLICY.exec(uri.path);
  return policy ? { kind: 'policy', policyName: policy[1] } : undefined;
}

export function describeRamDocument(ref: RamDocumentRef): string {
  return ref.kind === 'trust'
    ? vscode.l10n.t('the trust policy of role {0}', ref.roleName)
    : vscode.l10n.t('the custom policy {0}', ref.policyName);
}
