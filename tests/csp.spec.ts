import { expect, type Page } from '@playwright/test';
import { consoleTest as test } from './fixtures';

// What an injected script (a compromised dependency, or the site sharing the origin) can still do
// under the console's two policies (infra/rules/csp.js). Violations are the point here, so these
// tests collect them instead of using fixtures.ts's zero-violation check.
// Nothing listens on this origin: CSP blocks the request before it is sent, which raises a
// `securitypolicyviolation` event; without the rule the request just fails, and no event comes.
const ELSEWHERE = 'http://127.0.0.1:9';

async function openStaticPage(page: Page, { withHeader }: { withHeader: boolean }) {
	const violations: string[] = [];
	await page.exposeBinding('__reportCsp', (_source, v: string) => violations.push(v));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) =>
			(window as unknown as { __reportCsp: (v: string) => void }).__reportCsp(
				// Chromium reports some blocked URLs as their origin only.
				`${e.effectiveDirective} ${e.blockedURI === 'inline' ? 'inline' : new URL(e.blockedURI).origin}`
			)
		);
	});
	// A page that stays put (no redirect to sign-in): the missing-config screen.
	await page.route('**/_console/config.json', (route) => route.fulfill({ status: 404, body: '' }));
	if (!withHeader)
		// A deployment that forgot the response headers policy: only the build's meta policy is left.
		await page.route('**/_console/', async (route) => {
			const response = await route.fetch();
			const headers = { ...response.headers() };
			delete headers['content-security-policy'];
			await route.fulfill({ response, headers });
		});
	const response = await page.goto('/_console/');
	expect(response?.headers()['content-security-policy'] !== undefined).toBe(withHeader);
	await expect(page.getByRole('alert')).toContainText('could not be loaded');
	await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveCount(1);
	return violations;
}

async function inject(page: Page, what: string[]) {
	await page.evaluate(
		({ url, what }) => {
			const add = (el: HTMLElement) => document.body.append(el);
			if (what.includes('frame'))
				add(Object.assign(document.createElement('iframe'), { src: `${url}/frame` }));
			if (what.includes('image'))
				add(Object.assign(document.createElement('img'), { src: `${url}/pixel.png` }));
			if (what.includes('object'))
				add(Object.assign(document.createElement('object'), { data: `${url}/thing` }));
			if (what.includes('script'))
				add(Object.assign(document.createElement('script'), { textContent: 'window.pwned = 1' }));
			if (what.includes('form')) {
				const form = Object.assign(document.createElement('form'), {
					action: `${url}/steal`,
					method: 'post'
				});
				add(form);
				form.requestSubmit();
			}
			if (what.includes('fetch')) void fetch(`${url}/steal`).catch(() => undefined);
		},
		{ url: ELSEWHERE, what }
	);
}

test('with only the build’s meta policy, injected frames, images, objects, scripts and forms are blocked', async ({
	page
}) => {
	const violations = await openStaticPage(page, { withHeader: false });
	await inject(page, ['frame', 'image', 'object', 'script', 'form']);
	await expect
		.poll(() => [...violations].sort())
		.toEqual([
			`form-action ${ELSEWHERE}`,
			`frame-src ${ELSEWHERE}`,
			`img-src ${ELSEWHERE}`,
			`object-src ${ELSEWHERE}`,
			'script-src-elem inline'
		]);
	expect(await page.evaluate(() => 'pwned' in window)).toBe(false);
	// The meta policy cannot name the deployment's AWS endpoints, so connect-src is the header's.
});

test('with the deployment’s header as well, fetch to an unlisted origin is blocked too', async ({
	page
}) => {
	const violations = await openStaticPage(page, { withHeader: true });
	await inject(page, ['fetch', 'frame', 'image', 'script']);
	await expect
		.poll(() => [...new Set(violations)].sort())
		.toEqual([
			`connect-src ${ELSEWHERE}`,
			`frame-src ${ELSEWHERE}`,
			`img-src ${ELSEWHERE}`,
			'script-src-elem inline'
		]);
	expect(await page.evaluate(() => 'pwned' in window)).toBe(false);
});
