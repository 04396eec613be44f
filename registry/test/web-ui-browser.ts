import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';

// Headless Chromium for the web catalog's end-to-end test: Debian's `chromium` driven by playwright-core (no
// browser download), every request outside this machine refused and recorded, axe-core run on each page.

const require = createRequire(import.meta.url);
export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/ui/', import.meta.url));
/** axe-core is served to the page from its own origin, so the page's Content-Security-Policy stays on. */
const AXE_URL = '/__test__/axe.min.js';

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions, in order. */
  consoleErrors: string[];
  /** Requests to any host but this machine (refused). */
  external: string[];
}

const LOCAL = new Set(['127.0.0.1', 'localhost', '[::1]']);

export async function openBrowser(): Promise<Session> {
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const version = (require('playwright-core/package.json') as { version: string }).version;
  process.stdout.write(`web UI e2e: Chromium ${browser.version()}, playwright-core ${version}\n`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const session: Session = { browser, context, page: undefined as never, consoleErrors: [], external: [] };
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === AXE_URL)
      return route.fulfill({ path: require.resolve('axe-core/axe.min.js'), contentType: 'text/javascript' });
    if (LOCAL.has(url.hostname)) return route.continue();
    session.external.push(url.href);
    return route.abort('blockedbyclient');
  });
  session.page = await context.newPage();
  session.page.on('console', (m) => {
    if (m.type() === 'error') session.consoleErrors.push(`${m.text()} (${m.location().url})`);
  });
  session.page.on('pageerror', (e) => session.consoleErrors.push(`uncaught: ${e.message}`));
  mkdirSync(ARTIFACTS, { recursive: true });
  return session;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page as it is now (minor and moderate ones are reported only). */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ url: AXE_URL });
  // A string, evaluated in the page (this file is compiled without the DOM's types).
  const violations = (await page.evaluate('axe.run(document).then((result) => result.violations)')) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A full-page screenshot under registry/test-artifacts/ui/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = `${ARTIFACTS}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

export const browserMissing = () => !existsSync(CHROMIUM);
