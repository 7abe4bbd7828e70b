// explorer_first_paint_ms: from the click on the Alibaba Cloud activity-bar icon to the first role row
// rendered in the RAM Roles view, in the packaged extension in code-server, signed in to the emulator's
// demo account with `latencyMs` injected into every API call. Timed inside the page (a capture-phase
// pointerdown listener for the start, a MutationObserver for the row), so Playwright's polling adds
// nothing. The calls are written down by a pass-through in front of the emulator (callRecorder.ts):
// the critical path is the longest chain of the Roles view's calls (RAM and STS), one after another,
// answered before the row showed. The Instances and Keys views open with it and make their own calls at
// the same time (listed, but not on the row's path).
import type { Page } from 'playwright-core';
import { startEmulator } from '../../test/emulator';
import { startCodeServer } from '../../test/host/codeServer';
import { demoHostOptions } from '../../test/host/demoHost';
import { vsixPath } from '../../test/host/paths';
import { progress } from '../progress';
import { summarize, type Summary } from '../stats';
import { criticalChain, startCallRecorder, type CallRecorder, type RecordedCall } from './callRecorder';
import { openFreshWorkbench } from './freshWorkbench';

/** The services whose answers a role row waits for: RAM (ListRoles, GetRole) and STS (the caller's account). */
const ROLES_VIEW_API_VERSIONS = new Set(['2015-05-01', '2015-04-01']);

export interface FirstPaintResult {
  readonly paint: Summary;
  readonly latencyMs: number;
  /** The calls answered between the click and the first row, of the median sample, in order. */
  readonly callsBeforePaint: readonly string[];
  /** The critical path's calls (the longest chain), of the median sample. */
  readonly criticalPath: readonly string[];
  /** Of the median sample, from the click: when the first API call was sent (the wait before it is the extension's own work). */
  readonly firstCallAfterMs: number;
  /** ... and when the critical path's last call was answered (the rest up to the paint is rendering). */
  readonly criticalPathAnsweredMs: number;
}

interface Sample {
  readonly paintMs: number;
  readonly clickAt: number;
  readonly calls: RecordedCall[];
  readonly chain: RecordedCall[];
}

/** Until no API call has been in flight for `quietMs`: the start-up calls must not overlap the sample. */
async function waitForQuiet(recorder: CallRecorder, quietMs = 1500, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let count = -1;
  let since = Date.now();
  while (Date.now() < deadline) {
    if (recorder.inFlight() > 0 || recorder.calls.length !== count) {
      count = recorder.calls.length;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
    await new Promise((done) => setTimeout(done, 100));
  }
}

/**
 * Arms the page: the click's time (epoch ms) and the time the first row naming a role was in the DOM.
 * A string, not a function: tsx would wrap the function's inner arrows in a helper the page lacks.
 */
const PAINT_TIMER = `(names) => {
  const epoch = () => performance.timeOrigin + performance.now();
  const rolesPane = () => [...document.querySelectorAll('.part.sidebar .pane')]
    .find((pane) => pane.querySelector('.pane-header')?.textContent?.includes('RAM Roles'));
  const rowShown = () => [...(rolesPane()?.querySelectorAll('.monaco-list-row') ?? [])]
    .some((row) => names.some((name) => row.textContent?.includes(name)));
  document.addEventListener('pointerdown', () => (window.benchClickAt ??= epoch()), { capture: true, once: true });
  const observer = new MutationObserver(() => {
    if (window.benchClickAt !== undefined && rowShown()) {
      window.benchPaintAt = epoch();
      observer.disconnect();
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
}`;

async function armPaintTimer(page: Page, roleNames: readonly string[]): Promise<void> {
  await page.evaluate(`(${PAINT_TIMER})(${JSON.stringify(roleNames)})`);
}

async function sample(page: Page, recorder: CallRecorder, roleNames: readonly string[]): Promise<Sample> {
  // The extension has started (its status bar shows the demo profile's region) and the start-up calls are done.
  await page.locator('.part.statusbar .statusbar-item', { hasText: 'cn-hangzhou' }).first().waitFor();
  await waitForQuiet(recorder);
  await armPaintTimer(page, roleNames);
  const before = recorder.calls.length;
  await page.locator('.part.activitybar .action-label[aria-label^="Alibaba Cloud"]').click();
  await page.waitForFunction('window.benchPaintAt !== undefined', undefined, { timeout: 60_000 });
  const { clickAt, paintAt } = (await page.evaluate('({ clickAt: window.benchClickAt, paintAt: window.benchPaintAt })')) as { clickAt: number; paintAt: number };
  const calls = recorder.calls.slice(before).filter((call) => call.startMs >= clickAt && call.endMs <= paintAt).sort((a, b) => a.startMs - b.startMs);
  const rolesCalls = calls.filter((call) => ROLES_VIEW_API_VERSIONS.has(call.version));
  return { paintMs: paintAt - clickAt, clickAt, calls, chain: criticalChain(rolesCalls, paintAt) };
}

export async function measureFirstPaint(runs: number, latencyMs = 100): Promise<FirstPaintResult> {
  const emulator = await startEmulator({ port: 0, metadataPort: 0, scenario: 'demo', latencyMs });
  const recorder = await startCallRecorder(emulator.api);
  const endpoint = recorder.url;
  const server = await startCodeServer(demoHostOptions(emulator, vsixPath, {
    settings: { 'alicloudKms.endpoints': { ram: endpoint, ecs: endpoint, kms: endpoint, sts: endpoint } },
  }));
  const roleNames = [...emulator.account.roles.values()].map((role) => role.name);
  try {
    const samples: Sample[] = [];
    for (let i = -1; i < runs; i++) {
      const workbench = await openFreshWorkbench(server);
      try {
        const s = await sample(workbench.page, recorder, roleNames);
        const at = (ms: number) => `${(ms - s.clickAt).toFixed(0)} ms`;
        const path = s.chain.map((c) => `${c.action} ${at(c.startMs)}–${at(c.endMs)}`).join(' → ');
        progress(`explorer first paint ${i < 0 ? 'warm-up' : `${i + 1}/${runs}`}: ${s.paintMs.toFixed(0)} ms; ${s.calls.length} calls before it, the first sent after ${s.calls[0] ? at(s.calls[0].startMs) : '-'}; critical path ${s.chain.length}: ${path}`);
        if (i >= 0) samples.push(s);
      } finally {
        await workbench.close();
      }
    }
    const paint = summarize(samples.map((s) => s.paintMs));
    const median = [...samples].sort((a, b) => a.paintMs - b.paintMs)[samples.length >> 1];
    return {
      paint, latencyMs,
      callsBeforePaint: median.calls.map((c) => c.action),
      criticalPath: median.chain.map((c) => c.action),
      firstCallAfterMs: median.calls.length > 0 ? median.calls[0].startMs - median.clickAt : NaN,
      criticalPathAnsweredMs: median.chain.length > 0 ? median.chain[median.chain.length - 1].endMs - median.clickAt : NaN,
    };
  } finally {
    await server.stop();
    await recorder.close();
    await emulator.close();
  }
}
