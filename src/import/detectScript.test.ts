import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectScript } from './detectScript.ts';
import { seedText, traditionalSeedText } from './testing/fixtures.ts';

describe('detectScript', () => {
  test('should detect the Simplified seed', () => {
    const detection = detectScript(seedText);
    assert.equal(detection.script, 'hans');
    assert.equal(detection.traditional, 0);
    assert.ok(detection.simplified > 100);
  });

  test('should detect the seed converted to Traditional with OpenCC', () => {
    const detection = detectScript(traditionalSeedText);
    assert.equal(detection.script, 'hant');
    assert.ok(detection.traditional > 100);
  });

  test('should default to Simplified when no character tells', () => {
    assert.deepEqual(detectScript('中文 ABC 123'), { script: 'hans', traditional: 0, simplified: 0 });
    assert.equal(detectScript('').script, 'hans');
  });
});
