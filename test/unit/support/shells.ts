// The shells the `aliyun` CLI lines are checked in: what each one makes of a command's words is the proof
// that shellQuote is right. bash and dash (Debian's /bin/sh) must be there; zsh (macOS's default shell,
// which expands a word starting with `=`) is used when installed, and a test says when it is not.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Shell {
  readonly name: string;
  /** Undefined when the shell is not installed. */
  readonly path: string | undefined;
  readonly required: boolean;
}

const firstExisting = (...paths: string[]) => paths.find((p) => existsSync(p));

export const SHELLS: readonly Shell[] = [
  { name: 'bash', path: firstExisting('/bin/bash', '/usr/bin/bash'), required: true },
  { name: 'dash', path: firstExisting('/bin/dash', '/usr/bin/dash'), required: true },
  { name: 'zsh', path: firstExisting('/bin/zsh', '/usr/bin/zsh'), required: false },
];

/** The words `shell` makes of `words` (already quoted), as the loop variable of a `for` sees them. */
export function wordsIn(shellPath: string, words: string): string[] {
  const out = execFileSync(shellPath, ['-c', `for a in ${words}; do printf '%s\\0' "$a"; done`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}
