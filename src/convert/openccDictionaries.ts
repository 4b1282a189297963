/**
 * OpenCC's dictionaries as opencc-js ships them (`"key value|key value|…"`, first candidate of each key).
 * zhpress reads the data, not opencc-js's converter, because it needs to know what each change was and to
 * layer the glossary over the dictionaries in one longest match; a test checks it agrees with opencc-js.
 */
import CJK_Compatibility_Ideographs from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import HKVariants from 'opencc-js/dict/HKVariants';
import HKVariantsPhrases from 'opencc-js/dict/HKVariantsPhrases';
import STCharacters from 'opencc-js/dict/STCharacters';
import STPhrases from 'opencc-js/dict/STPhrases';
import STPhrases_GeneratedFromRegionalPhrases from 'opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWPhrases from 'opencc-js/dict/TWPhrases';
import TWVariants from 'opencc-js/dict/TWVariants';
import TWVariantsPhrases from 'opencc-js/dict/TWVariantsPhrases';

export const data = {
  CJK_Compatibility_Ideographs,
  HKVariants,
  HKVariantsPhrases,
  STCharacters,
  STPhrases,
  STPhrases_GeneratedFromRegionalPhrases,
  TSCharacters,
  TSPhrases,
  TWPhrases,
  TWVariants,
  TWVariantsPhrases,
} as const satisfies Record<string, string>;
