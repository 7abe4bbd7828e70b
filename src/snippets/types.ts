/** What a snippet does: the three jobs of step 4 of the product document. */
export type SnippetJob = 'encrypt-decrypt' | 'envelope' | 'read-secret';

/** VS Code language ids that have snippets (one snippets/<language>.json file each). */
export type SnippetLanguage = 'java' | 'python' | 'go' | 'javascript' | 'typescript';

export const SNIPPET_JOBS: readonly SnippetJob[] = ['encrypt-decrypt', 'envelope', 'read-secret'];
export const SNIPPET_LANGUAGES: readonly SnippetLanguage[] = ['java', 'python', 'go', 'javascript', 'typescript'];

/**
 * Values that fill the tab stops. Any value left out stays a placeholder the user tabs through.
 * The explorer's tree nodes carry the same optional fields, so a node can be passed as is.
 */
export interface SnippetValues {
  roleName?: string;
  region?: string;
  keyId?: string;
  secretName?: string;
  accountId?: string;
}

export type ValueName = keyof SnippetValues;

/** One template: the code with {{roleName}}-style holes, plus what to install. */
export interface SnippetTemplate {
  /** Short English description shown in the snippet picker. */
  readonly description: string;
  /** The install line (Maven coordinates, pip, go get, npm) also written as the first comment. */
  readonly dependency: string;
  /** Code text with {{name}} holes; see render.ts for the marker syntax. */
  readonly text: string;
}

export type LanguageTemplates = Record<SnippetJob, SnippetTemplate>;
