// The `alicloud-ram:` file system: opening reads the live document from RAM; Save hands the edited
// text to the saver (diff, CLI equivalent, confirmation, the call, the read-back). A refused or
// cancelled save throws, so VS Code keeps the editor dirty: the user's edits are never lost.
import * as vscode from 'vscode';
import { parseRamDocumentUri, type RamDocumentRef } from './ramDocumentUri';

/** What was read from RAM: the formatted text, and for a custom policy the version it is. */
export interface RamDocumentSnapshot {
  readonly text: string;
  readonly versionId?: string;
  readonly readAt: number;
}

export interface RamDocumentBackend {
  read(ref: RamDocumentRef): Promise<RamDocumentSnapshot>;
  /** Saves `text` over what the editor opened (`opened`); returns what RAM holds afterwards. */
  save(ref: RamDocumentRef, opened: RamDocumentSnapshot, text: string): Promise<RamDocumentSnapshot>;
}

/** A read within this window serves the stat and the read VS Code makes when it opens a document. */
const FRESH_MS = 2000;

export class RamDocumentFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private readonly opened = new Map<string, RamDocumentSnapshot>();

  constructor(private readonly backend: RamDocumentBackend) {}

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  /**
   * The time of the read the editor holds, never a re-read: a change made in RAM meanwhile is caught
   * by the backend on Save (with its own Compare / Overwrite question), one place for that decision.
   */
  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const key = uri.toString();
    const snapshot = this.opened.get(key) ?? (await this.backend.read(this.ref(uri)));
    this.opened.set(key, snapshot);
    return fileStat(snapshot, snapshot.readAt);
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const key = uri.toString();
    const opened = this.opened.get(key);
    if (opened && Date.now() - opened.readAt < FRESH_MS) return Buffer.from(opened.text, 'utf8');
    const snapshot = await this.backend.read(this.ref(uri));
    this.opened.set(key, snapshot);
    return Buffer.from(snapshot.text, 'utf8');
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const ref = this.ref(uri);
    const opened = this.opened.get(uri.toString()) ?? (await this.backend.read(ref));
    const saved = await this.backend.save(ref, opened, Buffer.from(content).toString('utf8'));
    this.opened.set(uri.toString(), saved);
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  /** Forgets what was read, so the next open reads RAM again (after another command changed the document). */
  invalidate(uri: vscode.Uri): void {
    this.opened.delete(uri.toString());
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('RAM documents cannot be created here: use Create Role or Grant KMS Access.'));
  }

  delete(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('RAM documents cannot be deleted here: use Delete Role or Delete Policy.'));
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('RAM documents cannot be renamed.'));
  }

  dispose(): void {
    this.changed.dispose();
  }

  private ref(uri: vscode.Uri): RamDocumentRef {
    const ref = parseRamDocumentUri(uri);
    if (!ref) throw vscode.FileSystemError.FileNotFound(uri);
    return ref;
  }
}

function fileStat(snapshot: RamDocumentSnapshot, mtime: number): vscode.FileStat {
  return { type: vscode.FileType.File, ctime: mtime, mtime, size: Buffer.byteLength(snapshot.text) };
}
