import type { Page } from '@playwright/test';
import { DIST, expect, openSignedIn, test, paste } from './fixtures';
import { stack } from './stack-control';

// The stack never completes an invalidation on its own clock here (a loaded machine cannot
// outrun a timer): each test completes them when it means to, with stack.complete. Set per test:
// the fixtures reset it to a short completion before each one. Each test starts from a stack with
// no queue of an earlier test still in progress (its page is closed by then), so the room it
// counts on is there; after the file, nothing of it holds the room of the specs that follow.
test.beforeEach(async () => {
	await stack.reset();
	await stack.settings({ completeAfterMs: 600_000 });
});
test.afterAll(() => stack.reset());

const release = (n: number, tag: string) =>
	Array.from({ length: n }, (_, i) => `/release-${tag}/${i}.html`);

async function pasteAndSend(page: Page, items: string[]) {
	await paste(page, items);
	await page.getByRole('button', { name: `Invalidate ${items.length} paths` }).click();
	await confirmBigPurge(page);
}

/** Over 1,000 paths the page asks first, naming the distribution; above the cost threshold too. */
export async function confirmBigPurge(page: Page) {
	await page.getByRole('alertdialog').getByRole('button', { name: 'Purge them' }).click();
	const costDialog = page.getByRole('dialog');
	const queue = page.getByTestId('queue');
	await expect(costDialog.or(queue)).toBeVisible();
	if (await costDialog.isVisible())
		await costDialog.getByRole('button', { name: 'Send the purge' }).click();
}

/** The invalidations the stack made for these paths. */
async function madeFor(distributionId: string, items: string[]) {
	const wanted = new Set(items);
	return (await stack.invalidations(distributionId)).filter((i) =>
		i.paths.some((p) => wanted.has(p))
	);
}

/** Completes now every invalidation of these paths still in progress. */
async function completeSent(distributionId: string, items: string[]) {
	for (const inv of await madeFor(distributionId, items))
		if (inv.status === 'InProgress') await stack.complete(distributionId, inv.id);
}

/** Completes each batch as the queue sends it, until the queue says it is done. */
async function completeUntilDone(
	queue: ReturnType<Page['getByTestId']>,
	distributionId: string,
	items: string[]
) {
	await expect(async () => {
		await completeSent(distributionId, items);
		await expect(queue.getByTestId('queue-done')).toBeVisible({ timeout: 2000 });
	}).toPass({ timeout: 60_000 });
}

/** Every path sent exactly once, over invalidations of at most 3,000 items. */
async function expectEachPathOnce(distributionId: string, items: string[], invalidations: number) {
	const made = await madeFor(distributionId, items);
	expect(made).toHaveLength(invalidations);
	expect(made.every((i) => i.paths.length <= 3000)).toBe(true);
	expect(made.flatMap((i) => i.paths).sort()).toEqual([...items].sort());
	expect(new Set(made.map((i) => i.callerReference)).size).toBe(invalidations);
	return made;
}

/** Alice sends 7,000 fresh paths on www and sees the first of 3 invalidations go out. */
async function startSevenThousand(page: Page) {
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	const items = release(7000, `${Date.now()}`);
	await pasteAndSend(page, items);
	const queue = page.getByTestId('queue');
	await expect(queue).toContainText('7,000 paths in 3 invalidations');
	await expect(queue.getByTestId('queue-batches')).toHaveText('1 of 3 sent, 0 completed');
	return { items, queue };
}

test('7,000 paths go out as three invalidations as room frees, with progress, each path once', async ({
	page
}) => {
	const { items, queue } = await startSevenThousand(page);
	await expect(queue.getByTestId('queue-paths')).toHaveText('2,500 of 7,000 sent, 0 completed');
	await expect(queue.getByTestId('queue-time')).toContainText('so far');
	// Room frees as each batch completes: the next one goes out then, not before.
	await completeSent(DIST.www, items);
	await expect(queue.getByTestId('queue-batches')).toHaveText('2 of 3 sent, 1 completed', {
		timeout: 20_000
	});
	await completeSent(DIST.www, items);
	await expect(queue.getByTestId('queue-batches')).toHaveText('3 of 3 sent, 2 completed', {
		timeout: 20_000
	});
	await completeSent(DIST.www, items);
	await expect(queue.getByTestId('queue-done')).toContainText('All 7,000 paths purged.', {
		timeout: 20_000
	});
	await expect(queue.getByTestId('queue-paths')).toHaveText('7,000 of 7,000 sent, 7,000 completed');
	await expect(queue.getByTestId('queue-time')).toContainText('in all');
	// The list is in the queue now: the field is free for the next purge.
	await expect(page.getByLabel(/Paths to invalidate/)).toHaveValue('');
	await expectEachPathOnce(DIST.www, items, 3);
});

