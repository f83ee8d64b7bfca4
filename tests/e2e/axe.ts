import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';

// axe-core's own source, evaluated in the page over the DevTools protocol (the window's strict CSP forbids inline
// scripts, and evaluation this way is not a script the page could run), then `axe.run` over the document or one
// part of it. Only violations are asked for: passes and "incomplete" are what makes a full run slow here.
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0–2.2 A and AA rules, plus axe's best practices. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export interface Finding {
  rule: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** Runs axe on the page (or inside the first element matching `include`) and returns its serious and critical findings. */
export async function seriousFindings(page: Page, include?: string): Promise<Finding[]> {
  const injected = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!injected) await page.evaluate(AXE_SOURCE);
  // "Label in name" (WCAG 2.5.3: a control's accessible name contains its visible text) is still marked experimental
  // in axe, so off unless asked for.
  const options: RunOptions = {
    runOnly: { type: 'tag', values: WCAG_TAGS },
    rules: { 'label-content-name-mismatch': { enabled: true } },
    resultTypes: ['violations'],
  };
  const result = await page.evaluate(
    ({ include, options }) => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResults> } }).axe;
      return axe.run(include ? { include: [include] } : document, options);
    },
    { include, options },
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}
