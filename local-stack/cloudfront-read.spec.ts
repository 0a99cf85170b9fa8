import {
	CreateInvalidationCommand,
	GetDistributionCommand,
	GetInvalidationCommand,
	ListDistributionsCommand,
	ListInvalidationsCommand,
	paginateListInvalidations,
	type CloudFrontClient,
	type InvalidationSummary
} from '@aws-sdk/client-cloudfront';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { RunningStack } from './server';
import { cloudFrontAs, control, startTestStack } from './test-support';

const E1 = 'E1LOCALWWW0001';
const E2 = 'E2LOCALSHOP001';
const E3 = 'E3LOCALDATA001';

let stack: RunningStack;
let vera: CloudFrontClient;
let alice: CloudFrontClient;
beforeAll(async () => {
	stack = await startTestStack({ seedCount: 300 });
	[vera, alice] = await Promise.all([
		cloudFrontAs(stack, 'vera@example.com'),
		cloudFrontAs(stack, 'alice@example.com')
	]);
});
afterAll(async () => {
	vera.destroy();
	alice.destroy();
	await stack.close();
});

describe('distributions', () => {
	it('lists the three demo distributions with their aliases', async () => {
		const out = await vera.send(new ListDistributionsCommand({}));
		const list = out.DistributionList;
		expect(list).toMatchObject({ Marker: '', MaxItems: 100, IsTruncated: false, Quantity: 3 });
		expect(list?.NextMarker).toBeUndefined();
		expect(list?.Items?.map((d) => [d.Id, d.DomainName, d.Aliases?.Items])).toEqual([
			[E1, 'd1localwww0001.cloudfront.net', ['www.example.test', 'example.test']],
			[E2, 'd2localshop001.cloudfront.net', ['shop.example.test']],
			[E3, 'd3localdata001.cloudfront.net', ['data.example.test']]
		]);
		expect(list?.Items?.[0]).toMatchObject({
			ARN: `arn:aws:cloudfront::111122223333:distribution/${E1}`,
			Status: 'Deployed',
			Enabled: true,
			Staging: false,
			LastModifiedTime: expect.any(Date)
		});
	});

	it('pages distributions with Marker/MaxItems', async () => {
		const first = await vera.send(new ListDistributionsCommand({ MaxItems: 2 }));
		expect(first.DistributionList).toMatchObject({
			IsTruncated: true,
			NextMarker: E2,
			Quantity: 2
		});
		const rest = await vera.send(new ListDistributionsCommand({ MaxItems: 2, Marker: E2 }));
		expect(rest.DistributionList?.Items?.map((d) => d.Id)).toEqual([E3]);
		expect(rest.DistributionList?.NextMarker).toBeUndefined();
	});

	it('returns the ETag, CacheTagConfig only on E2, and the in-progress batch count', async () => {
		const e2 = await vera.send(new GetDistributionCommand({ Id: E2 }));
		expect(e2.ETag).toBeTruthy();
		expect(e2.Distribution?.DistributionConfig?.CacheTagConfig).toEqual({
			HeaderName: 'Cache-Tag'
		});
		const e1 = await vera.send(new GetDistributionCommand({ Id: E1 }));
		expect(e1.Distribution?.DistributionConfig?.CacheTagConfig).toBeUndefined();
		expect(e1.Distribution?.DistributionConfig?.Aliases?.Items).toEqual([
			'www.example.test',
			'example.test'
		]);
		// The seed leaves one small invalidation in progress per distribution.
		expect(e1.Distribution?.InProgressInvalidationBatches).toBe(1);
	});
});

