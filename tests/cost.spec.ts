import type { Page } from '@playwright/test';
import { DIST, expect, expectAccessible, openSignedIn, test } from './fixtures';
import { stack } from './stack-control';

// The console's local config (scripts/local-console.ts): 1,000 free paths a month per account,
// then $0.005 a path, confirmation above $1; E3 is declared on a flat-rate plan, so its paths are
// neither billed nor counted against the free paths.
const FREE = 1000;
const PRICE_MILLICENTS = 500; // $0.005 in thousandths of a cent, so sums stay whole numbers
const usd = (paths: number) => {
	const thousandths = (paths * PRICE_MILLICENTS) / 100; // in thousandths of a dollar
	const text = (thousandths / 1000).toFixed(3);
	return '$' + (text.endsWith('0') ? text.slice(0, -1) : text);
};

/** Paths sent since 00:00 UTC on the 1st of `now`'s month, from the stack's own record. */
async function pathsThisMonth(now: number, ids: string[]) {
	const d = new Date(now);
	const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
	let total = 0;
	for (const id of ids)
		for (const inv of await stack.invalidations(id))
			if (Date.parse(inv.createTime) >= start) total += inv.paths.length;
	return total;
}

/** `n` file paths, each in its own directory (so no wildcard is suggested for them). */
const spread = (n: number, prefix: string) =>
	Array.from({ length: n }, (_, i) => `/${prefix}-${i}/index.html`);

/** Signs in, pins the page's clock to now, and waits for this month's count to finish. */
async function openEstimate(page: Page, email: string, distributionId: string) {
	const now = Date.now();
	await openSignedIn(page, `/d/${distributionId}`, email);
	const paths = page.getByLabel(/Paths to invalidate/);
	// Pinned once the page is up (pinning mid-sign-in would skew the token checks): the panel,
	// loaded on focus, takes "this month" from this clock, and so does the expected figure.
	await expect(paths).toBeVisible();
	await page.clock.setFixedTime(now);
	await paths.focus();
	const estimate = page.getByTestId('estimate');
	await expect(estimate.getByTestId('month-usage')).toContainText('counted over', {
		timeout: 90_000
	});
	return { now, estimate };
}

test.beforeEach(async () => {
	await stack.reset();
});

test('shows the free paths left this month from the seeded history', async ({ page }) => {
	// Vera can read every distribution, so the count is exact.
	const { now, estimate } = await openEstimate(page, 'vera@example.com', DIST.www);
	const used = await pathsThisMonth(now, [DIST.www, DIST.shop]);
	expect(used).toBeGreaterThan(0);
	await expect(estimate.getByTestId('estimate-free-left')).toHaveText(
		Math.max(0, FREE - used).toLocaleString('en-US')
	);
	await expect(estimate.getByTestId('month-unseen')).toHaveCount(0);
	await expect(estimate.getByRole('link', { name: 'CloudFront pricing' })).toHaveAttribute(
		'href',
		'https://aws.amazon.com/cloudfront/pricing/'
	);
	await expect(estimate.getByTestId('estimate-pricing')).toContainText(
		'$0.005 a path after 1,000 free a month (account price)'
	);
	await expectAccessible(page);
});

test('says "at most" and names the distributions it could not read', async ({ page }) => {
	// Alice may list all three distributions but read only E1 and E2.
	const { now, estimate } = await openEstimate(page, 'alice@example.com', DIST.www);
	const used = await pathsThisMonth(now, [DIST.www, DIST.shop]);
	await expect(estimate.getByTestId('estimate-free-left')).toHaveText(
		`at most ${Math.max(0, FREE - used).toLocaleString('en-US')}`
	);
	const unseen = estimate.getByTestId('month-unseen');
	await expect(unseen).toContainText(DIST.data);
	await expect(unseen).toContainText('cloudfront:ListInvalidations denied');
	await expect(unseen).not.toContainText(DIST.www);
});

