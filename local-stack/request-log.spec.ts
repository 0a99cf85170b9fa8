import {
	GetDistributionCommand,
	ListInvalidationsCommand,
	type CloudFrontClient
} from '@aws-sdk/client-cloudfront';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestLog } from './request-log';
import type { RunningStack } from './server';
import { closeStack, control, openStackAs } from './test-support';

const E1 = 'E1LOCALWWW0001';

let stack: RunningStack;
let alice: CloudFrontClient;
beforeAll(async () => {
	({ stack, client: alice } = await openStackAs('alice@example.com', { seedCount: 5 }));
});
afterAll(() => closeStack(stack, alice));

type Logged = { requests: { operation: string; distributionId?: string; maxItems?: string }[] };

describe('GET /_stack/requests', () => {
	it('lists the CloudFront calls received, filtered by operation, until DELETE forgets them', async () => {
		await control(stack, 'DELETE', '/requests');
		await alice.send(new ListInvalidationsCommand({ DistributionId: E1, MaxItems: 10 }));
		await alice.send(new GetDistributionCommand({ Id: E1 }));
		await alice.send(new ListInvalidationsCommand({ DistributionId: E1, MaxItems: 100 }));

		const listed = await control<Logged>(stack, 'GET', '/requests?operation=ListInvalidations');
		expect(listed.requests.map((r) => [r.distributionId, r.maxItems])).toEqual([
			[E1, '10'],
			[E1, '100']
		]);
		expect((await control<Logged>(stack, 'GET', '/requests')).requests).toHaveLength(3);

		await control(stack, 'DELETE', '/requests');
		expect((await control<Logged>(stack, 'GET', '/requests')).requests).toEqual([]);
	});
});

describe('RequestLog', () => {
	it('keeps only the newest entries past its bound', () => {
		const log = new RequestLog(3);
		for (const operation of ['A', 'B', 'C', 'D']) log.record({ operation, at: '' });
		expect(log.list().map((e) => e.operation)).toEqual(['B', 'C', 'D']);
	});
});
