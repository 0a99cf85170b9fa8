import { DIST, expect, fillLocalStorage, openSignedIn, signInAs, test } from './fixtures';
import { stack } from './stack-control';

const pathsField = (page: import('@playwright/test').Page) =>
	page.getByLabel(/Paths to invalidate/);

async function signOutAndInAs(page: import('@playwright/test').Page, email: string) {
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByText('You are signed out.')).toBeVisible();
	await page.getByRole('button', { name: 'Sign in' }).click();
	await signInAs(page, email);
	await expect(page.getByTestId('signed-in-user')).toHaveText(email);
}

test("a second user on the same browser never sees the first user's draft; its owner gets it back", async ({
	page
}) => {
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	await pathsField(page).fill('/launch/secret-product.html');
	await signOutAndInAs(page, 'vera@example.com');
	await page.goto(`/_console/d/${DIST.www}`);
	await expect(page.getByTestId('signed-in-user')).toHaveText('vera@example.com');
	await expect(page.getByRole('heading', { level: 1 })).toContainText(DIST.www);
	await expect(pathsField(page)).toHaveValue('');
	await expect(page.getByText('secret-product')).toHaveCount(0);

	await signOutAndInAs(page, 'alice@example.com');
	await page.goto(`/_console/d/${DIST.www}`);
	await expect(pathsField(page)).toHaveValue('/launch/secret-product.html');
});

test('a purge goes out with localStorage full, and the page says the draft is not kept', async ({
	page
}) => {
	await stack.settings({ completeAfterMs: 600_000 });
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	// The site sharing this origin fills the storage, as a real one can.
	expect(await fillLocalStorage(page)).toBeGreaterThan(0);

	const path = `/full-storage-${Date.now()}.html`;
	await pathsField(page).fill(path);
	await expect(page.getByTestId('draft-not-kept')).toContainText('not kept across a reload');
	await page.getByRole('button', { name: 'Invalidate 1 path' }).click();
	await expect(page.getByTestId('invalidation-status')).toHaveText('In progress');
	// Completed by the stack when the test says so, not on its clock.
	await stack.complete(DIST.www, (await page.getByTestId('invalidation-id').textContent()) ?? '');
	await expect(page.getByTestId('invalidation-status')).toHaveText('Completed', {
		timeout: 20_000
	});
	const sent = (await stack.invalidations(DIST.www)).filter((i) => i.paths.includes(path));
	expect(sent).toHaveLength(1);
});

test('live checks stop after ten minutes with a way to check again', async ({ page }) => {
	await stack.settings({ completeAfterMs: 600_000 });
	await page.clock.install();
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	await pathsField(page).fill(`/slow-${Date.now()}.html`);
	await page.getByRole('button', { name: 'Invalidate 1 path' }).click();
	await expect(page.getByTestId('invalidation-status')).toHaveText('In progress');
	const id = (await page.getByTestId('invalidation-id').textContent())?.trim();
	await expect(page.getByTestId('polling-stopped')).toHaveCount(0);
	await page.clock.runFor(11 * 60_000);
	await expect(page.getByTestId('polling-stopped')).toContainText('Stopped checking');
	// The stack completes it now; the page learns only when asked again.
	await stack.complete(DIST.www, id ?? '');
	await expect(page.getByTestId('invalidation-status')).toHaveText('In progress');
	await page.getByRole('button', { name: 'Check again' }).click();
	await expect(page.getByTestId('invalidation-status')).toHaveText('Completed');
	await expect(page.getByTestId('polling-stopped')).toHaveCount(0);
});
