import { describe, expect, it } from 'vitest';
import { AppFailure } from '$lib/errors';
import type { KeyValueStore } from '$lib/storage';
import type { Invalidation } from './invalidation';
import { RunAgainSubmission } from './run-again-submission.svelte';

const ITEMS = ['/img/*', '/img/a.png', '#hero'];
const scope = {
	subject: 'sub-alice',
	email: 'alice@example.com',
	distributionId: 'E1',
	originalId: 'IORIGINAL'
};

function memoryStore(): KeyValueStore & { size: () => number } {
	const m = new Map<string, string>();
	return {
		getItem: (k) => m.get(k) ?? null,
		setItem: (k, v) => void m.set(k, v),
		removeItem: (k) => void m.delete(k),
		size: () => m.size
	};
}

/** A CloudFront that loses the answers of the first `lose` calls, as a dropped connection does. */
function cloudFront(lose = 0) {
	const sent: { ref: string; items: string[] }[] = [];
	const made = new Map<string, Invalidation>();
	const create = async (ref: string, items: string[]) => {
		sent.push({ ref, items });
		const inv = made.get(ref) ?? {
			id: `INEW${made.size}`,
			status: 'InProgress',
			createTime: new Date('2026-11-30T12:00:00Z'),
			callerReference: ref,
			paths: items
		};
		made.set(ref, inv);
		if (sent.length <= lose) throw new AppFailure({ kind: 'network' });
		return inv;
	};
	return { sent, made, create };
}

describe('RunAgainSubmission', () => {
	it('sends exactly the original items, a wildcard and a file under it included', async () => {
		const cf = cloudFront();
		const run = new RunAgainSubmission(memoryStore(), scope, ITEMS);
		await run.send(cf.create);
		expect(cf.sent).toHaveLength(1);
		expect(cf.sent[0].items).toEqual(ITEMS);
		expect(cf.sent[0].ref).toMatch(/^console:alice@example\.com:[0-9a-f-]{36}$/);
		expect(run.sent?.id).toBe('INEW0');
	});

	it('a retry after a lost answer reuses the reference: one invalidation', async () => {
		const cf = cloudFront(1);
		const run = new RunAgainSubmission(memoryStore(), scope, ITEMS);
		await run.send(cf.create);
		expect(run.error?.kind).toBe('network');
		expect(run.unconfirmed?.callerReference).toBe(cf.sent[0].ref);
		await run.send(cf.create);
		expect(cf.sent.map((s) => s.ref)).toEqual([cf.sent[0].ref, cf.sent[0].ref]);
		expect(cf.made.size).toBe(1);
		expect(run.unconfirmed).toBeNull();
	});

	it('after a reload the kept reference is reused; once confirmed, a new run is a new purge', async () => {
		const store = memoryStore();
		const cf = cloudFront(1);
		await new RunAgainSubmission(store, scope, ITEMS).send(cf.create);
		const reloaded = new RunAgainSubmission(store, scope, ITEMS);
		expect(reloaded.unconfirmed?.callerReference).toBe(cf.sent[0].ref);
		await reloaded.send(cf.create);
		expect(store.size()).toBe(0);
		await new RunAgainSubmission(store, scope, ITEMS).send(cf.create);
		expect(cf.made.size).toBe(2);
		expect(cf.sent[2].ref).not.toBe(cf.sent[0].ref);
	});

	it('keeps runs of other originals and other users apart', async () => {
		const store = memoryStore();
		await new RunAgainSubmission(store, scope, ITEMS).send(cloudFront(1).create);
		expect(
			new RunAgainSubmission(store, { ...scope, originalId: 'IOTHER' }, ITEMS).unconfirmed
		).toBeNull();
		expect(
			new RunAgainSubmission(
				store,
				{ ...scope, subject: 'sub-bob', email: 'bob@example.com' },
				ITEMS
			).unconfirmed
		).toBeNull();
	});

	it('without storage, retries in this tab still reuse the reference', async () => {
		const cf = cloudFront(1);
		const run = new RunAgainSubmission(null, scope, ITEMS);
		await run.send(cf.create);
		await run.send(cf.create);
		expect(cf.made.size).toBe(1);
	});

	it('says when storage refused the pending run (localStorage full), and retries still reuse it', async () => {
		const full: KeyValueStore = {
			getItem: () => null,
			setItem: () => {
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			},
			removeItem: () => {}
		};
		const cf = cloudFront(1);
		const run = new RunAgainSubmission(full, scope, ITEMS);
		expect(run.draftKept).toBe(true); // nothing refused yet
		await run.send(cf.create);
		expect(run.error?.kind).toBe('network');
		expect(run.draftKept).toBe(false);
		await run.send(cf.create);
		expect(cf.made.size).toBe(1);
	});

	it('says the pending run is kept where storage takes it', async () => {
		const run = new RunAgainSubmission(memoryStore(), scope, ITEMS);
		await run.send(cloudFront(1).create);
		expect(run.draftKept).toBe(true);
	});
});
