// What every webview report needs: escaping cloud text into HTML, and the page around a body with a
// Content-Security-Policy that lets only the nonce'd script run (no remote content, no inline handlers).

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * A report page: `body` (already escaped) and the one script, which posts `{ kind, index }` for a click on
 * any button with `data-kind` (and `data-index`) to the extension. Styles use the theme's variables.
 */
export function reportPage(body: string, nonce: string, cspSource: string, style = ''): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'unsafe-inline'; script-src 'nonce-${nonce}';">
<style>body{font-family:var(--vscode-font-family);color:var(--vscode-foreground)}table{border-collapse:collapse;width:100%}
td{border-bottom:1px solid var(--vscode-panel-border);padding:6px;vertical-align:top}.detail{opacity:.75;font-size:90%;margin-top:4px}
.warn{color:var(--vscode-editorWarning-foreground)}button{margin-left:6px}${style}</style></head><body>
${body}
<script nonce="${nonce}">const vscode=acquireVsCodeApi();document.addEventListener('click',(e)=>{const b=e.target.closest('button');if(!b)return;
vscode.postMessage({kind:b.dataset.kind,index:b.dataset.index===undefined?undefined:Number(b.dataset.index)});});</script>
</body></html>`;
}
