import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { claimSlug } from './claimSlug.ts';

const a = 'a'.repeat(64);
const b = 'b'.repeat(64);

describe('claimSlug', () => {
  test('should take a free slug', () => {
    assert.deepEqual(claimSlug('zheng-zhou', a, new Map()), { slug: 'zheng-zhou', status: 'new' });
  });

  test('should reuse the slug of the same raw file imported before', () => {
    assert.deepEqual(claimSlug('zheng-zhou', a, new Map([['zheng-zhou-2', a]])), { slug: 'zheng-zhou-2', status: 'reimport' });
  });

  test('should never take the slug of a different article', () => {
    const existing = new Map<string, string | null>([['zheng-zhou', b], ['zheng-zhou-2', null]]);
    assert.deepEqual(claimSlug('zheng-zhou', a, existing), { slug: 'zheng-zhou-3', status: 'clash', wanted: 'zheng-zhou' });
  });

  test("should never take the name of one of the site's own pages", () => {
    assert.deepEqual(claimSlug('404', a, new Map()), { slug: '404-2', status: 'clash', wanted: '404' });
  });
});
