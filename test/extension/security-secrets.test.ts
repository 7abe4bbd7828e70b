// Secret-leak scan: every command of the extension runs against the emulator, answered by a prompter
// that takes the first offered choice (and types known secrets where a secret is asked for), with
// known secret values everywhere: the administrator's AccessKey secret, a second AccessKey added
// through the UI, the secret values of KMS secrets, the plaintext typed into Test Encrypt, and the STS
// token and AccessKey secret of the instance credential. Then every place a secret must never reach is
// searched: all log files of the host (the extension's LogOutputChannel among them), every notification,
// question and quick-pick text, every open editor (reports, policies, snippets), and every file under the
// host's user data (settings, state), its HOME, TMPDIR and the workspace. Zero hits.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { connectToEmulator, type EmulatorSession } from './support/emulatorSession';
import { allLogFiles, logsRoot } from './support/logCapture';
import { manifest } from './extension';
import { demoSeed } from '../emulator/scenarios';
import type { Prompter } from '../../src/commands/prompter';

const KNOWN = {
  adminSecret: 'KnownAdminAkSecret7Qx2Lw9Vb4Zt',
  secretValue: 'KnownKmsSecretValue5Jk2Wq7Tn0S',
  plaintext: 'KnownTestEncryptPlaintext4Fg9Ue',
};
/** The AccessKey typed into "Add AccessKey": a real user of the emulated account (its secret is made at run time). */
const added = { accessKeyId: '', accessKeySecret: '' };

function seed() {
  const base = demoSeed();
  return {
    ...base,
    admin: { accessKeyId: 'LTAI5tKnownAdmin000001', accessKeySecret: KNOWN.adminSecret },
    secrets: (base.secrets ?? []).map((s, n) => ({ ...s, value: `${KNOWN.secretValue}-${n}` })),
    // This machine's role may also read secrets, so Test Secret Read really receives a known value.
    roles: (base.roles ?? []).map((r) => (r.name === 'EcsKmsAccessRole' ? { ...r, policies: [...(r.policies ?? []), 'AliyunKMSSecretUserAccess'] } : r)),
  };
}

/** Answers everything: the first choice, a valid text, the first button; records every text shown. */
class AnswerEverything implements Prompter {
  readonly shown: string[] = [];
  /** Questions asked by the current command; past a limit everything is cancelled (a wizard that asks again forever). */
  asked = 0;
  private tooMany(): boolean {
    return ++this.asked > 40;
  }
  showQuickPick = (async (itemsOrPromise: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>, options?: vscode.QuickPickOptions) => {
    const items = (await itemsOrPromise).filter((i) => i.kind !== vscode.QuickPickItemKind.Separator);
    if (this.tooMany()) return undefined;
    this.shown.push(options?.title ?? '', options?.placeHolder ?? '', ...items.flatMap((i) => [i.label, i.description ?? '', i.detail ?? '']));
    // Type our own plaintext when offered, so Test Encrypt encrypts the known value.
    const chosen = items.find((i) => /own text/i.test(i.label)) ?? items.find((i) => i.picked) ?? items[0];
    if (!chosen) return undefined;
    return options?.canPickMany ? [chosen] : chosen;
  }) as Prompter['showQuickPick'];

  showInputBox = async (options?: vscode.InputBoxOptions): Promise<string | undefined> => {
    const asked = `${options?.title ?? ''} ${options?.prompt ?? ''}`;
    this.shown.push(asked, options?.placeHolder ?? '');
    if (this.tooMany()) return undefined;
    const candidates = options?.password
      ? [/secret/i.test(asked) ? added.accessKeySecret : KNOWN.plaintext]
      : /AccessKey ID/i.test(asked) ? [added.accessKeyId]
        : /Secret name/i.test(asked) ? ['demo/db-password']
          : /Key to test|key id/i.test(asked) ? ['alias/demo-app']
            : [options?.value ?? '', 'known-secrets-scan', 'KnownScanRole', ''];
    for (const value of candidates) {
      const verdict = await options?.validateInput?.(value);
      if (!verdict) return value;
    }
    return undefined;
  };

  private answer(message: string, options: vscode.MessageOptions, items: string[]): Promise<string | undefined> {
    this.shown.push(message, options.detail ?? '', ...items);
    if (this.tooMany()) return Promise.resolve(undefined);
    // Modal questions get their first button (go ahead); notifications are dismissed.
    return Promise.resolve(options.modal ? items[0] : undefined);
  }
  showWarningMessage = (message: string, options: vscode.MessageOptions, ...items: string[]) => this.answer(message, options, items);
  showInformationMessage = (message: string, options: vscode.MessageOptions, ...items: string[]) => this.answer(message, options, items);
}

