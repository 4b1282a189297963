/**
 * A build setting read from the environment that is a whole number from 1 (`ZHPRESS_HOME_PAGE_SIZE`,
 * `ZHPRESS_SEARCH_FIRST_VOLUME`, `ZHPRESS_INDEX_WORKERS`): its value, or `fallback` when it is unset or empty.
 * Anything else is refused with the variable, the value and how to fix it; `what` says what the number counts.
 */
export function wholeNumberSetting(name: string, what: string, fallback: number, env: Readonly<Record<string, string | undefined>> = process.env): number {
  const value = env[name]?.trim();
  if (value === undefined || value === '') return fallback;
  if (!/^[1-9][0-9]*$/.test(value)) throw new Error(`${name}="${value}" is not ${what} — use a whole number from 1, or unset it for ${fallback}.`);
  return Number(value);
}
