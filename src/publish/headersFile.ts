/** One block of a `_headers` file: a path pattern and the headers for paths that match it. */
export interface HeadersRule {
  pattern: string;
  headers: Array<[string, string]>;
}

/**
 * Parses a `_headers` file in the format Netlify and Cloudflare Pages read: a path pattern on its own line,
 * then indented `Name: value` lines. Used by the test server so tests see the headers a host would send.
 */
export function parseHeadersFile(text: string): HeadersRule[] {
  const rules: HeadersRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(':');
    if (!rule || colon < 0) throw new Error(`_headers: "${line.trim()}" is not inside a path block or has no "Name: value".`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** The headers for a request path; later rules add to earlier ones, as on Netlify and Cloudflare Pages. */
export function headersFor(rules: readonly HeadersRule[], pathname: string): Array<[string, string]> {
  const result = new Map<string, [string, string]>();
  for (const rule of rules) {
    if (!matches(rule.pattern, pathname)) continue;
    for (const [name, value] of rule.headers) result.set(name.toLowerCase(), [name, value]);
  }
  return [...result.values()];
}

function matches(pattern: string, pathname: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[a-z]+/gi, '[^/]+'))
    .join('.*');
  return new RegExp(`^${source}$`).test(pathname);
}
