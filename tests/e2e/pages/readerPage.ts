import { expect, type Locator, type Page } from '@playwright/test';

/** The document reader and the claim side panel, found by role and label. */
export class ReaderPage {
  constructor(readonly page: Page) {}

  reader(): Locator {
    return this.page.getByRole('main', { name: 'Reading area' }).getByRole('article').first();
  }

  turns(): Locator {
    return this.page.getByRole('list', { name: 'Turns' });
  }

  /** The turns' scroller: it takes focus for the keyboard selection. */
  scroller(): Locator {
    return this.reader().getByLabel(/^Transcript/);
  }

  /** Screen points just inside the first and last characters of these words, scrolled to the middle of the list. */
  async endsOf(words: string) {
    const item = await this.turnWith(words);
    return item.evaluate(async (el, w) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(w);
        if (at < 0) continue;
        node.parentElement!.scrollIntoView({ block: 'center' });
        await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
        const char = (i: number) => {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rects = range.getClientRects();
          return rects[rects.length - 1]!;
        };
        const first = char(at);
        const last = char(at + w.length - 1);
        return { from: { x: first.left + 1, y: first.top + first.height / 2 }, to: { x: last.right - 1, y: last.top + last.height / 2 } };
      }
      throw new Error(`not found: ${w}`);
    }, words);
  }

  /**
   * The turn (list item) holding these words, scrolled into the rendered window first. Each step waits two frames
   * for the list to render what it scrolled to: counting at once could scroll several screens within one frame and
   * skip past the turn without it ever being rendered.
   */
  async turnWith(words: string): Promise<Locator> {
    const item = this.turns().getByRole('listitem').filter({ hasText: words }).first();
    const scroller = this.scroller();
    const step = (top: number | null) =>
      scroller.evaluate((el, to) => {
        if (to === null) el.scrollBy(0, el.clientHeight * 0.8);
        else el.scrollTo(0, to);
        return new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
      }, top);
    for (let i = 0; i < 40 && (await item.count()) === 0; i++) await step(null);
    // Not below: start again from the top.
    if ((await item.count()) === 0) await step(0);
    for (let i = 0; i < 40 && (await item.count()) === 0; i++) await step(null);
    await expect(item).toBeVisible();
    return item;
  }

  /** Selects exactly these words in the text, as a user dragging over them would. */
  async select(words: string): Promise<void> {
    const item = await this.turnWith(words);
    await item.evaluate((el, w) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(w);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + w.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`not found: ${w}`);
    }, words);
    await expect(this.selectionToolbar()).toBeVisible();
  }

  /** Clicks in the middle of these words, as a user pointing at a highlight would (the caret lands inside them). */
  async clickOn(words: string): Promise<void> {
    const item = await this.turnWith(words);
    let box = { x: 0, y: 0 };
    // Scroll the words to the middle of the screen (a turn can be rendered yet below the fold), let the list settle,
    // and check that the point really lands in them before clicking.
    await expect(async () => {
      box = await item.evaluate(async (el, w) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent!.indexOf(w);
          if (at < 0) continue;
          node.parentElement!.scrollIntoView({ block: 'center' });
          await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
          // One character in the middle of the words, so a wrapped line never puts the point outside them.
          const range = document.createRange();
          const middle = at + Math.floor(w.length / 2);
          range.setStart(node, middle);
          range.setEnd(node, middle + 1);
          const rect = range.getBoundingClientRect();
          const point = { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
          const caret = document.caretRangeFromPoint(point.x, point.y);
          if (caret?.startContainer !== node || caret.startOffset < at || caret.startOffset > at + w.length) throw new Error(`the point does not land in “${w}”`);
          return point;
        }
        throw new Error(`not found: ${w}`);
      }, words);
    }).toPass();
    await this.page.mouse.click(box.x, box.y);
  }

  selectionToolbar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Selection' });
  }

  status(): Locator {
    return this.reader().getByRole('status');
  }

  /** The texts the reader paints in one highlight layer (CSS Custom Highlight API ranges). */
  painted(layer: string): Promise<string[]> {
    return this.page.evaluate(
      (name) =>
        [...((CSS.highlights.get(name) as Set<AbstractRange> | undefined) ?? [])].map((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range.toString();
        }),
      `cd-${layer}`,
    );
  }

  panel(): Locator {
    return this.page.getByRole('complementary', { name: 'Details' }).getByRole('region', { name: 'Claim', exact: true });
  }

  /** The selected note or tag in the side panel. */
  notePanel(): Locator {
    return this.page.getByRole('complementary', { name: 'Details' }).getByRole('region', { name: 'Note details' });
  }

  verdictForm(): Locator {
    return this.panel().getByRole('form', { name: 'Set verdict' });
  }

  history(): Locator {
    return this.panel().getByRole('list', { name: 'Verdict history' }).getByRole('listitem');
  }

  appearances(): Locator {
    return this.panel().getByRole('list', { name: 'Appearances' }).getByRole('listitem');
  }
}
