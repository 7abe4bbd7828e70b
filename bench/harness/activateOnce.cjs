// One activation sample, in a fresh process (so nothing is in the require cache):
//   node --require ./registerVscode.cjs activateOnce.cjs <extension main file>
// Prints {"ms": <require + activate()>, "loadMs": <require only>, "firstUseMs": <first use of the
// returned API>} on stdout and exits at once, so work that activate() starts in the background
// (profile discovery) does not keep the process alive. The extension's activate() only registers by
// id; its implementation bundle (dist/main.js) loads on first use: firstUseMs is that deferred cost
// (read before the zero-timeout deferred start can run: promise callbacks run before timers).
'use strict';
const { performance } = require('node:perf_hooks');
const path = require('node:path');

const main = path.resolve(process.argv[2]);
const vscode = require('vscode'); // the stand-in is loaded before the clock starts: VS Code provides it
const context = vscode.__createContext(path.dirname(main));
const t0 = performance.now();
const extension = require(main);
const t1 = performance.now();
const result = extension.activate(context);
const t2 = performance.now();
// activate() may return a promise: wait for it, it is part of activation.
Promise.resolve(result).then(() => {
  const t3 = performance.now();
  let firstUseMs;
  if (result && typeof result === 'object') {
    void result.session;
    firstUseMs = performance.now() - t3;
  }
  process.stdout.write(`${JSON.stringify({ ms: t3 - t0, loadMs: t1 - t0, syncMs: t2 - t0, firstUseMs })}\n`, () => process.exit(0));
}, (error) => {
  process.stderr.write(`activate failed: ${error && error.stack}\n`);
  process.exit(1);
});
