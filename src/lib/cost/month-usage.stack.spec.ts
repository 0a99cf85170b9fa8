// Month-to-date usage and the detail cache against the local stack, through the console's real
// CloudFront module (SDK v3, SigV4, identity-pool credentials): the counts must equal the
// stack's own record, each detail must be fetched once, and a distribution the user can't read
// must be reported, not guessed.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ID, IDENTITY_POOL_ID } from '../../../local-stack/constants';
import { DISTRIBUTION_IDS } from '../../../local-stack/distributions';
import type { RunningStack } from '../../../local-stack/server';
import {
	controlInvalidations,
	signIn,
	startTestStack,
	type ControlInvalidation
} from '../../../local-stack/test-support';
import { createCloudFrontApi, type CloudFrontApi } from '$lib/aws/cloudfront';
import { parseConfig } from '$lib/config';
import { createDetailCache } from '$lib/history/detail-cache';
import { countMonthUsage, monthStartUtc } from './month-usage';

let stack: RunningStack;
let api: CloudFrontApi;
let sub: string;
let record: ControlInvalidation[];
const [E1, E2, E3] = DISTRIBUTION_IDS;

beforeAll(async () => {
	stack = await startTestStack({ seedCount: 300 });
	const config = parseConfig({
		region: 'us-east-1',
		identityPoolId: IDENTITY_POOL_ID,
		auth: { issuer: stack.urls.issuer, domain: stack.urls.auth, clientId: CLIENT_ID },
		endpoints: { cloudfront: stack.urls.cloudfront, cognitoIdentity: stack.urls.identity }
	});
	// alice operates E1 and E2 and cannot read E3.
	const { idToken, claims } = await signIn(stack, 'alice@example.com');
	sub = claims.sub;
	api = createCloudFrontApi(config, sub, async () => idToken);
	record = (await Promise.all(DISTRIBUTION_IDS.map((d) => controlInvalidations(stack, d)))).flat();
});
afterAll(() => stack.close());

describe('countMonthUsage on the local stack', () => {
	it('matches the stack record for the month, fetching each detail once', async () => {
		const now = new Date();
		const inMonth = (d: string) =>
			record.filter((i) => i.distributionId === d && new Date(i.createTime) >= monthStartUtc(now));
		const fetched: string[] = [];
		const cache = await createDetailCache({
			userKey: sub,
			fetchDetail: (d, id) => {
				fetched.push(`${d}/${id}`);
				return api.getInvalidation(d, id);
			}
		});
		const sources = { listInvalidations: api.listInvalidations, getDetail: cache.get };

		const usage = await countMonthUsage(DISTRIBUTION_IDS, sources, { now });
		const paths = (d: string) => inMonth(d).reduce((n, i) => n + i.paths.length, 0);
		expect(usage.byDistribution.map((l) => l.paths)).toEqual([paths(E1), paths(E2), 0]);
		expect(usage.byDistribution[0].invalidations).toBe(inMonth(E1).length);
		expect(usage.unseen.map((u) => u.distributionId)).toEqual([E3]);
		expect(usage.unseen[0].error).toMatchObject({ appError: { kind: 'forbidden' } });
		expect(usage.isLowerBound).toBe(true);
		const monthIds = [...inMonth(E1), ...inMonth(E2)].map((i) => `${i.distributionId}/${i.id}`);
		expect(fetched.sort()).toEqual(monthIds.sort());

		// Counting again fetches only what was not Completed.
		const before = fetched.length;
		const again = await countMonthUsage(DISTRIBUTION_IDS, sources, { now });
		expect(again.byDistribution).toEqual(usage.byDistribution);
		const running = [...inMonth(E1), ...inMonth(E2)].filter((i) => i.status !== 'Completed');
		expect(fetched.length - before).toBeLessThanOrEqual(running.length);
	});
});
