// The test user's settings (test/host/settings.json) with a run's own settings merged over them, as the
// text of a settings.json. Shared by code-server and the desktop VS Code of the demo.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function userSettingsJson(settings: Readonly<Record<string, unknown>> | undefined): string {
  const base = JSON.parse(readFileSync(join(__dirname, 'settings.json'), 'utf8')) as Record<string, unknown>;
  delete base['//'];
  return JSON.stringify({ ...base, ...settings }, null, 2) + '\n';
}
