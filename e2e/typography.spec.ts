import { variants } from '../src/shared/variants.ts';
import { expect, test } from './fixtures.ts';
import { seedSlug } from './seedArticle.ts';

/**
 * CJK spacing (issue 15): a thin space between Han and Latin or digits, justified paragraphs only where it
 * exists, and no half-width hole before an opening bracket at the start of a line. Measured in the browser on
 * the article's own paragraphs and on a paragraph added to the article with the page's styles.
 */
test.describe('CJK spacing', () => {
  for (const variant of variants) {
    test(`${variant.id}: paragraphs space Han from Latin and digits, and trim an opening bracket at a line start`, async ({ page, site }) => {
      await page.goto(site.url(`${variant.id}/${seedSlug}/`));
      const style = await page.locator('main p').first().evaluate((p) => {
        const s = getComputedStyle(p) as CSSStyleDeclaration & { textAutospace?: string; textSpacingTrim?: string };
        return { autospace: s.textAutospace, trim: s.textSpacingTrim, align: s.textAlign };
      });
      expect(style, 'Chromium supports text-autospace and text-spacing-trim: the article paragraphs should use both').toEqual({ autospace: 'normal', trim: 'trim-start', align: 'justify' });

      // A paragraph 6 characters wide: 國際會展中心 fills the first line, so （ starts the second.
      const bracket = await page.locator('main').evaluate((main) => {
        const p = document.createElement('p');
        p.style.width = '6em';
        p.textContent = '國際會展中心（第八屆）';
        main.append(p);
        const range = document.createRange();
        const at = p.textContent.indexOf('（');
        range.setStart(p.firstChild!, at);
        range.setEnd(p.firstChild!, at + 1);
        const box = range.getBoundingClientRect();
        const first = document.createRange();
        first.setStart(p.firstChild!, 0);
        first.setEnd(p.firstChild!, 1);
        const em = Number.parseFloat(getComputedStyle(p).fontSize);
        return { width: box.width / em, lineStart: box.left - p.getBoundingClientRect().left, secondLine: box.top > first.getBoundingClientRect().bottom - 1 };
      });
      expect(bracket.secondLine, 'the test paragraph should wrap before （').toBe(true);
      expect(bracket.lineStart, '（ should start at the left edge of its line').toBeLessThan(1);
      expect(bracket.width, '（ at a line start should be trimmed to half width (no hole before it)').toBeLessThan(0.75);
    });
  }
});
