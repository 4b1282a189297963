import { VARIANT_CHOICE_KEY } from './variantChoice.ts';

/** Remembers the variant a reader picks in the switcher, for their next visit to the site's root. */
export function rememberVariantChoice(document: Document): void {
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[data-variant]');
    const variant = link?.getAttribute('data-variant');
    if (!variant) return;
    try {
      localStorage.setItem(VARIANT_CHOICE_KEY, variant);
    } catch {
      // Storage can be disabled (private mode, policy); the switcher still works as plain links.
    }
  });
}
