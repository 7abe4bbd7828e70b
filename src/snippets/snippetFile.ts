// Builds the content of snippets/<language>.json from the templates. `npm run snippets` writes the
// files; a unit test fails when a committed file differs from what this returns.
import { renderSnippet } from './render';
import type { SnippetJob, SnippetLanguage } from './types';
import { SNIPPET_JOBS } from './types';

export interface SnippetFileEntry {
  prefix: string;
  body: string[];
  description: string;
}

const JOB_NAMES: Record<SnippetJob, { prefix: string; title: string }> = {
  'encrypt-decrypt': { prefix: 'alikms-encrypt', title: 'Alibaba Cloud KMS: Encrypt/Decrypt with the instance RAM role' },
  envelope: { prefix: 'alikms-envelope', title: 'Alibaba Cloud KMS: envelope encryption with the instance RAM role' },
  'read-secret': { prefix: 'alikms-secret', title: 'Alibaba Cloud KMS: read a secret with the instance RAM role' },
};

export function snippetPrefix(job: SnippetJob): string {
  return JOB_NAMES[job].prefix;
}

export function snippetFile(language: SnippetLanguage): Record<string, SnippetFileEntry> {
  const file: Record<string, SnippetFileEntry> = {};
  for (const job of SNIPPET_JOBS) {
    const rendered = renderSnippet(job, language);
    file[JOB_NAMES[job].title] = {
      prefix: JOB_NAMES[job].prefix,
      body: rendered.body.replace(/\n$/, '').split('\n'),
      description: rendered.description,
    };
  }
  return file;
}

/** The exact text of snippets/<language>.json. */
export function snippetFileText(language: SnippetLanguage): string {
  return JSON.stringify(snippetFile(language), null, 2) + '\n';
}
