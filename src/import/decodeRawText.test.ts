import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { decodeRawText } from './decodeRawText.ts';
import { encode, seedBytes, seedText, traditionalSeedText, utf8 } from './testing/fixtures.ts';

describe('decodeRawText', () => {
  test('should decode UTF-8 without BOM', () => {
    const decoded = decodeRawText(seedBytes);
    assert.ok(decoded.ok);
    assert.equal(decoded.encoding, 'utf-8');
    assert.equal(decoded.bom, false);
    assert.equal(decoded.text, seedText);
  });

  test('should decode UTF-8 with BOM and drop the BOM', () => {
    const decoded = decodeRawText(new Uint8Array([0xef, 0xbb, 0xbf, ...seedBytes]));
    assert.ok(decoded.ok);
    assert.equal(decoded.encoding, 'utf-8');
    assert.equal(decoded.bom, true);
    assert.equal(decoded.text, seedText);
  });

  test('should decode GB18030, four-byte sequences included', () => {
    const decoded = decodeRawText(encode(seedText, 'gb18030'));
    assert.ok(decoded.ok);
    assert.equal(decoded.encoding, 'gb18030');
    assert.equal(decoded.text, seedText);
  });

  test('should decode GBK (a subset of GB18030, without the no-break space)', () => {
    const text = seedText.replaceAll('\u00a0', '\u3000');
    const decoded = decodeRawText(encode(text, 'gbk'));
    assert.ok(decoded.ok);
    assert.equal(decoded.encoding, 'gb18030');
    assert.equal(decoded.text, text);
  });

  test('should decode Big5', () => {
    const decoded = decodeRawText(encode(traditionalSeedText, 'big5'));
    assert.ok(decoded.ok);
    assert.equal(decoded.encoding, 'big5');
    assert.equal(decoded.text, traditionalSeedText);
  });

  test('should decode a short GB18030 title line', () => {
    const decoded = decodeRawText(encode('郑州这次想做标杆', 'gb18030'));
    assert.ok(decoded.ok);
    assert.equal(decoded.encoding, 'gb18030');
    assert.equal(decoded.text, '郑州这次想做标杆');
  });

  test('should refuse an empty file', () => {
    assert.deepEqual(decodeRawText(new Uint8Array()), { ok: false, reason: 'the file is empty' });
  });

  test('should refuse binary files', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const refused = decodeRawText(png);
    assert.equal(refused.ok, false);
    assert.match(!refused.ok ? refused.reason : '', /binary file \(PNG image\)/);
    const nul = decodeRawText(new Uint8Array([...utf8('标题'), 0, 1, 2]));
    assert.match(!nul.ok ? nul.reason : '', /binary file \(it contains NUL bytes\)/);
  });

  test('should refuse UTF-16', () => {
    const refused = decodeRawText(new Uint8Array([0xff, 0xfe, ...iconv.encode('标题', 'utf-16le')]));
    assert.match(!refused.ok ? refused.reason : '', /UTF-16/);
  });

  test('should refuse bytes no encoding reads as plausible Chinese', () => {
    const noise = new Uint8Array(600);
    let seed = 7;
    for (let i = 0; i < noise.length; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      noise[i] = 0x81 + (seed % 0x7e);
    }
    const refused = decodeRawText(noise);
    assert.equal(refused.ok, false);
    assert.match(!refused.ok ? refused.reason : '', /no encoding decodes this file as plausible Chinese text/);
  });

  test('should refuse a GB18030 file with a UTF-8 BOM', () => {
    const refused = decodeRawText(new Uint8Array([0xef, 0xbb, 0xbf, ...encode('郑州这次想做标杆', 'gb18030')]));
    assert.match(!refused.ok ? refused.reason : '', /byte-order mark but is not valid UTF-8/);
  });

  test('should refuse text that was already mojibake when it was saved', () => {
    const latin1 = utf8(Buffer.from(seedText.slice(0, 200), 'utf8').toString('latin1'));
    assert.match((decodeRawText(latin1) as { reason: string }).reason, /mojibake: UTF-8 that was read as Latin-1/);
    const gbk = utf8(new TextDecoder('gb18030').decode(utf8(seedText.slice(0, 300))));
    assert.match((decodeRawText(gbk) as { reason: string }).reason, /looks like mojibake/);
  });

  test('should never pick Big5 for GB18030 text or GB18030 for Big5 text', () => {
    for (let start = 0; start < 2000; start += 250) {
      const simplified = decodeRawText(encode(seedText.slice(start, start + 60).replaceAll('\u00a0', ' '), 'gb18030'));
      assert.equal(simplified.ok && simplified.encoding, 'gb18030', `simplified from ${start}`);
      const traditional = decodeRawText(encode(traditionalSeedText.slice(start, start + 60), 'big5'));
      assert.equal(traditional.ok && traditional.encoding, 'big5', `traditional from ${start}`);
    }
  });
});
