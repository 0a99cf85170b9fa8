import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { startLocalConsole } from '../scripts/local-console';
import { E2E_PORTS } from './ports';
import { stack } from './stack-control';

import { DEMO_PASSWORD } from '../local-stack/constants';
import { DISTRIBUTIONS } from '../local-stack/distributions';

export { DEMO_PASSWORD };
/** The stack's demo distributions, by the name the tests use. */
export const DIST = {
	www: DISTRIBUTIONS[0].id,
	shop: DISTRIBUTIONS[1].id,
	data: DISTRIBUTIONS[2].id
};

/** Sign in on the local stack's managed-login page, as a user would. */
export async function signInAs(page: Page, email: string) {
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
	await page.getByLabel('Username').fill(email);
	await page.getByLabel('Password').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Open a console path cold and sign in; resolves on the console page. */
export async function openSignedIn(page: Page, path: string, email: string) {
	await page.goto(`/_console${path}`);
	await signInAs(page, email);
	await expect(page.getByTestId('signed-in-user')).toHaveText(email);
}

/**
 * Runs `action`, which leaves the page (a sign-in round trip, a full reload), and resolves once
 * another document has replaced this one: until then the page being left still answers, with the
 * same address and content, so an assertion could pass, or a click land, on it.
 */
export async function expectNewDocument(page: Page, action: () => Promise<unknown>) {
	await page.evaluate(() => Object.assign(window, { __leaving: true }));
	await action();
	await expect
		.poll(() => page.evaluate(() => '__leaving' in window).catch(() => true), {
			message: 'a new document replaced the page'
		})
		.toBe(false);
}

/**
 * Pastes through the clipboard, as a user does (typing thousands of lines with `fill` takes
 * Playwright minutes), into the field labelled `field`.
 */
export async function paste(
	page: Page,
	lines: string | readonly string[],
	field: RegExp = /Paths to invalidate/
) {
	const text = typeof lines === 'string' ? lines : lines.join('\n');
	await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.evaluate((t) => navigator.clipboard.writeText(t), text);
	await page.getByLabel(field).focus();
	await page.keyboard.press('ControlOrMeta+V');
}

/**
 * Fills this origin's localStorage until not one more character fits, as a site sharing the
 * origin can; returns how many entries that took.
 */
export function fillLocalStorage(page: Page) {
	return page.evaluate(() => {
		let i = 0;
		for (const size of [256 * 1024, 16 * 1024, 1024, 64, 1])
			try {
				for (;;) localStorage.setItem(`site-cache-${i++}`, 'x'.repeat(size));
			} catch {
				// Full at this size: go on with smaller entries until not one more character fits.
			}
		return i;
	});
}

/** No serious or critical accessibility violations on what the page shows now. */
export async function expectAccessible(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
		[]
	);
}

/** Every worker: its own local stack and the built console on its own ports. */
export const consoleTest = base.extend<object, { localConsole: string }>({
	localConsole: [
		// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function destructures
		async ({}, use) => {
			const local = await startLocalConsole({
				completeAfterMs: 3000,
				consolePort: E2E_PORTS.console,
				stackPorts: E2E_PORTS.stack
			});
			await use(`http://localhost:${E2E_PORTS.console}`);
			await local.close();
		},
		{ scope: 'worker', auto: true }
	],
	baseURL: async ({ localConsole }, use) => use(localConsole)
});

/** Every test: a clean stack (no faults) and no CSP violation in any page it opened. */
export const test = consoleTest.extend<{ cspViolations: string[]; cleanStack: void }>({
	// A fixture, not a beforeEach in this module: a hook registered at import runs only in the
	// first spec file a worker loads.
	cleanStack: [
		// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function destructures
		async ({}, use) => {
			await stack.clearFaults();
			await stack.settings({
				tokenTtlSeconds: 3600,
				credentialTtlSeconds: 3600,
				completeAfterMs: 3000
			});
			await use();
		},
		{ auto: true }
	],
	cspViolations: [
		async ({ context }, use) => {
			const violations: string[] = [];
			await context.exposeBinding('__reportCsp', (_source, v: string) => violations.push(v));
			await context.addInitScript(() => {
				document.addEventListener('securitypolicyviolation', (e) => {
					const report = (window as unknown as { __reportCsp: (v: string) => void }).__reportCsp;
					report(
						`${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`
					);
				});
			});
			await use(violations);
			expect(violations, 'Content-Security-Policy violations').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };
