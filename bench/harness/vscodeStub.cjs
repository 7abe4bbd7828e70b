// A stand-in for the `vscode` module, written for the benchmarks only: it lets the production bundle
// and the explorer's tree code run in plain Node so their COST can be measured. It does not imitate
// VS Code's behaviour (the extension-host tests in test/extension do that with a real VS Code):
// every call answers with something inert of the right shape, and anything not listed here
// resolves to a callable no-op through the `inert` proxy.
'use strict';

const disposable = () => ({ dispose() {} });

/** Any property is a function; calling it returns a disposable-like inert object. */
function inert() {
  const target = function () {};
  return new Proxy(target, {
    get(_, prop) {
      if (prop === 'then') return undefined; // not a thenable
      if (prop === 'dispose') return () => {};
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === Symbol.iterator) return function* () {};
      return inert();
    },
    apply: () => inert(),
    construct: () => inert(),
  });
}

class Disposable {
  constructor(callOnDispose) { this.callOnDispose = callOnDispose; }
  static from(...items) { return new Disposable(() => items.forEach((d) => d && d.dispose && d.dispose())); }
  dispose() { if (this.callOnDispose) this.callOnDispose(); }
}

class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (listener) => {
      this.listeners.add(listener);
      return { dispose: () => this.listeners.delete(listener) };
    };
  }
  fire(value) { for (const l of [...this.listeners]) l(value); }
  dispose() { this.listeners.clear(); }
}

class TreeItem {
  constructor(label, collapsibleState) { this.label = label; this.collapsibleState = collapsibleState; }
}
class ThemeIcon { constructor(id, color) { this.id = id; this.color = color; } }
class ThemeColor { constructor(id) { this.id = id; } }
class MarkdownString {
  constructor(value = '') { this.value = value; }
  appendMarkdown(text) { this.value += text; return this; }
  appendText(text) { this.value += text; return this; }
  appendCodeblock(code) { this.value += `\n\`\`\`\n${code}\n\`\`\`\n`; return this; }
}
class Uri {
  constructor(scheme, path) { this.scheme = scheme; this.path = path; this.fsPath = path; }
  static file(p) { return new Uri('file', p); }
  static parse(s) { return new Uri(String(s).split(':')[0], s); }
  static from(c) { return new Uri(c.scheme, c.path ?? ''); }
  toString() { return `${this.scheme}:${this.path}`; }
}
class RelativePattern { constructor(base, pattern) { this.base = base; this.pattern = pattern; } }
class Range { constructor(...args) { this.args = args; } }
class Diagnostic { constructor(range, message, severity) { this.range = range; this.message = message; this.severity = severity; } }
class CancellationError extends Error {}

const memento = () => {
  const values = new Map();
  return { get: (k, d) => (values.has(k) ? values.get(k) : d), update: async (k, v) => void values.set(k, v), keys: () => [...values.keys()] };
};

const configuration = () => ({
  get: (_key, fallback) => fallback,
  inspect: () => undefined,
  has: () => false,
  update: async () => {},
});

const outputChannel = () => ({
  name: 'stub', logLevel: 2, onDidChangeLogLevel: () => disposable(),
  trace() {}, debug() {}, info() {}, warn() {}, error() {}, append() {}, appendLine() {}, replace() {}, clear() {}, show() {}, hide() {}, dispose() {},
});

const format = (message, ...args) => String(message).replace(/\{(\d+)\}/g, (m, i) => (args[i] !== undefined ? String(args[i]) : m));

const api = {
  Disposable, EventEmitter, TreeItem, ThemeIcon, ThemeColor, MarkdownString, Uri, RelativePattern, Range, Diagnostic, CancellationError,
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  CodeActionKind: { QuickFix: { value: 'quickfix' } },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  l10n: { t: (message, ...args) => (typeof message === 'string' ? format(message, ...args) : format(message.message, ...(message.args ?? []))) },
  window: {
    createOutputChannel: outputChannel,
    createTreeView: () => ({ ...disposable(), description: undefined, reveal: async () => {}, onDidChangeSelection: () => disposable(), onDidChangeVisibility: () => disposable() }),
    createStatusBarItem: () => ({ ...disposable(), show() {}, hide() {} }),
    withProgress: (_options, task) => task({ report() {} }, { isCancellationRequested: false, onCancellationRequested: () => disposable() }),
    showInformationMessage: async () => undefined, showWarningMessage: async () => undefined, showErrorMessage: async () => undefined,
    showQuickPick: async () => undefined, showInputBox: async () => undefined, showTextDocument: async () => inert(),
    setStatusBarMessage: () => disposable(),
  },
  workspace: {
    getConfiguration: configuration,
    onDidChangeConfiguration: () => disposable(),
    onDidOpenTextDocument: () => disposable(),
    onDidCloseTextDocument: () => disposable(),
    onDidChangeTextDocument: () => disposable(),
    createFileSystemWatcher: () => ({ ...disposable(), onDidCreate: () => disposable(), onDidChange: () => disposable(), onDidDelete: () => disposable() }),
    registerTextDocumentContentProvider: () => disposable(),
    registerFileSystemProvider: () => disposable(),
    openTextDocument: async () => inert(),
    textDocuments: [],
  },
  commands: { registerCommand: () => disposable(), executeCommand: async () => undefined },
  languages: {
    createDiagnosticCollection: () => ({ ...disposable(), set() {}, delete() {}, clear() {} }),
    registerCodeActionsProvider: () => disposable(),
    setTextDocumentLanguage: async (d) => d,
  },
  extensions: { getExtension: () => undefined },
  env: { clipboard: { writeText: async () => {}, readText: async () => '' }, openExternal: async () => true, language: 'en' },
};

/** The ExtensionContext activate() receives. */
api.__createContext = (extensionPath) => ({
  subscriptions: [],
  secrets: { get: async () => undefined, store: async () => {}, delete: async () => {}, onDidChange: () => disposable() },
  globalState: { ...memento(), setKeysForSync() {} },
  workspaceState: memento(),
  extensionPath,
  extensionUri: Uri.file(extensionPath),
  globalStorageUri: Uri.file(extensionPath),
  logUri: Uri.file(extensionPath),
  extensionMode: 1,
  extension: { id: 'bench.stub', extensionPath },
  environmentVariableCollection: inert(),
});

// Unknown namespaces or members fall back to inert no-ops instead of crashing the measurement.
module.exports = new Proxy(api, {
  get(target, prop) {
    if (prop in target) return target[prop];
    if (prop === '__esModule' || prop === 'then' || typeof prop === 'symbol') return undefined;
    return inert();
  },
});
