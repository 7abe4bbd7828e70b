import { test } from 'node:test';
import assert from 'node:assert/strict';
import { criticalPathCalls, median, sequentialCallsForRegion, summarize } from '../../bench/stats';

test('median of odd and even counts, unsorted input left alone', () => {
  const samples = [5, 1, 3];
  assert.equal(median(samples), 3);
  assert.deepEqual(samples, [5, 1, 3]);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.throws(() => median([]), /no samples/);
});

test('summarize gives median, min, max and count', () => {
  assert.deepEqual(summarize([10, 30, 20]), { median: 20, min: 10, max: 30, n: 3 });
});

test('sequential calls of a region: a DescribeInstances per page plus its role lookups in chunks of 50', () => {
  const shape = { pageSize: 100, roleChunk: 50, includeRamRoles: true };
  // 345 instances: pages of 100, 100, 100, 45 -> 4 DescribeInstances + 2 + 2 + 2 + 1 role lookups.
  assert.equal(sequentialCallsForRegion(345, shape), 11);
  assert.equal(sequentialCallsForRegion(345, { ...shape, includeRamRoles: false }), 4);
  assert.equal(sequentialCallsForRegion(0, shape), 1);
  assert.equal(sequentialCallsForRegion(100, shape), 3);
});

test('critical path: DescribeRegions plus the longest region chain', () => {
  const shape = { pageSize: 100, roleChunk: 50, includeRamRoles: true };
  assert.equal(criticalPathCalls([344, 345, 10], shape), 12);
  assert.equal(criticalPathCalls([], shape), 1);
});
