// The folder import matrix (scripts/import-matrix.ts, run by `npm run lint`): src/ has no cycle and no
// upward edge beyond the printed temporary allowance, and the judge finds what it claims to find.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importEdges, judge, type Edge } from '../../scripts/import-matrix';

const edge = (from: string, to: string): Edge => ({ from, to, count: 1 });
const LAYERS = { top: 0, middle: 1, bottom: 2 };
const NONE = { layers: {}, edges: [], why: '' };

test('src/: every unit has a layer, no upward edge, no cycle', () => {
  const edges = importEdges();
  assert.ok(edges.length > 20, `the matrix has edges (${edges.length})`);
  assert.ok(edges.some((e) => e.from === 'commands' && e.to === 'views'), 'commands imports views');
  const verdict = judge(edges);
  assert.deepEqual({ unknown: verdict.unknown, upward: verdict.upward, cycles: verdict.cycles }, { unknown: [], upward: [], cycles: [] });
});

test('the judge finds an upward edge, a two-way pair, a longer cycle and an unplaced unit', () => {
  const downward = judge([edge('top', 'middle'), edge('middle', 'bottom')], LAYERS, NONE);
  assert.deepEqual([downward.upward, downward.cycles, downward.unknown], [[], [], []]);
  const upward = judge([edge('bottom', 'top')], LAYERS, NONE);
  assert.deepEqual(upward.upward.map((e) => `${e.from}->${e.to}`), ['bottom->top']);
  const pair = judge([edge('middle', 'other'), edge('other', 'middle')], { ...LAYERS, other: 1 }, NONE);
  assert.deepEqual(pair.cycles, [['middle', 'other']], 'two folders of one layer importing each other');
  const ring = judge([edge('a', 'b'), edge('b', 'c'), edge('c', 'a')], { a: 1, b: 1, c: 1 }, NONE);
  assert.deepEqual(ring.cycles, [['a', 'b', 'c']]);
  assert.deepEqual(judge([edge('top', 'stray')], LAYERS, NONE).unknown, ['stray']);
  // A temporary allowance takes its edge out of both checks, and is reported as allowed.
  const allowed = judge([edge('middle', 'top'), edge('top', 'middle')], LAYERS, { layers: {}, edges: ['middle -> top'], why: 'until' });
  assert.deepEqual([allowed.upward, allowed.cycles, allowed.allowed.length], [[], [], 1]);
});
