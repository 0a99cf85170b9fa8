import {
	CreateInvalidationCommand,
	GetDistributionCommand,
	ListDistributionsCommand,
	type CloudFrontClient
} from '@aws-sdk/client-cloudfront';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningStack } from './server';
import { closeStack, control, controlInvalidations, openStackAs } from './test-support';

const E1 = 'E1LOCALWWW0001';

let stack: RunningStack;
let alice: CloudFrontClient;
beforeAll(async () => {
	({ stack, client: alice } = await openStackAs('alice@example.com', { seedCount: 0 }));
});
afterAll(() => closeStack(stack, alice));
afterEach(() => control(stack, 'DELETE', '/faults'));

const purge = (ref: string) =>
	alice.send(
		new CreateInvalidationCommand({
			DistributionId: E1,
			InvalidationBatch: { CallerReference: ref, Paths: { Quantity: 1, Items: ['/index.html'] } }
		})
	);
const withRef = async (ref: string) =>
	(await controlInvalidations(stack, E1)).filter((i) => i.callerReference === ref);

describe('faults the SDK retries', () => {
	it('Throttling (400 "Rate exceeded") twice, then success: one invalidation', async () => {
		await control(stack, 'POST', '/faults', {
			kind: 'throttle',
			operation: 'CreateInvalidation',
			count: 2
		});
		const out = await purge('throttled');
		expect(out.$metadata).toMatchObject({ httpStatusCode: 201, attempts: 3 });
		expect(await withRef('throttled')).toHaveLength(1);
	});

	it('ServiceUnavailable (503) once, then success: one invalidation', async () => {
		await control(stack, 'POST', '/faults', { kind: 'server-error', count: 1 });
		const out = await purge('unavailable');
		expect(out.$metadata).toMatchObject({ httpStatusCode: 201, attempts: 2 });
		expect(await withRef('unavailable')).toHaveLength(1);
	});

	it('a dropped response after the create: the retry returns the same invalidation', async () => {
		await control(stack, 'POST', '/faults', {
			kind: 'drop-response',
			operation: 'CreateInvalidation'
		});
		const out = await purge('dropped');
		const stored = await withRef('dropped');
		expect(out.$metadata.attempts).toBe(2);
		expect(stored).toHaveLength(1);
		expect(out.Invalidation?.Id).toBe(stored[0].id);
	});
});

describe('faults surfaced to the caller', () => {
	it('Throttling beyond the retry budget reaches the caller with its code and status', async () => {
		await control(stack, 'POST', '/faults', { kind: 'throttle', count: 3 });
		await expect(alice.send(new ListDistributionsCommand({}))).rejects.toMatchObject({
			name: 'Throttling',
			message: 'Rate exceeded',
			$metadata: { httpStatusCode: 400, attempts: 3 }
		});
	});

	it('ServiceUnavailable carries Type Receiver', async () => {
		await control(stack, 'POST', '/faults', { kind: 'server-error', count: 3 });
		await expect(alice.send(new ListDistributionsCommand({}))).rejects.toMatchObject({
			name: 'ServiceUnavailable',
			Type: 'Receiver',
			$fault: 'server',
			$metadata: { httpStatusCode: 503 }
		});
	});

	it('latency delays the matching operation only', async () => {
		await control(stack, 'POST', '/faults', {
			kind: 'latency',
			operation: 'ListDistributions',
			ms: 500
		});
		// The stack's delay runs on a fake clock: nothing answers until the test moves it.
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		try {
			let answered = false;
			const slow = alice.send(new ListDistributionsCommand({})).then(() => (answered = true));
			while ((await control<{ faults: unknown[] }>(stack, 'GET', '/faults')).faults.length > 0);
			// The fault is used up and the request is waiting; another operation is not delayed.
			await alice.send(new GetDistributionCommand({ Id: 'E1LOCALWWW0001' }));
			await vi.advanceTimersByTimeAsync(499);
			expect(answered).toBe(false);
			expect(await control(stack, 'GET', '/faults')).toEqual({ faults: [], delaying: 1 });
			await vi.advanceTimersByTimeAsync(1);
			await slow;
			expect(answered).toBe(true);
			expect(await control(stack, 'GET', '/faults')).toEqual({ faults: [], delaying: 0 });
		} finally {
			vi.useRealTimers();
		}
	});
});

describe('control API', () => {
	it('lists, validates and clears faults', async () => {
		const bad = await fetch(`${stack.urls.control}/faults`, {
			method: 'POST',
			body: JSON.stringify({ kind: 'throttle', operation: 'GetId' })
		});
		expect(bad.status).toBe(400);
		await control(stack, 'POST', '/faults', { kind: 'latency', ms: 5, count: 2 });
		expect(await control(stack, 'GET', '/faults')).toEqual({
			faults: [{ kind: 'latency', remaining: 2, ms: 5 }],
			delaying: 0
		});
		await control(stack, 'DELETE', '/faults');
		expect(await control(stack, 'GET', '/faults')).toEqual({ faults: [], delaying: 0 });
	});

	it('reports health and urls', async () => {
		const health = await control<{ ok: boolean; urls: { issuer: string } }>(
			stack,
			'GET',
			'/health'
		);
		expect(health).toMatchObject({ ok: true, urls: { issuer: stack.urls.issuer } });
	});
});
