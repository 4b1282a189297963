import { resolve } from 'node:path';
import { setting } from '../shared/settings.ts';

/**
 * The folder holding `articles/` and `glossary.yaml`. `ZHPRESS_CONTENT` points a build at another
 * folder (test fixtures, the benchmark's synthetic corpus) without touching the real sources.
 */
export const contentDir: string = resolve(setting('contentDir'));
