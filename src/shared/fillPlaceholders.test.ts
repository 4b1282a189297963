import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fillPlaceholders } from './fillPlaceholders.ts';

test('fillPlaceholders', async (t) => {
  await t.test('should fill placeholders and leave unknown ones', () => {
    assert.equal(fillPlaceholders('找到 {count} 篇{x}', { count: 3 }), '找到 3 篇{x}');
  });
  await t.test('should let the caller decide what a missing value becomes', () => {
    assert.equal(fillPlaceholders('第 {page} 页', {}, (name) => `<${name}>`), '第 <page> 页');
  });
});
