import { DIST, expect, expectNewDocument, openSignedIn, test } from './fixtures';
import { stack } from './stack-control';

const purge = async (page: import('@playwright/test').Page, paths: string) => {
	await page.getByLabel(/Paths to invalidate/).fill(paths);
	await page.getByRole('button', { name: /^Invalidate \d+ paths?$/ }).click();
};

for (const kind of ['throttle', 'server-error'] as const) {
	test(`${kind} answers are retried without a second invalidation`, async ({ page }) => {
		await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
		await stack.addFault({ kind, operation: 'CreateInvalidation', count: 2 });
		const path = `/retry-${kind}-${Date.now()}.html`;
		await purge(page, path);
		await expect(page.getByTestId('invalidation-status')).toBeVisible({ timeout: 20_000 });
		const matching = (await stack.invalidations(DIST.www)).filter((i) => i.paths.includes(path));
		expect(matching).toHaveLength(1);
	});
}

test('a 5xx that outlasts the retries is explained; sending again purges once', async ({
	page
}) => {
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	await stack.addFault({ kind: 'server-error', operation: 'CreateInvalidation', count: 20 });
	const path = `/outage-${Date.now()}.html`;
	await purge(page, path);
	await expect(page.getByRole('alert')).toContainText('AWS had an internal error (HTTP 503)', {
		timeout: 30_000
	});
	await expect(page.getByLabel(/Paths to invalidate/)).toHaveValue(path);
	await stack.clearFaults();
	await page.getByRole('button', { name: 'Invalidate 1 path' }).click();
	await expect(page.getByTestId('invalidation-status')).toBeVisible();
	const matching = (await stack.invalidations(DIST.www)).filter((i) => i.paths.includes(path));
	expect(matching).toHaveLength(1);
});

test('a lost answer is retried with the same reference: one invalidation', async ({ page }) => {
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	await stack.addFault({ kind: 'drop-response', operation: 'CreateInvalidation', count: 1 });
	const path = `/dropped-${Date.now()}.html`;
	await purge(page, path);
	// Either the SDK retried by itself, or the console reports the lost answer and keeps the draft.
	const alert = page.getByRole('alert');
	await expect(page.getByTestId('invalidation-status').or(alert)).toBeVisible();
	if (await alert.isVisible()) {
		await expect(page.getByRole('alert')).toContainText(
			'did not reach AWS, or its answer was lost'
		);
		await expect(page.getByLabel(/Paths to invalidate/)).toHaveValue(path);
		await page.getByRole('button', { name: 'Invalidate 1 path' }).click();
		await expect(page.getByTestId('invalidation-status')).toBeVisible();
	}
	const matching = (await stack.invalidations(DIST.www)).filter((i) => i.paths.includes(path));
	expect(matching).toHaveLength(1);
	await expect(page.getByTestId('invalidation-id')).toHaveText(matching[0].id);
});

test('a reload in the middle of a send resends safely', async ({ page }) => {
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	await stack.addFault({ kind: 'latency', operation: 'CreateInvalidation', count: 1, ms: 3000 });
	const path = `/reloaded-${Date.now()}.html`;
	await purge(page, path);
	await expect(page.getByRole('button', { name: 'Sending…' })).toBeVisible();
	await page.reload();
	await expect(page.getByTestId('unconfirmed')).toContainText('answer never came back');
	await expect(page.getByLabel(/Paths to invalidate/)).toHaveValue(path);
	await page.getByRole('button', { name: 'Invalidate 1 path' }).click();
	await expect(page.getByTestId('invalidation-status')).toBeVisible();
	// Let the delayed first request land too (the stack says when), then count.
	await expect.poll(() => stack.delaying(), { timeout: 10_000 }).toBe(0);
	const matching = (await stack.invalidations(DIST.www)).filter((i) => i.paths.includes(path));
	expect(matching).toHaveLength(1);
});

test('too many invalidations in progress: explained, draft kept, the retry succeeds once', async ({
	page
}) => {
	await stack.settings({ completeAfterMs: 600_000 });
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	// Fill the 15 wildcard slots (as another operator's purge would).
	const wildcards = Array.from({ length: 15 }, (_, i) => `/fill-${Date.now()}-${i}/*`);
	await purge(page, wildcards.join('\n'));
	await expect(page.getByTestId('invalidation-status')).toBeVisible();
	const first = (await page.getByTestId('invalidation-id').textContent())?.trim() ?? '';
	const extra = `/one-more-${Date.now()}/*`;
	await purge(page, extra);
	await expect(page.getByRole('alert')).toContainText('Too many invalidations are in progress');
	await expect(page.getByLabel(/Paths to invalidate/)).toHaveValue(extra);
	// Once the first batch completes, the same submission goes through.
	await stack.complete(DIST.www, first);
	await expect(page.getByTestId('invalidation-status')).toHaveText('Completed', {
		timeout: 20_000
	});
	await page.getByRole('button', { name: 'Invalidate 1 path' }).click();
	// The first batch's ID is still shown until CloudFront answers for this one.
	await expect(page.getByTestId('invalidation-id')).not.toHaveText(first);
	const matching = (await stack.invalidations(DIST.www)).filter((i) => i.paths.includes(extra));
	expect(matching).toHaveLength(1);
	await expect(page.getByTestId('invalidation-id')).toHaveText(matching[0].id);
	// Its wildcard slot is free again for the tests after this one on this worker's stack.
	await stack.complete(DIST.www, matching[0].id);
});

test('a failed refresh mid-draft asks to sign in again and keeps the draft', async ({ page }) => {
	// Short ID tokens: every credential fetch must refresh the ID token first.
	await stack.settings({ tokenTtlSeconds: 120 });
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	const draft = `/draft-kept-${Date.now()}.html\n/and/this/*`;
	await page.getByLabel(/Paths to invalidate/).fill(draft);
	// The cost estimate counts this month in the background: let it finish, so the send below
	// is what meets the expired credentials and the refused refresh.
	await expect(page.getByTestId('month-usage')).toContainText('counted over', { timeout: 90_000 });
	await stack.addFault({ kind: 'fail-refresh', count: 1 });
	await stack.addFault({ kind: 'expire-credentials' });
	await page.getByRole('button', { name: 'Invalidate 2 paths' }).click();

	await expect(
		page.getByText('Your sign-in has expired. Everything you typed is kept.')
	).toBeVisible();
	await expect(page.getByLabel(/Paths to invalidate/)).toHaveValue(draft);
	// The page being left has the same address, user and draft as the one coming back: wait for
	// the round trip to bring a new document before looking, and before clicking on it.
	await expectNewDocument(page, () => page.getByRole('button', { name: 'Sign in again' }).click());
	// Cognito's session still holds, so this round trip is silent; the page and the draft are back.
	await expect(page).toHaveURL(new RegExp(`/_console/d/${DIST.www}$`));
	await expect(page.getByTestId('signed-in-user')).toHaveText('alice@example.com');
	await expect(page.getByLabel(/Paths to invalidate/)).toHaveValue(draft);
	await page.getByRole('button', { name: 'Invalidate 2 paths' }).click();
	await expect(page.getByTestId('invalidation-status')).toBeVisible();
});
