// Preloaded with `node --require`: makes `require('vscode')` return the benchmark's stand-in.
'use strict';
const Module = require('node:module');
const path = require('node:path');

const stubPath = path.join(__dirname, 'vscodeStub.cjs');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'vscode') return stubPath;
  return resolve.call(this, request, ...rest);
};