test('a purge that crosses the free tier shows what the paths beyond it cost', async ({ page }) => {
	const { now, estimate } = await openEstimate(page, 'vera@example.com', DIST.www);
	const freeLeft = Math.max(0, FREE - (await pathsThisMonth(now, [DIST.www, DIST.shop])));
	const over = 37;
	await page.getByLabel(/Paths to invalidate/).fill(spread(freeLeft + over, 'cross').join('\n'));
	await expect(estimate.getByTestId('estimate-paths')).toHaveText(
		(freeLeft + over).toLocaleString('en-US')
	);
	await expect(estimate.getByTestId('estimate-billable')).toHaveText(String(over));
	await expect(estimate.getByTestId('estimate-cost')).toHaveText(usd(over));
	// Within the free paths left: nothing to pay.
	await page.getByLabel(/Paths to invalidate/).fill(spread(freeLeft, 'cross').join('\n'));
	await expect(estimate.getByTestId('estimate-billable')).toHaveText('0');
	await expect(estimate.getByTestId('estimate-cost')).toHaveText('$0.00');
	await expect(estimate.getByTestId('wildcard-suggestions')).toHaveCount(0);
});

test('suggests the wildcard when it is cheaper, with both costs', async ({ page }) => {
	const { now, estimate } = await openEstimate(page, 'vera@example.com', DIST.www);
	const freeLeft = Math.max(0, FREE - (await pathsThisMonth(now, [DIST.www, DIST.shop])));
	// The free paths go to other files first, so each image is billed.
	const images = Array.from({ length: 240 }, (_, i) => `/img/photo-${i}.jpg`);
	await page
		.getByLabel(/Paths to invalidate/)
		.fill([...spread(freeLeft, 'page'), ...images].join('\n'));
	const suggestion = estimate.getByTestId('wildcard-suggestions');
	await expect(suggestion).toContainText(
		`These 240 paths under /img/ cost ${usd(240)}; /img/* costs ${usd(1)}.`
	);
	await expect(estimate.getByTestId('estimate-cost')).toHaveText(usd(240));
	await expectAccessible(page);
});

test('an expensive purge asks for confirmation with the amount', async ({ page }) => {
	const { now, estimate } = await openEstimate(page, 'alice@example.com', DIST.www);
	// Alice can't read E3, so her free paths left are an upper bound and costs a lower bound.
	const freeLeft = Math.max(0, FREE - (await pathsThisMonth(now, [DIST.www, DIST.shop])));
	const billable = 260; // $1.30, above the $1 threshold
	const items = spread(freeLeft + billable, 'deploy');
	await page.getByLabel(/Paths to invalidate/).fill(items.join('\n'));
	await expect(estimate.getByTestId('estimate-cost')).toHaveText(`at least ${usd(billable)}`);
	const before = (await stack.invalidations(DIST.www)).length;
	const send = page.getByRole('button', { name: `Invalidate ${items.length} paths` });

	await send.click();
	const dialog = page.getByRole('dialog', { name: 'Confirm the cost of this purge' });
	await expect(dialog).toContainText(`This purge will cost at least ${usd(billable)}. Send it?`);
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(dialog).toBeHidden();
	expect(await stack.invalidations(DIST.www)).toHaveLength(before);
	await expect(page.getByLabel(/Paths to invalidate/)).toHaveValue(items.join('\n'));

	await send.click();
	await dialog.getByRole('button', { name: 'Send the purge' }).click();
	const id = (await page.getByTestId('invalidation-id').textContent())?.trim();
	const sent = (await stack.invalidations(DIST.www)).filter((i) => i.id === id);
	expect(sent.map((i) => i.paths.length)).toEqual([items.length]);
	// The purge used up the free paths: the month is counted again.
	await expect(estimate.getByTestId('estimate-free-left')).toHaveText('at most 0');
});

