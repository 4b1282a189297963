import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pagefindFilters, readState, writeState } from './searchState.ts';

test('search state in the URL', async (t) => {
  await t.test('should read query, filters and sort, dropping unknown sorts', () => {
    assert.deepEqual(readState('?q=%E5%9F%8E%E5%B8%82+&section=%E7%A7%91%E6%8A%80&sort=oldest&x=1'), { q: '城市', section: '科技', tag: '', year: '', sort: '' });
  });
  await t.test('should write only what is set, in a fixed order, and read back the same state', () => {
    const state = { q: '城市 大脑', section: '', tag: '交通', year: '2023', sort: 'newest' as const };
    assert.equal(writeState(state), '?q=%E5%9F%8E%E5%B8%82+%E5%A4%A7%E8%84%91&tag=%E4%BA%A4%E9%80%9A&year=2023&sort=newest');
    assert.deepEqual(readState(writeState(state)), state);
    assert.equal(writeState(readState('')), '');
  });
  await t.test('should give Pagefind the filters that are set', () => {
    assert.deepEqual(pagefindFilters(readState('?q=a&year=2020')), { year: '2020' });
  });
});