function walk(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** The instance credential as the emulator's metadata service hands it out now (IMDSv2). */
async function instanceCredential(metadata: string): Promise<{ AccessKeySecret: string; SecurityToken: string }> {
  const call = (method: string, url: string, headers: Record<string, string>) => new Promise<string>((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
  const token = await call('PUT', `${metadata}/latest/api/token`, { 'X-aliyun-ecs-metadata-token-ttl-seconds': '60' });
  const base = `${metadata}/latest/meta-data/ram/security-credentials/`;
  const role = (await call('GET', base, { 'X-aliyun-ecs-metadata-token': token })).trim();
  if (!/^[\w.-]+$/.test(role)) throw new Error(`no role attached: ${role}`);
  return JSON.parse(await call('GET', base + role, { 'X-aliyun-ecs-metadata-token': token })) as { AccessKeySecret: string; SecurityToken: string };
}

describe('security: no secret reaches a log, a notification, an editor, a setting or a file', function () {
  this.timeout(300_000);
  let s: EmulatorSession;

  before(async () => {
    s = await connectToEmulator({ seed: seed() });
    Object.assign(added, s.emulator.createUser('secrets-scan', ['AdministratorAccess']));
    await vscode.workspace.getConfiguration('alicloudKms').update('regions', ['cn-hangzhou'], vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    s?.api.usePrompter(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await s?.dispose();
  });

  it('runs every command with known secrets, then finds none of them anywhere', async () => {
    const extensionLogText = () => allLogFiles().filter((f) => f.includes('KMS Access')).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    const logStart = extensionLogText().length;
    // The instance credential the extension will read (commands below may detach the role later).
    const live = await instanceCredential(s.emulator.metadata);
    const prompter = new AnswerEverything();
    s.api.usePrompter(prompter);
    const commands = manifest().contributes.commands.map((c) => c.command);
    // Destructive commands last (the instance keeps its role for Test Encrypt), and Remove AccessKey twice at
    // the very end (the added AccessKey and the emulator's): everything else runs with the profiles in place.
    const late = ['alicloudKms.deleteRole', 'alicloudKms.detachRole', 'alicloudKms.replaceRole'];
    const order = [...commands.filter((c) => c !== 'alicloudKms.removeAccessKey' && !late.includes(c)), ...late, 'alicloudKms.removeAccessKey', 'alicloudKms.removeAccessKey'];
    let storedAfterAdd: string[] = [];
    const ran: string[] = [];
    const documents = new Set<string>();
    const seeDocuments = () => { for (const d of vscode.workspace.textDocuments) documents.add(d.getText()); };
    for (const command of order) {
      prompter.asked = 0;
      const outcome = await Promise.race([
        Promise.resolve(vscode.commands.executeCommand(command)).then(() => 'done', (e: unknown) => `threw ${String(e)}`),
        new Promise<string>((resolve) => setTimeout(() => resolve('still running after 20 s'), 20_000)),
      ]);
      ran.push(`${command}: ${outcome} (${prompter.asked} questions)`);
      seeDocuments();
      if (command === 'alicloudKms.addAccessKey') {
        storedAfterAdd = (await s.api.factory.listProfiles()).profiles.filter((p) => p.source === 'secretStorage').map((p) => `${p.id} ${p.accessKeyIdMasked}`);
      }
    }
    s.api.usePrompter(undefined);

    // The AccessKey added through the UI existed only as a profile (masked), and Remove removed it.
    assert.equal(storedAfterAdd.length, 2, `Add AccessKey stored a second profile in SecretStorage: ${JSON.stringify(storedAfterAdd)}`);
    const left = (await s.api.factory.listProfiles()).profiles.filter((p) => p.source === 'secretStorage');
    assert.deepEqual(left.map((p) => p.id), [], 'Remove AccessKey removed them from SecretStorage');

    const later = await instanceCredential(s.emulator.metadata).catch(() => live);
    const needles: Record<string, string> = {
      ...KNOWN,
      'added AccessKey secret': added.accessKeySecret,
      'instance STS token': live.SecurityToken,
      'instance AccessKey secret': live.AccessKeySecret,
      'instance STS token (at the end)': later.SecurityToken,
      'instance AccessKey secret (at the end)': later.AccessKeySecret,
      'plaintext (base64)': Buffer.from(KNOWN.plaintext).toString('base64'),
    };
    // Allow the log a moment to reach the disk.
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const userData = path.join(os.homedir(), '..', 'user-data');
    const files = [...new Set([...allLogFiles(), ...walk(userData), ...walk(os.homedir()), ...walk(os.tmpdir()),
      ...(vscode.workspace.workspaceFolders ?? []).flatMap((f) => walk(f.uri.fsPath))])]
      .filter((file) => fs.statSync(file).size < 50_000_000);
    const places: [string, string][] = [
      ...files.map((file): [string, string] => [file, fs.readFileSync(file).toString('latin1')]),
      ['notifications, questions and quick picks', prompter.shown.join('\n')],
      ...[...documents].map((text, n): [string, string] => [`open editor #${n + 1}`, text]),
      ['settings (alicloudKms.*)', JSON.stringify(vscode.workspace.getConfiguration('alicloudKms'))],
    ];
    const hits: string[] = [];
    for (const [where, text] of places) {
      for (const [name, value] of Object.entries(needles)) {
        if (value && text.includes(value)) hits.push(`${name} in ${where}`);
      }
    }
    console.log(`    commands run (${ran.length}):\n      ${ran.join('\n      ')}`);
    console.log(`    searched ${Object.keys(needles).length} secret values (${Object.keys(needles).join(', ')}) in ${files.length} files ` +
      `(logs under ${logsRoot()}, user data, HOME, TMPDIR, workspace), ${prompter.shown.filter(Boolean).length} UI texts, ${documents.size} editors: ${hits.length} hits`);
    // Only what this test's commands logged (other suites ran in the same host before).
    const log = extensionLogText().slice(logStart);
    console.log(`    emulator calls: ${JSON.stringify(s.emulator.calls.byAction)}`);
    assert.deepEqual(hits, []);
    assert.ok((s.emulator.calls.byAction.Encrypt ?? 0) >= 2 && (s.emulator.calls.byAction.Decrypt ?? 0) >= 2, 'both Test Encrypt commands really encrypted and decrypted');
    assert.ok(log.includes('Test Secret Read') && !/Test Secret Read[^\n]*Forbidden/.test(log), 'Test Secret Read really read a secret value');
    assert.ok(ran.length === commands.length + 1 && commands.length >= 30, 'every contributed command ran');
    assert.ok(prompter.shown.some((t) => /Plaintext to encrypt/.test(t)), 'Test Encrypt asked for the plaintext (so the known plaintext was used)');
  });
});
