// The baseline: an extension that registers one command and nothing else, measured the same way.
'use strict';
const vscode = require('vscode');

exports.activate = function activate(context) {
  context.subscriptions.push(vscode.commands.registerCommand('bench.empty.hello', () => undefined));
};
exports.deactivate = function deactivate() {};
