import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppFailure } from '$lib/errors';
import { readInFlight } from './in-flight';
import { makeQueue, progressOf, type PurgeQueue } from './queue';
import { QueueRunner, retryDelayMs, type Activity, type RunnerDeps } from './queue-runner';

/**
 * A stand-in for one distribution on CloudFront, with the rules the queue depends on: 3,000 file
 * and 15 wildcard paths in progress, CallerReference idempotency, completion after a delay.
 */
class FakeDistribution {
	invalidations: { id: string; ref: string; paths: string[]; completesAt: number }[] = [];
	requests: string[] = [];
	completeAfterMs = 20_000;
	/** Runs once before the next request is handled (another sender racing the queue). */
	beforeNext: (() => void) | null = null;

	add(ref: string, paths: string[]) {
		const inv = { id: `I${this.invalidations.length + 1}`, ref, paths, completesAt: 0 };
		inv.completesAt = Date.now() + this.completeAfterMs;
		this.invalidations.push(inv);
		return inv;
	}
	running = () => this.invalidations.filter((i) => Date.now() < i.completesAt);

	create = async (ref: string, paths: string[]) => {
		this.requests.push(ref);
		const race = this.beforeNext;
		this.beforeNext = null;
		race?.();
		const existing = this.invalidations.find((i) => i.ref === ref);
		if (existing) return { id: existing.id };
		const used = this.running().flatMap((i) => i.paths);
		const wild = (xs: string[]) => xs.filter((p) => p.endsWith('*')).length;
		if (
			wild(used) + wild(paths) > 15 ||
			used.length - wild(used) + paths.length - wild(paths) > 3000
		)
			throw Object.assign(new Error('Processing your request will cause you to exceed…'), {
				name: 'TooManyInvalidationsInProgress'
			});
		return { id: this.add(ref, paths).id };
	};

	inFlight = async () =>
		this.running().map((i) => ({ id: i.id, status: 'InProgress', paths: i.paths }));

	/**
	 * In flight as the console reads it: ListInvalidations' newest `maxItems` (no paths), and
	 * GetInvalidation by ID.
	 */
	readInFlight: RunnerDeps['inFlight'] = (followed) => {
		const status = (i: { completesAt: number }) =>
			Date.now() < i.completesAt ? 'InProgress' : 'Completed';
		const byId = (id: string) => this.invalidations.find((i) => i.id === id)!;
		return readInFlight(
			'E1',
			{
				listRecent: async (_d, maxItems) => ({
					items: this.invalidations
						.slice()
						.reverse()
						.slice(0, maxItems)
						.map((i) => ({ id: i.id, status: status(i), createTime: new Date() }))
				}),
				paths: async (_d, id) => byId(id).paths,
				detail: async (_d, id) => {
					const i = byId(id);
					return {
						id,
						status: status(i),
						createTime: new Date(),
						callerReference: i.ref,
						paths: i.paths
					};
				}
			},
			followed
		);
	};

	/** Every path CloudFront was asked to invalidate, over all invalidations. */
	allPaths = () => this.invalidations.flatMap((i) => i.paths);
}

const files = (n: number) => Array.from({ length: n }, (_, i) => `/f/${i}.html`);

let cf: FakeDistribution;
let saved: PurgeQueue[];
let activities: Activity[];
let uuid: number;

function deps(over: Partial<RunnerDeps> = {}): RunnerDeps {
	return {
		now: () => Date.now(),
		wait: (ms, signal) =>
			new Promise((resolve) => {
				const t = setTimeout(resolve, ms);
				signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
			}),
		send: cf.create,
		inFlight: cf.inFlight,
		save: async (q) => void saved.push(structuredClone(q)),
		onUpdate: (_q, a) => void activities.push(a),
		...over
	};
}

const queueOf = (items: string[]) =>
	makeQueue({
		owner: 'sub-alice',
		email: 'alice@example.com',
		distributionId: 'E1',
		items,
		now: Date.now(),
		newUuid: () => `u${++uuid}`
	});

beforeEach(() => {
	vi.useFakeTimers({ now: new Date('2026-11-30T12:00:00Z') });
	cf = new FakeDistribution();
	saved = [];
	activities = [];
	uuid = 0;
});
afterEach(() => vi.useRealTimers());

