// Reads what the extension wrote to its LogOutputChannel ("Alibaba Cloud KMS Access"). The workbench
// keeps each log channel as a file under the user-data folder's logs/; the host runner gives the
// extension host a private HOME beside that folder (test/host/codeServer.ts), so it is found from here.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const LOG_CHANNEL = 'Alibaba Cloud KMS Access';

/** The logs/ folder of the test host's user data (desktop VS Code: VSCODE_LOGS or the parent of the exthost log). */
export function logsRoot(): string {
  const candidates = [path.join(os.homedir(), '..', 'user-data', 'logs'), process.env.VSCODE_LOGS ?? ''].filter(Boolean);
  const found = candidates.find((dir) => fs.existsSync(dir));
  if (!found) throw new Error(`no logs folder among ${candidates.join(', ')}`);
  return found;
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** Every log file of the host (all channels, all windows). */
export function allLogFiles(): string[] {
  return walk(logsRoot()).filter((file) => file.endsWith('.log'));
}

/** The file(s) of the extension's own channel. */
export function extensionLogFiles(): string[] {
  return allLogFiles().filter((file) => path.basename(file).includes(LOG_CHANNEL));
}

/** The extension's log so far; waits until `until` matches (the channel is flushed to disk asynchronously). */
export async function extensionLog(until?: RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = extensionLogFiles().map((file) => fs.readFileSync(file, 'utf8')).join('\n');
    if (!until || until.test(text) || Date.now() > deadline) return text;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