test('a cheap purge is sent without asking', async ({ page }) => {
	await openEstimate(page, 'alice@example.com', DIST.www);
	await page.getByLabel(/Paths to invalidate/).fill('/index.html\n/about.html');
	await page.getByRole('button', { name: 'Invalidate 2 paths' }).click();
	await expect(page.getByTestId('invalidation-id')).toHaveText(/^I[A-Z0-9]+$/);
	await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('the form stays usable while the month is counted, with progress shown', async ({ page }) => {
	await stack.addFault({ kind: 'latency', operation: 'GetInvalidation', ms: 1500, count: 1000 });
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	const paths = page.getByLabel(/Paths to invalidate/);
	await paths.fill('/index.html');
	const usage = page.getByTestId('month-usage');
	await expect(usage).toContainText('Counting the paths sent since');
	await expect(usage.getByRole('progressbar')).toBeVisible();
	await paths.fill('/index.html\n/css/site.css');
	await expect(page.getByRole('button', { name: 'Invalidate 2 paths' })).toBeEnabled();
	await expect(page.getByTestId('estimate-paths')).toHaveText('2');
	// Until the month is counted, the cost is given as if no free path were left.
	await expect(page.getByTestId('estimate-free-left')).toHaveText('counting…');
	await expect(page.getByTestId('estimate-cost')).toHaveText(`up to ${usd(2)}`);
});

test('a distribution on a flat-rate plan shows that pricing and no cost', async ({ page }) => {
	const { estimate } = await openEstimate(page, 'bob@example.com', DIST.data);
	await page.getByLabel(/Paths to invalidate/).fill(spread(1200, 'flat').join('\n'));
	await expect(estimate.getByTestId('estimate-pricing')).toContainText(
		'Flat-rate plan: not billed per path (set in config.json)'
	);
	await expect(estimate.getByTestId('estimate-billable')).toHaveText(/^(at least )?0$/);
	await expect(estimate.getByTestId('estimate-cost')).toHaveText(/^(at least )?\$0\.00$/);
});

test('a purge on several distributions is priced as a whole, and an expensive one asks first', async ({
	page
}) => {
	const now = Date.now();
	await openSignedIn(page, `/purge?d=${DIST.www}&d=${DIST.shop}`, 'alice@example.com');
	const paths = page.getByLabel(/Paths to invalidate on every distribution/);
	await expect(paths).toBeVisible();
	await page.clock.setFixedTime(now);
	await paths.focus(); // the month is counted once the field is used
	const estimate = page.getByTestId('estimate');
	await expect(estimate.getByTestId('month-usage')).toContainText('counted over', {
		timeout: 90_000
	});
	// The same list goes to both, so each path is billed twice; the free paths are shared.
	const freeLeft = Math.max(0, FREE - (await pathsThisMonth(now, [DIST.www, DIST.shop])));
	const items = spread(Math.ceil((freeLeft + 260) / 2), 'multi-deploy');
	const billable = 2 * items.length - freeLeft; // 260 or 261: above the $1 threshold
	await paths.fill(items.join('\n'));
	await expect(estimate.getByTestId('estimate-cost')).toHaveText(`at least ${usd(billable)}`);
	const before = (await stack.invalidations(DIST.shop)).length;
	const send = page.getByRole('button', { name: /^Invalidate .* on 2 distributions$/ });

	await send.click();
	const dialog = page.getByRole('dialog', { name: 'Confirm the cost of this purge' });
	await expect(dialog).toContainText(`This purge will cost at least ${usd(billable)}. Send it?`);
	await expectAccessible(page);
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(dialog).toBeHidden();
	expect(await stack.invalidations(DIST.shop)).toHaveLength(before);
	await expect(paths).toHaveValue(items.join('\n'));

	await send.click();
	await dialog.getByRole('button', { name: 'Send the purge' }).click();
	await expect(paths).toHaveValue('');
	await expect
		.poll(async () => (await stack.invalidations(DIST.shop)).length)
		.toBeGreaterThan(before);
});
