/**
 * Converts a Simplified text file into one variant with zhpress's converter, as `opencc -i in -o out` does,
 * and prints its own timings as JSON. The bench runs it as a process of its own, so it is timed exactly like
 * the CLI: start to exit, dictionaries loaded, file read and written.
 *
 *   node bench/convertFile.ts <variant> <input> <output>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createScriptConverter } from '../src/convert/scriptConverter.ts';
import { getVariant } from '../src/shared/variants.ts';

const [variant, input, output] = process.argv.slice(2);
if (!variant || !input || !output) throw new Error('usage: node bench/convertFile.ts <variant> <input> <output>');
const setupStart = performance.now();
const converter = createScriptConverter('hans', getVariant(variant).id);
const setupMs = performance.now() - setupStart;
const text = readFileSync(input, 'utf8');
const convertStart = performance.now();
const converted = converter.convert(text);
const convertMs = performance.now() - convertStart;
writeFileSync(output, converted);
process.stdout.write(`${JSON.stringify({ setupMs, convertMs })}\n`);
