import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_SLUG_LENGTH, articleSlug } from './articleSlug.ts';

describe('articleSlug', () => {
  test('should spell the seed title in pinyin', () => {
    assert.equal(
      articleSlug('对标北上杭，郑州这次想做“标杆”', 'x'),
      'dui-biao-bei-shang-hang-zheng-zhou-zhe-ci-xiang-zuo-biao-gan',
    );
  });

  test('should give the same slug for a title in Traditional script', () => {
    assert.equal(articleSlug('對標北上杭，鄭州這次想做“標杆”', 'x'), articleSlug('对标北上杭，郑州这次想做“标杆”', 'x'));
  });

  test('should keep Latin words and numbers whole, fold full-width and accents, write ü as v', () => {
    assert.equal(articleSlug('GDP“万亿俱乐部”2019年', 'x'), 'gdp-wan-yi-ju-le-bu-2019-nian');
    assert.equal(articleSlug('ＧＤＰ增长 Café', 'x'), 'gdp-zeng-zhang-cafe');
    assert.equal(articleSlug('绿色女性', 'x'), 'lv-se-nv-xing');
  });

  test('should be ASCII, lowercase, hyphen-separated and capped at a syllable boundary', () => {
    const slug = articleSlug('中华人民共和国国家发展和改革委员会关于推进新型智慧城市建设的指导意见全文发布', 'x');
    assert.match(slug, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    assert.ok(slug.length <= MAX_SLUG_LENGTH);
    assert.ok(!slug.endsWith('-'));
    assert.ok('zhong-hua-ren-min-gong-he-guo-guo-jia-fa-zhan-he-gai-ge-wei-yuan-hui-guan-yu'.startsWith(slug));
  });

  test('should fall back when the title has nothing to spell', () => {
    assert.equal(articleSlug('！？……', 'article-2afe1254'), 'article-2afe1254');
  });

  test('should be stable', () => {
    const title = '郑州会重复杭州的路子吗？';
    assert.equal(articleSlug(title, 'x'), articleSlug(title, 'x'));
    assert.equal(articleSlug(title, 'x'), 'zheng-zhou-hui-chong-fu-hang-zhou-de-lu-zi-ma');
  });
});
