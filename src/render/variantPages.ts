import { variants, type Variant } from '../shared/variants.ts';

/** The props of a page that exists once per variant (home, search, offline, 404). */
export interface VariantPageProps {
  variant: Variant;
}

/** `getStaticPaths` of a page that exists once per variant: `/<variant>/…`. */
export function variantPages(): Array<{ params: { variant: string }; props: VariantPageProps }> {
  return variants.map((variant) => ({ params: { variant: variant.id }, props: { variant } }));
}
