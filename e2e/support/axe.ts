import type { Page } from '@playwright/test';
import axe from 'axe-core';

// Accessibility checks with axe-core (Deque), run in the page under test. The engine is injected through Playwright's
// evaluate (the DevTools protocol), not a <script> tag, so the page's strict Content-Security-Policy stays intact and
// the CSP guard in ./test.ts has nothing to report. (@axe-core/playwright does the same, but needs Node ≥ 22.12.)

const axeSource = axe.source;

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: string[] };

/** WCAG 2.x A and AA rules plus axe's best practices; each violation with the selectors of the nodes that fail. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, nodes: violation.nodes.map((node) => node.target.join(' ')) }));
  });
}
