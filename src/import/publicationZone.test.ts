import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { publicationZone, type ZoneEvidence } from './publicationZone.ts';

const base: ZoneEvidence = { script: 'hans', names: [], rocYear: false, text: '' };

describe('publicationZone', () => {
  test('should name the region the page names, never Beijing time for Taipei or Hong Kong', () => {
    const table: Array<[Partial<ZoneEvidence>, string]> = [
      [{}, 'Beijing time'],
      [{ script: 'hant', url: 'https://www.cna.com.tw/news/1.aspx' }, 'Taipei time'],
      [{ script: 'hant', url: 'https://news.rthk.hk/rthk/ch/1.htm' }, 'Hong Kong time'],
      [{ script: 'hant', names: ['中央社'] }, 'Taipei time'],
      [{ script: 'hant', names: ['明報'] }, 'Hong Kong time'],
      [{ script: 'hant', rocYear: true }, 'Taipei time'],
      [{ script: 'hant', text: '香港特首今日在立法會表示，港府會跟進。' }, 'Hong Kong time'],
      [{ script: 'hant' }, 'UTC+08:00'],
      [{ script: 'hans', url: 'http://www.news.cn/a.htm' }, 'Beijing time'],
    ];
    for (const [evidence, name] of table) {
      const zone = publicationZone({ ...base, ...evidence });
      assert.ok(!('error' in zone));
      assert.equal(zone.name, name, JSON.stringify(evidence));
      assert.equal(zone.offset, '+08:00');
    }
  });

  test('should follow --timezone as an offset or an IANA zone, with daylight saving', () => {
    assert.deepEqual(publicationZone(base, '+09:00'), { offset: '+09:00', name: 'UTC+09:00', why: '--timezone' });
    assert.equal((publicationZone(base, 'Asia/Taipei') as { offset: string }).offset, '+08:00');
    assert.equal((publicationZone(base, 'America/New_York', '2021-07-01T12:00:00') as { offset: string }).offset, '-04:00');
    assert.equal((publicationZone(base, 'America/New_York', '2021-01-01T12:00:00') as { offset: string }).offset, '-05:00');
    assert.match((publicationZone(base, 'Mars/Olympus') as { error: string }).error, /neither an offset .* nor an IANA time zone/);
  });
});
