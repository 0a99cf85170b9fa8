import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
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

/** No serious or critical accessibility violations on what the page shows now. */
export async function expectAccessible(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
		[]
	);
}

/** Every test: a clean stack (no faults) and no CSP violation in any page it opened. */
export const test = base.extend<{ cspViolations: string[] }>({
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

test.beforeEach(async () => {
	await stack.clearFaults();
	await stack.settings({
		tokenTtlSeconds: 3600,
		credentialTtlSeconds: 3600,
		completeAfterMs: 3000
	});
});

export { expect };
