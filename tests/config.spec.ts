import { expect, test } from './fixtures';

test('an invalid config.json gets a screen naming the field and a valid example', async ({
	page
}) => {
	// A bad deployment: the region is not a Region.
	await page.route('**/_console/config.json', async (route) => {
		const response = await route.fetch();
		const config = await response.json();
		await route.fulfill({ response, json: { ...config, region: 'moon-base-1' } });
	});
	await page.goto('/_console/');
	await expect(
		page.getByRole('heading', { name: 'The console is not configured correctly' })
	).toBeVisible();
	await expect(page.getByRole('alert')).toContainText('region');
	await expect(page.getByRole('alert')).toContainText('eu-west-1');
	await expect(page.locator('pre')).toContainText('"identityPoolId"');
});

test('a missing config.json says so', async ({ page }) => {
	await page.route('**/_console/config.json', (route) => route.fulfill({ status: 404, body: '' }));
	await page.goto('/_console/');
	await expect(page.getByRole('alert')).toContainText('could not be loaded (HTTP 404)');
});
