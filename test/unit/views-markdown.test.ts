// Cloud data in Markdown tooltips stays text: links, commands, emphasis, HTML and theme icons are inert.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mdCode, mdText } from '../../src/views/common/markdown';

test('mdText escapes every Markdown punctuation character', () => {
  assert.equal(mdText('[x](command:alicloudKms.deleteRole)'), '\\[x\\]\\(command\\:alicloudKms\\.deleteRole\\)');
  assert.equal(mdText('**bold** _it_ `c` <b> $(zap) # h'), '\\*\\*bold\\*\\* \\_it\\_ \\`c\\` \\<b\\> \\$\\(zap\\) \\# h');
  assert.equal(mdText('web-1'), 'web\\-1');
  assert.equal(mdText(3600), '3600');
  assert.equal(mdText('a\\b'), 'a\\\\b');
});

test('mdCode: a fence longer than any backtick run; $( falls back to escaped text', () => {
  assert.equal(mdCode('i-bp1'), '`i-bp1`');
  assert.equal(mdCode('a`b'), '``a`b``');
  assert.equal(mdCode('`x'), '`` `x ``');
  assert.equal(mdCode('[x](command:y)'), '`[x](command:y)`');
  assert.equal(mdCode('$(zap)'), '\\$\\(zap\\)');
});
