// Preloaded with `node --require`: makes `require('vscode')` return the benchmark's stand-in, and
// loads the Node built-ins that VS Code's extension host has already loaded before any extension
// activates (its own code uses fs/promises, crypto, os; its proxy support patches http, https, net,
// tls at start-up). An extension does not pay for those there, so it does not pay for them here:
// both the extension and the empty baseline start from this same state.
'use strict';
for (const builtin of ['fs', 'fs/promises', 'path', 'os', 'crypto', 'events', 'stream', 'util', 'url', 'net', 'tls', 'http', 'https', 'zlib', 'child_process']) {
  require(`node:${builtin}`);
}
const Module = require('node:module');
const path = require('node:path');

const stubPath = path.join(__dirname, 'vscodeStub.cjs');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'vscode') return stubPath;
  return resolve.call(this, request, ...rest);
};
