// Wizards in the real extension: Back in a multi-step input returns to the previous question with its
// answer forgotten, and a wizard cancelled at its last question changes nothing in the account.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { connectToEmulator, type EmulatorSession } from './support/emulatorSession';
import { DEFAULT, runScripted } from './support/scriptedPrompter';

describe('wizard: Back and cancel (createRole, emulator)', function () {
  this.timeout(60_000);
  let s: EmulatorSession;

  before(async () => {
    s = await connectToEmulator({ scenario: 'demo' });
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await s?.dispose();
  });

  it('Back from the description returns to the name; declining the review creates nothing', async () => {
    const p = await runScripted(s.api, [
      { input: 'FirstName' },
      { back: true, expect: /description/ },
      { input: 'SecondName', expect: /name/ },
      { input: DEFAULT },
      { pickDefault: true, expect: /trusted services/ },
      { back: true, expect: /maximum session duration/ }, // -> trusted services again
      { back: true, expect: /trusted services/ }, // -> description again
      { input: 'changed description', expect: /description/ },
      { pickDefault: true, expect: /trusted services/ },
      { input: DEFAULT, expect: /maximum session duration/ },
      { button: undefined, expect: /Create the RAM role SecondName/ },
    ], 'alicloudKms.createRole');
    p.assertDone();
    assert.equal(s.emulator.calls.byAction.CreateRole ?? 0, 0, 'a cancelled wizard calls nothing that changes the account');
    assert.ok(!s.emulator.account.roles.has('firstname') && !s.emulator.account.roles.has('secondname'));
    const names = p.asked.filter((a) => a.kind === 'input' && /name/.test(a.text) && !/description|duration/.test(a.text)).map((a) => a.answer);
    assert.deepEqual(names, ['FirstName', 'SecondName']);
  });

  it('the first question has no Back button: pressing Back there is a script problem, and nothing is created', async () => {
    const p = await runScripted(s.api, [{ back: true }], 'alicloudKms.createRole');
    assert.match(p.problems.join('\n'), /no Back button/);
    assert.equal(s.emulator.calls.byAction.CreateRole ?? 0, 0);
  });
});
