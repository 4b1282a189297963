import { defaultVariant } from '../../shared/variants.ts';
import { chooseVariant, VARIANT_CHOICE_KEY } from './variantChoice.ts';

/** On the root page: go to the reader's variant. Without JavaScript the page lists all four instead. */
export function openChosenVariant(): void {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(VARIANT_CHOICE_KEY);
  } catch {
    // No storage: fall back to the browser's languages.
  }
  const variant = chooseVariant(stored, navigator.languages ?? [navigator.language], defaultVariant.id);
  const link = document.querySelector<HTMLAnchorElement>(`a[data-variant="${variant}"]`);
  if (link) location.replace(link.href);
}
