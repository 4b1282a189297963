import Keep from './components/Keep.astro';
import VariantText from './components/VariantText.astro';

/** Components an article's MDX may use without importing them. */
export const mdxComponents = { Keep, VariantText };
