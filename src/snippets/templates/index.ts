import type { LanguageTemplates } from '../types';
import { GO } from './go';
import { JAVA } from './java';
import { NODE } from './node';
import { PYTHON } from './python';

/** Every template, by language; TypeScript shares the JavaScript text (see node.ts). */
export const TEMPLATES: Record<'java' | 'python' | 'go' | 'javascript', LanguageTemplates> = {
  java: JAVA,
  python: PYTHON,
  go: GO,
  javascript: NODE,
};
