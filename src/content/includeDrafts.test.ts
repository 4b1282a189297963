import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Loader, LoaderContext } from 'astro/loaders';
import { includeDrafts, withoutDrafts } from './includeDrafts.ts';

/** A loader that fills the store with the given entries, and the smallest store a loader needs. */
function fakeLoader(entries: Record<string, { draft?: boolean }>): Loader {
  return {
    name: 'fake',
    load: async ({ store }) => {
      for (const [id, data] of Object.entries(entries)) store.set({ id, data });
    },
  };
}

async function load(loader: Loader, before: Record<string, unknown> = {}): Promise<string[]> {
  const entries = new Map<string, { id: string; data: Record<string, unknown> }>(
    Object.entries(before).map(([id, data]) => [id, { id, data: data as Record<string, unknown> }]),
  );
  const store = {
    set: (entry: { id: string; data: Record<string, unknown> }) => (entries.set(entry.id, entry), true),
    delete: (id: string) => void entries.delete(id),
    entries: () => [...entries.entries()],
  };
  await loader.load({ store } as unknown as LoaderContext);
  return [...entries.keys()].sort();
}

test('includeDrafts', async (t) => {
  const saved = process.env['ZHPRESS_DRAFTS'];
  t.after(() => {
    if (saved === undefined) delete process.env['ZHPRESS_DRAFTS'];
    else process.env['ZHPRESS_DRAFTS'] = saved;
  });
  for (const [value, expected] of [[undefined, false], ['', false], ['0', false], ['1', true]] as const) {
    await t.test(`should be ${expected} with ZHPRESS_DRAFTS=${value ?? '(unset)'} outside the dev server`, () => {
      if (value === undefined) delete process.env['ZHPRESS_DRAFTS'];
      else process.env['ZHPRESS_DRAFTS'] = value;
      assert.equal(includeDrafts(), expected);
    });
  }
});

test('includeDrafts with a value that is neither 1 nor 0', async (t) => {
  const saved = process.env['ZHPRESS_DRAFTS'];
  t.after(() => {
    if (saved === undefined) delete process.env['ZHPRESS_DRAFTS'];
    else process.env['ZHPRESS_DRAFTS'] = saved;
  });
  await t.test('should refuse ZHPRESS_DRAFTS=true rather than silently leave the drafts out', () => {
    process.env['ZHPRESS_DRAFTS'] = 'true';
    assert.throws(() => includeDrafts(), /^Error: ZHPRESS_DRAFTS must be 1 \(on\) or 0 \(off\), got 'true'/);
  });
});

test('withoutDrafts', async (t) => {
  const entries = { published: {}, 'also-published': { draft: false }, 'work-in-progress': { draft: true } };

  await t.test('should remove drafts from the collection, so their MDX and images are never bundled', async () => {
    assert.deepEqual(await load(withoutDrafts(fakeLoader(entries), () => false)), ['also-published', 'published']);
  });

  await t.test('should keep drafts when they are asked for', async () => {
    assert.deepEqual(await load(withoutDrafts(fakeLoader(entries), () => true)), ['also-published', 'published', 'work-in-progress']);
  });

  await t.test('should remove a draft the data store kept from an earlier build with drafts', async () => {
    const keepsOld: Loader = { name: 'cached', load: async () => {} };
    assert.deepEqual(await load(withoutDrafts(keepsOld, () => false), { old: { draft: true }, kept: {} }), ['kept']);
  });

  await t.test('should keep the wrapped loader name and options', () => {
    assert.equal(withoutDrafts(fakeLoader({})).name, 'fake');
  });
});