test('a reload in the middle of the queue resumes it, and no path is sent twice', async ({
	page
}) => {
	const { items, queue } = await startSevenThousand(page);

	await page.reload();
	await expect(page.getByTestId('signed-in-user')).toHaveText('alice@example.com');
	await expect(queue).toContainText('7,000 paths in 3 invalidations');
	await completeUntilDone(queue, DIST.www, items);
	await expect(queue.getByTestId('queue-done')).toContainText('All 7,000 paths purged.');
	await expectEachPathOnce(DIST.www, items, 3);
});

test('a batch refused with TooManyInvalidationsInProgress waits and goes through once', async ({
	page
}) => {
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	// Another operator's 2,000-path purge lands just before the queue's first request, after the
	// queue saw the room: the request is held (not changed) until that purge is in.
	const other = release(2000, `other-${Date.now()}`);
	let raced = false;
	await page.route('**/2020-05-31/distribution/*/invalidation', async (route) => {
		if (!raced && route.request().method() === 'POST') {
			raced = true;
			await stack.createInvalidation(DIST.www, other);
		}
		await route.continue();
	});
	const items = release(3500, `${Date.now()}`);
	await pasteAndSend(page, items);

	const queue = page.getByTestId('queue');
	await expect(queue.getByTestId('queue-retrying')).toContainText(
		'Too many invalidations are in progress'
	);
	await completeUntilDone(queue, DIST.www, [...items, ...other]);
	await expect(queue.getByTestId('queue-done')).toContainText('All 3,500 paths purged.');
	await expectEachPathOnce(DIST.www, items, 2);
});

test('stop the rest: what was sent completes, the rest is never sent', async ({ page }) => {
	// Nothing completes until the user stopped: the second batch is still waiting for room.
	const { items, queue } = await startSevenThousand(page);
	await queue.getByRole('button', { name: 'Stop the rest' }).click();
	await completeSent(DIST.www, items);
	await expect(queue.getByTestId('queue-done')).toContainText(
		'Stopped: 2,500 paths purged, 4,500 not sent.',
		{ timeout: 20_000 }
	);
	const made = await madeFor(DIST.www, items);
	expect(made.map((i) => i.paths.length)).toEqual([2500]);
});

test('two tabs: one sends the queue, the other shows it and takes over when the first closes', async ({
	page,
	context
}) => {
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	const items = release(7000, `${Date.now()}`);
	await pasteAndSend(page, items);
	await expect(page.getByTestId('queue-batches')).toHaveText('1 of 3 sent, 0 completed');

	const second = await context.newPage();
	await second.goto(`/_console/d/${DIST.www}`);
	await expect(second.getByTestId('signed-in-user')).toHaveText('alice@example.com');
	const queue = second.getByTestId('queue');
	await expect(queue).toContainText('Another tab of this browser is sending this purge');
	await expect(queue.getByTestId('queue-batches')).toContainText('of 3 sent');
	await page.close();
	await completeUntilDone(queue, DIST.www, items);
	await expect(queue.getByTestId('queue-done')).toContainText('All 7,000 paths purged.');
	await expectEachPathOnce(DIST.www, items, 3);
});

test('a batch pushed off the newest 100 by others’ purges is shown completed only once it is', async ({
	page
}) => {
	const { items, queue } = await startSevenThousand(page);
	const [first] = await madeFor(DIST.www, items);
	const colleagues = Array.from({ length: 120 }, (_, i) => [`/colleague-${Date.now()}-${i}.html`]);
	await stack.createInvalidations(DIST.www, colleagues);

	// The queue looks the batch up by its ID once it is off the newest 100, and finds it running.
	await stack.clearRequests();
	await expect
		.poll(async () => (await stack.requests('GetInvalidation', DIST.www)).length, {
			timeout: 40_000
		})
		.toBeGreaterThan(0);
	await expect(queue.getByTestId('queue-batches')).toHaveText('1 of 3 sent, 0 completed');
	await stack.complete(DIST.www, first.id);
	await expect(queue.getByTestId('queue-batches')).toContainText(', 1 completed', {
		timeout: 40_000
	});
	const now = (await stack.invalidations(DIST.www)).find((i) => i.id === first.id);
	expect(now?.status).toBe('Completed');
});

