/** Drafts show in the dev server, and in a build only when asked for with `ZHPRESS_DRAFTS=1`. */
export function includeDrafts(): boolean {
  return process.env['ZHPRESS_DRAFTS'] === '1' || (import.meta as { env?: { DEV?: boolean } }).env?.DEV === true;
}
