// The rendered reports (Test Encrypt, Test Secret Read, Explain Access): the Markdown subset they use
// becomes HTML, and cloud text inside them can never become markup, whatever it holds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markdownToHtml } from '../../src/views/common/markdownHtml';
import { renderMarkdownReport } from '../../src/views/common/markdownReportHtml';
import { renderEncryptReport } from '../../src/diagnosis/encryptReport';
import { english } from '../../src/util/message';

test('headings, lists, quotes, tables, code spans and bold', () => {
  const html = markdownToHtml([
    '# Test Encrypt: PASSED', '', '- Key: `key-1`', '- **Fix:** do it', '', '| Call | RequestId |', '|---|---|', '| Encrypt | `R-1` |', '', '## Why', '', 'text', '> quoted',
  ].join('\n'));
  assert.equal(html, [
    '<h2>Test Encrypt: PASSED</h2>',
    '<ul><li>Key: <code>key-1</code></li><li><b>Fix:</b> do it</li></ul>',
    '<table><thead><tr><th>Call</th><th>RequestId</th></tr></thead><tbody><tr><td>Encrypt</td><td><code>R-1</code></td></tr></tbody></table>',
    '<h3>Why</h3>', '<p>text</p>', '<blockquote>quoted</blockquote>',
  ].join('\n'));
});

test('cloud text is escaped before any markup: no tag, attribute, link or script gets through', () => {
  const hostile = [
    '<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', '[x](command:alicloudKms.deleteRole)', "' onclick='x", '`<b>in code</b>`', '**<i>bold</i>**',
  ];
  const html = markdownToHtml(hostile.map((h) => `- Role: ${h}`).join('\n') + `\n# ${hostile[0]}\n| ${hostile[1]} |\n`);
  assert.doesNotMatch(html, /<(img|script|i|a)\b/);
  assert.doesNotMatch(html, /<b>in code/);
  assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  assert.match(html, /<code>&lt;b&gt;in code&lt;\/b&gt;<\/code>/);
  assert.match(html, /<b>&lt;i&gt;bold&lt;\/i&gt;<\/b>/);
});

test('a report page: the verdict heading carries the tone, one button per action, the CSP with the nonce', () => {
  const markdown = renderEncryptReport({
    credential: 'instance RAM role <R>', key: 'alias/demo', regionId: 'cn-hangzhou', kms: { endpoint: 'kms.cn-hangzhou.aliyuncs.com', protocol: 'https', vpc: false, overridden: false },
    plaintextLength: 5, encryptionContextKeys: [], result: { calls: [], matches: true, regionId: 'cn-hangzhou', endpoint: 'kms.cn-hangzhou.aliyuncs.com', protocol: 'https' },
  }, english);
  const page = renderMarkdownReport(markdown, ['Grant KMS Access', 'Run <Again>'], 'passed', 'NONCE', 'CSP');
  assert.match(page, /<h2 id="verdict" class="passed">Test Encrypt: PASSED/);
  assert.match(page, /Credential: instance RAM role &lt;R&gt;/);
  assert.match(page, /<button data-kind="button" data-index="0">Grant KMS Access<\/button><button data-kind="button" data-index="1">Run &lt;Again&gt;<\/button>/);
  assert.match(page, /script-src 'nonce-NONCE'/);
  assert.equal(page.match(/<script/g)?.length, 1, 'only the page\'s own script');
});