test('while the queue runs, its reads feed the recent list: one ListInvalidations per tick', async ({
	page
}) => {
	// A colleague's purge, never completed here, keeps the recent list polling for the whole test.
	const colleague = await stack.createInvalidation(DIST.www, [`/colleague-${Date.now()}.html`]);
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	const recent = page.getByTestId('recent-row');
	await expect(recent.filter({ hasText: colleague })).toContainText('In progress');

	const items = release(3500, `${Date.now()}`);
	await pasteAndSend(page, items);
	const queue = page.getByTestId('queue');
	await expect(queue.getByTestId('queue-batches')).toHaveText('1 of 2 sent, 0 completed');
	await stack.clearRequests();
	await completeUntilDone(queue, DIST.www, items);
	await expect(queue.getByTestId('queue-done')).toContainText('All 3,500 paths purged.');
	// The recent list shows the queue's invalidations as the queue read them.
	for (const made of await madeFor(DIST.www, items))
		await expect(recent.filter({ hasText: made.id })).toContainText('Completed');

	// Up to the queue's last read (the one that saw it done), every list call was the queue's.
	const lists = await stack.requests('ListInvalidations', DIST.www);
	const queueReads = lists.map((r) => r.maxItems === '100');
	expect(queueReads.filter(Boolean).length).toBeGreaterThan(1);
	expect(queueReads.slice(0, queueReads.lastIndexOf(true))).not.toContain(false);
});

test('a stored queue this console cannot read is reported, kept until dismissed, never overwritten', async ({
	page
}) => {
	await openSignedIn(page, `/d/${DIST.www}`, 'alice@example.com');
	// What an older console left in this browser: a half-sent queue in another format.
	const key = ['0a1c5e7f-3b2d-4e6f-8a9b-0c1d2e3f4a51', DIST.www]; // alice's `sub`, the stack's
	const idb = (action: 'put' | 'get', k: string[]) =>
		page.evaluate(
			([action, k]) =>
				new Promise<unknown>((resolve, reject) => {
					const open = indexedDB.open('purge-console-queues', 1);
					open.onupgradeneeded = () =>
						open.result.createObjectStore('queues', { keyPath: ['owner', 'distributionId'] });
					open.onerror = () => reject(open.error);
					open.onsuccess = () => {
						const store = open.result.transaction('queues', 'readwrite').objectStore('queues');
						const old = { owner: k[0], distributionId: k[1], createdAt: 1, batches: [{}, {}] };
						const req = action === 'put' ? store.put(old) : store.get(k);
						req.onsuccess = () => resolve(action === 'get' ? req.result : undefined);
						req.onerror = () => reject(req.error);
					};
				}),
			[action, k] as const
		);
	await idb('put', key);
	await page.reload();

	const notice = page.getByTestId('queue-unreadable');
	await expect(notice).toContainText('split into 2 invalidations');
	await expect(notice).toContainText('stored by an older version of this console');
	await expect(notice).toContainText('which ones were left unsent is unknown');
	await expect(notice.getByRole('link', { name: 'history' })).toHaveAttribute(
		'href',
		`/_console/d/${DIST.www}/history`
	);

	// A new big purge would overwrite the record: refused, the list kept.
	const items = release(3500, `${Date.now()}`);
	await paste(page, items);
	await page.getByRole('button', { name: 'Invalidate 3500 paths' }).click();
	await page.getByRole('alertdialog').getByRole('button', { name: 'Purge them' }).click();
	const refused = page.getByText('An earlier purge queue for this distribution could not be read');
	const costDialog = page.getByRole('dialog');
	await expect(costDialog.or(refused)).toBeVisible();
	if (await costDialog.isVisible())
		await costDialog.getByRole('button', { name: 'Send the purge' }).click();
	await expect(refused).toBeVisible();
	expect(await madeFor(DIST.www, items)).toEqual([]);
	expect(await idb('get', key)).toMatchObject({ createdAt: 1 });

	await notice.getByRole('button', { name: 'Dismiss' }).click();
	await expect(notice).toBeHidden();
	expect(await idb('get', key)).toBeUndefined();
	await page.reload();
	await expect(page.getByTestId('signed-in-user')).toHaveText('alice@example.com');
	// The kept list is large: it opens in the large editor, which renders only the lines on screen.
	await expect(page.getByLabel(/Paths to invalidate/)).toContainText(items[0]);
	await expect(page.getByTestId('summary-items')).toHaveText('3,500');
	await expect(notice).toBeHidden();
});