describe('invalidation status', () => {
	it('goes InProgress → Completed completeAfterMs after CreateTime', async () => {
		// A fake Date for the stack and the SDK alike (one process): no waiting on the real clock.
		vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
		onTestFinished(() => void vi.useRealTimers());
		await control(stack, 'POST', '/settings', { completeAfterMs: 1000 });
		const created = await alice.send(
			new CreateInvalidationCommand({
				DistributionId: E1,
				InvalidationBatch: {
					CallerReference: 'status-1',
					Paths: { Quantity: 1, Items: ['/index.html'] }
				}
			})
		);
		const Id = created.Invalidation?.Id ?? '';
		expect(created.Invalidation?.Status).toBe('InProgress');
		const before = await alice.send(new GetDistributionCommand({ Id: E1 }));
		expect(before.Distribution?.InProgressInvalidationBatches).toBe(2);
		vi.advanceTimersByTime(999);
		const almost = await alice.send(new GetInvalidationCommand({ DistributionId: E1, Id }));
		expect(almost.Invalidation?.Status).toBe('InProgress');
		vi.advanceTimersByTime(1);
		const after = await alice.send(new GetInvalidationCommand({ DistributionId: E1, Id }));
		expect(after.Invalidation).toMatchObject({
			Id,
			Status: 'Completed',
			InvalidationBatch: { CallerReference: 'status-1' }
		});
		const list = await alice.send(
			new ListInvalidationsCommand({ DistributionId: E1, MaxItems: 1 })
		);
		expect(list.InvalidationList?.Items?.[0]).toMatchObject({ Id, Status: 'Completed' });
		await control(stack, 'POST', '/settings', { completeAfterMs: 60_000 });
	});
});

describe('POST /_stack/complete', () => {
	it('completes one invalidation now and leaves the others running', async () => {
		await control(stack, 'POST', '/settings', { completeAfterMs: 600_000 });
		const create = (ref: string) =>
			alice.send(
				new CreateInvalidationCommand({
					DistributionId: E1,
					InvalidationBatch: { CallerReference: ref, Paths: { Quantity: 1, Items: ['/a.html'] } }
				})
			);
		const done = (await create('complete-1')).Invalidation?.Id ?? '';
		const running = (await create('complete-2')).Invalidation?.Id ?? '';
		await control(stack, 'POST', '/complete', { distributionId: E1, id: done });
		const status = async (Id: string) =>
			(await alice.send(new GetInvalidationCommand({ DistributionId: E1, Id }))).Invalidation
				?.Status;
		expect(await status(done)).toBe('Completed');
		expect(await status(running)).toBe('InProgress');
		await expect(
			control(stack, 'POST', '/complete', { distributionId: E1, id: 'INOSUCHONE00000' })
		).rejects.toThrow(/400 .*no invalidation INOSUCHONE00000/);
		await control(stack, 'POST', '/complete', { distributionId: E1, id: running });
		await control(stack, 'POST', '/settings', { completeAfterMs: 60_000 });
	});
});

describe('history paging', () => {
	it('pages through a 5,000-item history newest first with unique ids', async () => {
		await control(stack, 'POST', '/reset', { seedCount: 5000 });
		const all: InvalidationSummary[] = [];
		let pages = 0;
		for (const id of [E1, E2, E3]) {
			const rows: InvalidationSummary[] = [];
			for await (const page of paginateListInvalidations(
				{ client: vera, pageSize: 100 },
				{ DistributionId: id }
			)) {
				pages++;
				const list = page.InvalidationList;
				expect(list?.Quantity).toBe(list?.Items?.length ?? 0);
				expect(list?.IsTruncated).toBe(list?.NextMarker !== undefined);
				rows.push(...(list?.Items ?? []));
			}
			const times = rows.map((r) => r.CreateTime?.getTime() ?? 0);
			expect(times).toEqual([...times].sort((a, b) => b - a));
			all.push(...rows);
		}
		expect(all).toHaveLength(5000);
		expect(new Set(all.map((r) => r.Id)).size).toBe(5000);
		expect(pages).toBeLessThan(60);
	});

	it('caps MaxItems at 100 and rejects an unknown Marker', async () => {
		const big = await vera.send(
			new ListInvalidationsCommand({ DistributionId: E1, MaxItems: 500 })
		);
		expect(big.InvalidationList).toMatchObject({ MaxItems: 100, Quantity: 100, IsTruncated: true });
		await expect(
			vera.send(new ListInvalidationsCommand({ DistributionId: E1, Marker: 'INOTANIDATALL1' }))
		).rejects.toMatchObject({ name: 'InvalidArgument', $metadata: { httpStatusCode: 400 } });
	});
});
