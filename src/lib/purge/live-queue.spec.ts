import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CloudFrontApi } from '$lib/aws/cloudfront';
import type { DetailCache } from '$lib/history/detail-cache';
import { LiveQueue } from './live-queue.svelte';
import { countConnections } from './connection-count.testing';
import { openQueueStore, type QueueStore } from './queue-store';

const owner = { subject: 'sub-alice', email: 'alice@example.com' };
const items = Array.from({ length: 4000 }, (_, i) => `/p/${i}`);
/** What an older console left: a half-sent queue in a format this one cannot read. */
const OLD_RECORD = {
	owner: owner.subject,
	distributionId: 'E1',
	createdAt: Date.parse('2026-11-29T08:00:00Z'),
	batches: [{ ref: 'a', sent: true }, { ref: 'b' }]
};

let sent: string[];
let made: LiveQueue[];
let stores: QueueStore[];

/** A queue for E1 on `store` (by default a store of its own, closed after the test). */
function liveQueue(store = openQueueStore()) {
	// Only the two calls a queue makes; a stand-in for CloudFront with nothing in progress.
	const api = {
		listInvalidations: async () => ({ items: [] }),
		createInvalidation: async (_d: string, ref: string) => {
			sent.push(ref);
			return { id: `I${sent.length}`, status: 'InProgress', createTime: new Date() };
		}
	} as unknown as CloudFrontApi;
	const details = () => Promise.reject<DetailCache>(new Error('no details needed'));
	const live = new LiveQueue({
		store,
		api: Promise.resolve(api),
		owner,
		distributionId: 'E1',
		details
	});
	made.push(live);
	stores.push(store);
	return live;
}

async function rawRecord() {
	const db = await openDB('purge-console-queues', 1);
	const record: unknown = await db.get('queues', [owner.subject, 'E1']);
	db.close();
	return record;
}

beforeEach(async () => {
	globalThis.indexedDB = new IDBFactory();
	sent = [];
	made = [];
	stores = [];
	await openQueueStore().get('x', 'y'); // creates the database
	const db = await openDB('purge-console-queues', 1);
	await db.put('queues', OLD_RECORD);
	db.close();
});
afterEach(() => {
	made.forEach((q) => q.destroy());
	stores.forEach((s) => s.close());
});

describe('LiveQueue with an unreadable stored queue', () => {
	it('says so on opening, with what could be read, and sends nothing', async () => {
		const q = liveQueue();
		await q.open();
		expect(q.unreadable).toMatchObject({ createdAt: OLD_RECORD.createdAt, batches: 2 });
		expect(q.queue).toBeNull();
		expect(sent).toEqual([]);
	});

	it('refuses a new queue over it, keeping the record, until the user dismisses it', async () => {
		const q = liveQueue();
		await q.open();
		expect(await q.create(items)).toBe('unreadable-kept');
		expect(await rawRecord()).toEqual(OLD_RECORD);
		expect(sent).toEqual([]);

		await q.dismissUnreadable();
		expect(q.unreadable).toBeNull();
		expect(await rawRecord()).toBeUndefined();
		expect(await q.create(items)).toBe('started');
	});

	it('dismissing never deletes a readable queue stored since', async () => {
		const q = liveQueue();
		await q.open();
		await openQueueStore().delete(owner.subject, 'E1'); // another tab dismissed it …
		expect(await liveQueue().create(items)).toBe('started'); // … and started a queue
		await q.dismissUnreadable();
		expect(await rawRecord()).toMatchObject({ owner: owner.subject, distributionId: 'E1', v: 1 });
	});
});

describe('LiveQueue when its page is left', () => {
	it('leaves the store it shares with other queues open: the page that made it closes it', async () => {
		const connections = countConnections();
		const store = openQueueStore(); // one connection for a page's queues on two distributions
		const left = liveQueue(store);
		await left.open();
		expect(connections.open()).toBe(1);
		left.destroy();
		await Promise.resolve();
		expect(connections.open()).toBe(1);
		// The other queue goes on, on the same connection.
		const other = liveQueue(store);
		await other.open();
		expect(other.unreadable).toMatchObject({ batches: 2 });
		expect(connections.total()).toBe(1);
		store.close();
		await Promise.resolve();
		expect(connections.open()).toBe(0);
	});
});