describe('QueueRunner', () => {
	it('sends 7,000 paths as three batches of at most 2,500, each as room frees, every path once', async () => {
		const runner = new QueueRunner(queueOf(files(7000)), deps());
		const done = runner.run(new AbortController().signal);
		await vi.advanceTimersByTimeAsync(0);
		expect(cf.invalidations.map((i) => i.paths.length)).toEqual([2500]);
		await vi.advanceTimersByTimeAsync(19_000);
		expect(cf.invalidations).toHaveLength(1); // no room until the first completes
		await vi.advanceTimersByTimeAsync(120_000);
		expect(await done).toEqual({ kind: 'finished' });
		expect(cf.invalidations.map((i) => i.paths.length)).toEqual([2500, 2500, 2000]);
		expect(cf.allPaths()).toEqual(files(7000));
		expect(cf.requests).toHaveLength(3); // never refused: the room was read first
		const p = progressOf(runner.queue, Date.now());
		expect(p.batches).toEqual({ total: 3, sent: 3, completed: 3, stopped: 0 });
		expect(p.paths).toEqual({ total: 7000, sent: 7000, completed: 7000, stopped: 0 });
		expect(p.elapsedMs).toBe(runner.queue.finishedAt! - runner.queue.createdAt);
		expect(p.elapsedMs).toBeGreaterThanOrEqual(60_000); // three waits for completion
	});

	it('saves each batch as sending, with the reference fixed at creation, before its request', async () => {
		const queue = queueOf(files(6500));
		const refs = queue.batches.map((b) => b.callerReference);
		const checks: boolean[] = [];
		const send: RunnerDeps['send'] = (ref, items) => {
			const last = saved.at(-1)!;
			checks.push(last.batches.some((b) => b.callerReference === ref && b.state === 'sending'));
			return cf.create(ref, items);
		};
		const done = new QueueRunner(queue, deps({ send })).run(new AbortController().signal);
		await vi.advanceTimersByTimeAsync(200_000);
		await done;
		expect(checks).toEqual([true, true, true]);
		expect(cf.invalidations.map((i) => i.ref)).toEqual(refs);
		expect(refs.every((r) => r.startsWith('console:alice@example.com:'))).toBe(true);
	});

	it('meets TooManyInvalidationsInProgress, backs off and goes through with the same reference', async () => {
		cf.beforeNext = () => cf.add('someone-else', files(2500)); // fills the distribution first
		const queue = queueOf(files(1000));
		const runner = new QueueRunner(queue, deps());
		const done = runner.run(new AbortController().signal);
		await vi.advanceTimersByTimeAsync(0);
		expect(activities).toContainEqual(
			expect.objectContaining({ kind: 'retrying', inMs: retryDelayMs(0) })
		);
		expect(runner.queue.batches[0].state).toBe('waiting'); // refused: nothing was made
		await vi.advanceTimersByTimeAsync(60_000);
		expect(await done).toEqual({ kind: 'finished' });
		const ours = cf.invalidations.filter((i) => i.ref === queue.batches[0].callerReference);
		expect(ours).toHaveLength(1);
		expect(cf.requests.filter((r) => r === queue.batches[0].callerReference)).toHaveLength(2);
	});

	it('after a reload mid-request, resends the same reference: no path is purged twice', async () => {
		// The first request is made on CloudFront, but its answer never reaches the tab (reload).
		const page = new AbortController();
		const lost: RunnerDeps['send'] = async (ref, items) => {
			await cf.create(ref, items);
			page.abort();
			return new Promise(() => {});
		};
		const first = new QueueRunner(queueOf(files(4000)), deps({ send: lost }));
		void first.run(page.signal);
		await vi.advanceTimersByTimeAsync(0);
		const stored = saved.at(-1)!;
		expect(stored.batches.map((b) => b.state)).toEqual(['sending', 'waiting']);

		const second = new QueueRunner(stored, deps());
		const done = second.run(new AbortController().signal);
		await vi.advanceTimersByTimeAsync(120_000);
		expect(await done).toEqual({ kind: 'finished' });
		expect(cf.invalidations.map((i) => i.paths.length)).toEqual([2500, 1500]);
		expect(new Set(cf.allPaths()).size).toBe(cf.allPaths().length);
		expect(second.queue.batches[0].invalidationId).toBe('I1');
	});

	it('stop: the rest is dropped, what was sent is followed until it completes', async () => {
		const runner = new QueueRunner(queueOf(files(9000)), deps());
		const done = runner.run(new AbortController().signal);
		await vi.advanceTimersByTimeAsync(0);
		await runner.stop();
		await vi.advanceTimersByTimeAsync(60_000);
		expect(await done).toEqual({ kind: 'finished' });
		expect(cf.invalidations).toHaveLength(1);
		expect(runner.queue.batches.map((b) => b.state)).toEqual([
			'completed',
			'stopped',
			'stopped',
			'stopped'
		]);
		expect(progressOf(runner.queue, Date.now()).paths).toEqual({
			total: 9000,
			sent: 2500,
			completed: 2500,
			stopped: 6500
		});
	});

	it('stop while idle (after a failure) applies at once and is stored', async () => {
		const runner = new QueueRunner(queueOf(files(4000)), deps());
		await runner.stop();
		expect(saved.at(-1)!.batches.map((b) => b.state)).toEqual(['stopped', 'stopped']);
		expect(saved.at(-1)!.finishedAt).toBeDefined();
	});

	it('AccessDenied ends the run with the error; nothing more is sent', async () => {
		const denied = async () => {
			throw new AppFailure({
				kind: 'forbidden',
				action: 'cloudfront:CreateInvalidation',
				message: 'not authorized'
			});
		};
		const done = new QueueRunner(queueOf(files(4000)), deps({ send: denied })).run(
			new AbortController().signal
		);
		await vi.advanceTimersByTimeAsync(0);
		expect(await done).toMatchObject({ kind: 'failed', error: { kind: 'forbidden' } });
	});

	it('a network failure while reading the distribution is retried with backoff', async () => {
		let calls = 0;
		const inFlight: RunnerDeps['inFlight'] = async () => {
			if (++calls <= 2) throw new TypeError('Failed to fetch');
			return cf.inFlight();
		};
		const done = new QueueRunner(queueOf(files(10)), deps({ inFlight })).run(
			new AbortController().signal
		);
		await vi.advanceTimersByTimeAsync(retryDelayMs(0) + retryDelayMs(1) - 1);
		expect(cf.invalidations).toHaveLength(0);
		await vi.advanceTimersByTimeAsync(1);
		expect(cf.invalidations).toHaveLength(1);
		await vi.advanceTimersByTimeAsync(60_000);
		expect(await done).toEqual({ kind: 'finished' });
	});

	it('a storage failure before a request stops the run without sending', async () => {
		const save = async () => {
			throw new Error('QuotaExceededError');
		};
		const done = new QueueRunner(queueOf(files(10)), deps({ save })).run(
			new AbortController().signal
		);
		await vi.advanceTimersByTimeAsync(0);
		expect(await done).toMatchObject({ kind: 'failed' });
		expect(cf.requests).toEqual([]);
	});

	it('a sent batch pushed off the newest 100 by others’ purges is followed until it completes', async () => {
		const runner = new QueueRunner(queueOf(files(4000)), deps({ inFlight: cf.readInFlight }));
		const done = runner.run(new AbortController().signal);
		await vi.advanceTimersByTimeAsync(0);
		// Colleagues' 150 small purges, each already completed, push batch 1 off the first page.
		const completeAfterMs = cf.completeAfterMs;
		cf.completeAfterMs = 0;
		for (let i = 0; i < 150; i++) cf.add(`other-${i}`, [`/other/${i}`]);
		cf.completeAfterMs = completeAfterMs;
		await vi.advanceTimersByTimeAsync(completeAfterMs - 1000);
		expect(runner.queue.batches.map((b) => b.state)).toEqual(['sent', 'waiting']);
		expect(cf.invalidations).toHaveLength(151); // batch 2 waits: batch 1 still fills the room
		await vi.advanceTimersByTimeAsync(60_000);
		expect(await done).toEqual({ kind: 'finished' });
		expect(
			runner.queue.batches.every((b) => (b.completedAt ?? 0) >= b.sentAt! + completeAfterMs)
		).toBe(true);
	});

	it('backoff grows from 2 s to a 30 s ceiling', () =>
		expect([0, 1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([2000, 4000, 8000, 16000, 30000, 30000]));
});
