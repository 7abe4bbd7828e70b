// npm run snippets: writes snippets/<language>.json from the templates in src/snippets (their one source).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { snippetFileText } from '../src/snippets/snippetFile';
import { SNIPPET_LANGUAGES } from '../src/snippets/types';

const root = join(__dirname, '..');
for (const language of SNIPPET_LANGUAGES) {
  const path = join(root, 'snippets', `${language}.json`);
  writeFileSync(path, snippetFileText(language));
  console.log(`wrote ${path}`);
}
