/**
 * Fills the `{name}` placeholders of a UI string (`找到 {count} 篇文章`). A placeholder with no value is left
 * as written, unless `missing` says otherwise (the build refuses one: see `fillUiString`).
 */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string | number>>, missing: (name: string) => string = (name) => `{${name}}`): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    return value === undefined ? missing(name) : String(value);
  });
}
