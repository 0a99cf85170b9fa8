import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeQueue, markSending } from './queue';
import { countConnections } from './connection-count.testing';
import { isUnreadable, openQueueStore, readQueue, type QueueStore } from './queue-store';

const queueFor = (owner: string, distributionId: string, n = 4000) =>
	makeQueue({
		owner,
		email: `${owner}@example.com`,
		distributionId,
		items: Array.from({ length: n }, (_, i) => `/p/${i}`),
		now: 1_700_000_000_000,
		newUuid: () => crypto.randomUUID()
	});

/** The stored queue, failing the test when the record could not be read. */
async function queueIn(store: QueueStore, owner: string, distributionId: string) {
	const stored = await store.get(owner, distributionId);
	if (isUnreadable(stored)) throw new Error(`unreadable: ${stored.reason}`);
	return stored;
}

/** Writes a record as another version of the console (or a damaged disk) left it. */
async function putRaw(record: object) {
	await openQueueStore().get('x', 'y'); // creates the database
	const db = await openDB('purge-console-queues', 1);
	await db.put('queues', record);
	db.close();
}

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory(); // a clean browser profile per test
});

describe('openQueueStore', () => {
	it('keeps a queue across store instances (a reload), references and states intact', async () => {
		const queue = markSending(queueFor('sub-a', 'E1'), 0);
		await openQueueStore().put(queue);
		expect(await openQueueStore().get('sub-a', 'E1')).toEqual(queue);
	});

	it('keeps each user’s queue apart, per distribution', async () => {
		const store = openQueueStore();
		await store.put(queueFor('sub-a', 'E1', 10));
		await store.put(queueFor('sub-b', 'E1', 20));
		await store.put(queueFor('sub-a', 'E2', 30));
		expect((await queueIn(store, 'sub-a', 'E1'))?.batches[0].items).toHaveLength(10);
		expect((await queueIn(store, 'sub-b', 'E1'))?.batches[0].items).toHaveLength(20);
		expect((await queueIn(store, 'sub-a', 'E2'))?.batches[0].items).toHaveLength(30);
		expect(await store.get('sub-b', 'E2')).toBeUndefined();
	});

	it('replaces a queue on put and forgets it on delete', async () => {
		const store = openQueueStore();
		await store.put(queueFor('sub-a', 'E1', 10));
		await store.put(queueFor('sub-a', 'E1', 5000));
		expect((await queueIn(store, 'sub-a', 'E1'))?.batches).toHaveLength(2);
		await store.delete('sub-a', 'E1');
		expect(await store.get('sub-a', 'E1')).toBeUndefined();
	});

	it.each([
		{
			record: { owner: 'sub-a', distributionId: 'E1', createdAt: 5, batches: [{}, {}] },
			reason:
				'it was stored by an older version of this console, in a format this version cannot read',
			why: 'an older format without a version'
		},
		{
			record: { v: 2, owner: 'sub-a', distributionId: 'E1', createdAt: 5, batches: [{}, {}] },
			reason:
				'it was stored in format 2 by another version of this console, which this version cannot read',
			why: 'a newer format'
		},
		{
			record: { v: 1, owner: 'sub-a', distributionId: 'E1', createdAt: 5, batches: [{}, {}] },
			reason: 'it is damaged',
			why: 'a damaged record of this format'
		}
	])(
		'reports $why as unreadable, with what could be read, and keeps it',
		async ({ record, reason }) => {
			await putRaw(record);
			const store = openQueueStore();
			expect(await store.get('sub-a', 'E1')).toEqual({
				unreadable: true,
				reason,
				createdAt: 5,
				batches: 2
			});
			expect(await store.get('sub-a', 'E1')).toMatchObject({ unreadable: true }); // still there
			await store.delete('sub-a', 'E1'); // the user dismissed it
			expect(await store.get('sub-a', 'E1')).toBeUndefined();
		}
	);

	it('reports a record with nothing readable as damaged, without a time or count', async () => {
		await putRaw({ owner: 'sub-a', distributionId: 'E1', v: 'x', batches: 'nope' });
		expect(await openQueueStore().get('sub-a', 'E1')).toEqual({
			unreadable: true,
			reason: 'it is damaged',
			createdAt: undefined,
			batches: undefined
		});
	});
});

describe('readQueue', () => {
	const queue = queueFor('s', 'E1', 3);
	const good = { v: 1, ...queue };
	const batch = good.batches[0];
	it.each([
		{ record: { ...good, v: 2 }, why: 'a newer format' },
		{ record: { ...good, owner: 1 }, why: 'no owner' },
		{ record: { ...good, batches: [{ ...batch, state: 'lost' }] }, why: 'an unknown state' },
		{ record: { ...good, batches: [{ ...batch, items: [1] }] }, why: 'items not strings' },
		{ record: { ...good, batches: [{ ...batch, callerReference: 7 }] }, why: 'no reference' },
		{ record: null, why: 'nothing' }
	])('refuses $why', ({ record }) => expect(readQueue(record)).toBeUndefined());

	it('reads what it wrote', () =>
		expect(readQueue(good)).toEqual({ ...queue, finishedAt: undefined }));
});

/** Deletes the database as another tab would: whether it had to wait for open connections. */
const deleteDatabase = () =>
	new Promise<'deleted' | 'blocked'>((resolve) => {
		const request = indexedDB.deleteDatabase('purge-console-queues');
		request.onblocked = () => resolve('blocked');
		request.onsuccess = () => resolve('deleted');
	});

describe('openQueueStore connections', () => {
	it('close() closes its connection; a late call still works on one of its own, closed after', async () => {
		const connections = countConnections();
		const store = openQueueStore();
		await store.put(queueFor('sub-a', 'E1', 3));
		expect(connections.open()).toBe(1);
		store.close();
		await Promise.resolve();
		expect(connections.open()).toBe(0);
		expect((await queueIn(store, 'sub-a', 'E1'))?.distributionId).toBe('E1');
		expect(connections.total()).toBe(2);
		expect(connections.open()).toBe(0);
	});

	it('an open store never blocks another tab deleting or upgrading the database', async () => {
		const store = openQueueStore();
		await store.put(queueFor('sub-a', 'E1', 3));
		expect(await deleteDatabase()).toBe('deleted');
		expect(await store.get('sub-a', 'E1')).toBeUndefined(); // opened again, on the new database
	});
});
