import {
	CreateInvalidationCommand,
	GetInvalidationCommand,
	type CloudFrontClient
} from '@aws-sdk/client-cloudfront';
import type { FinalizeRequestMiddleware, MetadataBearer } from '@smithy/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunningStack } from './server';
import {
	closeStack,
	cloudFront,
	control,
	controlInvalidations,
	openStackAs,
	roleCredentials
} from './test-support';

const E1 = 'E1LOCALWWW0001';
const E2 = 'E2LOCALSHOP001';

let stack: RunningStack;
let alice: CloudFrontClient;
let ref = 0;
beforeAll(async () => {
	({ stack, client: alice } = await openStackAs('alice@example.com', { seedCount: 0 }));
});
afterAll(() => closeStack(stack, alice));
// A clean slate per test: no history, nothing in progress, no faults.
beforeEach(() => control(stack, 'POST', '/reset', { seedCount: 0 }));

const create = (items: string[], distributionId = E1, quantity = items.length, client = alice) =>
	client.send(
		new CreateInvalidationCommand({
			DistributionId: distributionId,
			InvalidationBatch: {
				CallerReference: `test-${++ref}`,
				Paths: { Quantity: quantity, Items: items }
			}
		})
	);

describe('CreateInvalidation accepts what CloudFront accepts', () => {
	it('creates an InProgress invalidation (201 + Location)', async () => {
		const out = await create(['/index.html', '/assets/*']);
		expect(out.$metadata.httpStatusCode).toBe(201);
		expect(out.Location).toBe(
			`${stack.urls.cloudfront}/2020-05-31/distribution/${E1}/invalidation/${out.Invalidation?.Id}`
		);
		expect(out.Invalidation).toMatchObject({
			Id: expect.stringMatching(/^I[A-Z0-9]{13}$/),
			Status: 'InProgress',
			InvalidationBatch: { Paths: { Quantity: 2 } }
		});
		expect(out.Invalidation?.InvalidationBatch?.Paths?.Items).toEqual(
			expect.arrayContaining(['/index.html', '/assets/*'])
		);
		expect(out.Invalidation?.CreateTime).toBeInstanceOf(Date);
	});

	it.each([
		['a non-final * (a literal asterisk)', '/img/*.png'],
		['%2A (matches nothing)', '/img/%2A'],
		['%7E (matches nothing)', '/docs/%7Euser/index.html'],
		['a query string', '/a.jpg?x=1'],
		['the root object', '/'],
		['a %20-encoded space', '/a%20b.html'],
		['a path of exactly 4,000 characters', '/' + 'a'.repeat(3999)]
	])('accepts %s', async (_why, item) => {
		const out = await create([item]);
		expect(out.$metadata.httpStatusCode).toBe(201);
		expect(out.Invalidation?.InvalidationBatch?.Paths?.Items).toEqual([item]);
	});

	it('echoes the paths back in another order than sent (no order is documented)', async () => {
		const sent = ['/z.html', '/a.html', '/m/*'];
		const out = await create(sent);
		const echoed = out.Invalidation?.InvalidationBatch?.Paths?.Items ?? [];
		expect(echoed).not.toEqual(sent);
		expect([...echoed].sort()).toEqual([...sent].sort());
	});

	it('accepts tags and paths mixed on the distribution with a CacheTagConfig', async () => {
		const out = await create(['#product:red-shoes', '/products/*', '#' + 'x'.repeat(256)], E2);
		expect(out.$metadata.httpStatusCode).toBe(201);
	});
});

describe('CreateInvalidation refuses what CloudFront refuses', () => {
	it.each([
		['no leading slash', 'index.html'],
		['a raw space', '/a b.html'],
		['a raw ~', '/~user/'],
		['a raw double quote', '/a"b'],
		['a raw <', '/a<b'],
		['a raw {', '/a{b}'],
		['a raw |', '/a|b'],
		['a raw ^', '/a^b'],
		['a raw [', '/a[1]'],
		['a raw backtick', '/a`b'],
		['a raw backslash', '/a\\b'],
		['a # inside a path', '/a#b'],
		['a % that starts no escape', '/50%off'],
		['raw non-ASCII', '/café.html'],
		['a control character (tab)', '/a\tb'],
		['DEL', '/a\u007fb'],
		['more than 4,000 characters', '/' + 'a'.repeat(4000)],
		['a tag on a distribution without CacheTagConfig', '#sale']
	])('InvalidArgument for %s', async (_why, item) => {
		await expect(create(['/ok.html', item])).rejects.toMatchObject({
			name: 'InvalidArgument',
			message: expect.any(String),
			$metadata: { httpStatusCode: 400 }
		});
	});

	it.each([
		['a comma', '#a,b'],
		['a space', '#a b'],
		['257 characters', '#' + 'x'.repeat(257)],
		['nothing after #', '#'],
		['non-ASCII', '#café']
	])('InvalidArgument for a tag with %s', async (_why, item) => {
		await expect(create([item], E2)).rejects.toMatchObject({
			name: 'InvalidArgument',
			$metadata: { httpStatusCode: 400 }
		});
	});

	it('InconsistentQuantities when Quantity and the items differ', async () => {
		await expect(create(['/a', '/b'], E1, 1)).rejects.toMatchObject({
			name: 'InconsistentQuantities',
			message:
				'The specified quantity of Paths (1) does not match the actual quantity supplied (2).',
			$metadata: { httpStatusCode: 400 }
		});
	});

	it('MissingBody when the request has no body', async () => {
		const client = cloudFront(stack, await roleCredentials(stack));
		// Empties the body before signing, so only the body rule can object.
		const strip: FinalizeRequestMiddleware<object, MetadataBearer> = (next) => (args) => {
			const request = args.request as { body?: unknown; headers?: Record<string, string> };
			request.body = '';
			if (request.headers) request.headers['content-length'] = '0';
			return next(args);
		};
		client.middlewareStack.addRelativeTo(strip, {
			relation: 'before',
			toMiddleware: 'httpSigningMiddleware'
		});
		await expect(create(['/a'], E1, 1, client)).rejects.toMatchObject({
			name: 'MissingBody',
			$metadata: { httpStatusCode: 400 }
		});
		client.destroy();
	});

	it('BatchTooLarge (413) above 3,000 items in one request', async () => {
		const items = Array.from({ length: 3001 }, (_, i) => `/f/${i}.html`);
		await expect(create(items)).rejects.toMatchObject({
			name: 'BatchTooLarge',
			$metadata: { httpStatusCode: 413 }
		});
	});

	it('NoSuchDistribution (404) for a distribution the caller may act on but that does not exist', async () => {
		const admin = cloudFront(stack, await roleCredentials(stack));
		await expect(create(['/a'], 'E9NOSUCHDIST01', 1, admin)).rejects.toMatchObject({
			name: 'NoSuchDistribution',
			$metadata: { httpStatusCode: 404 }
		});
		admin.destroy();
	});

	it('AccessDenied (403) for an unknown distribution outside the role: IAM answers first', async () => {
		await expect(create(['/a'], 'E9NOSUCHDIST01')).rejects.toMatchObject({
			name: 'AccessDenied',
			$metadata: { httpStatusCode: 403 }
		});
	});
});

describe('in-progress limits', () => {
	it('TooManyInvalidationsInProgress above 15 wildcard paths in progress', async () => {
		const wildcards = (n: number, p: string) => Array.from({ length: n }, (_, i) => `/${p}${i}/*`);
		await create(wildcards(10, 'a'));
		await create(wildcards(5, 'b'));
		await expect(create(['/c/*'])).rejects.toMatchObject({
			name: 'TooManyInvalidationsInProgress',
			message: expect.stringContaining('wildcard'),
			$metadata: { httpStatusCode: 400 }
		});
		// File paths have their own bucket.
		await expect(create(['/still-fine.html'])).resolves.toBeTruthy();
	});

	it('TooManyInvalidationsInProgress for 16 wildcards in one batch', async () => {
		const items = Array.from({ length: 16 }, (_, i) => `/w${i}*`);
		await expect(create(items)).rejects.toMatchObject({ name: 'TooManyInvalidationsInProgress' });
	});

	it('TooManyInvalidationsInProgress above 3,000 file paths in progress; tags count as file paths', async () => {
		await create(
			Array.from({ length: 2999 }, (_, i) => `/f/${i}.html`),
			E2
		);
		await create(['#sale'], E2);
		await expect(create(['#new'], E2)).rejects.toMatchObject({
			name: 'TooManyInvalidationsInProgress',
			$metadata: { httpStatusCode: 400 }
		});
		await expect(create(['/products/*'], E2)).resolves.toBeTruthy();
	});

	it('frees capacity once invalidations complete', async () => {
		// A fake Date for the stack and the SDK alike (one process): no waiting on the real clock.
		vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
		try {
			await control(stack, 'POST', '/settings', { completeAfterMs: 800 });
			await create(Array.from({ length: 15 }, (_, i) => `/x${i}/*`));
			await expect(create(['/y/*'])).rejects.toMatchObject({
				name: 'TooManyInvalidationsInProgress'
			});
			vi.advanceTimersByTime(799);
			await expect(create(['/y/*'])).rejects.toMatchObject({
				name: 'TooManyInvalidationsInProgress'
			});
			vi.advanceTimersByTime(1);
			await expect(create(['/y/*'])).resolves.toBeTruthy();
		} finally {
			vi.useRealTimers();
			await control(stack, 'POST', '/settings', { completeAfterMs: 60_000 });
		}
	});
});

describe('CallerReference idempotency', () => {
	const batch = (ref: string, items: string[]) =>
		new CreateInvalidationCommand({
			DistributionId: E1,
			InvalidationBatch: { CallerReference: ref, Paths: { Quantity: items.length, Items: items } }
		});

	it('returns the existing invalidation for the same reference and paths', async () => {
		const first = await alice.send(batch('purge-42', ['/index.html', '/css/*']));
		const again = await alice.send(batch('purge-42', ['/index.html', '/css/*']));
		expect(again.$metadata.httpStatusCode).toBe(201);
		expect(again.Invalidation?.Id).toBe(first.Invalidation?.Id);
		const stored = (await controlInvalidations(stack, E1)).filter(
			(i) => i.callerReference === 'purge-42'
		);
		expect(stored).toHaveLength(1);
	});

	it('InvalidationBatchAlreadyExists (409) for the same reference with other paths', async () => {
		await alice.send(batch('purge-43', ['/index.html']));
		await expect(alice.send(batch('purge-43', ['/about.html']))).rejects.toMatchObject({
			name: 'InvalidationBatchAlreadyExists',
			$metadata: { httpStatusCode: 409 }
		});
	});

	it('NoSuchInvalidation (404) for an unknown id', async () => {
		await expect(
			alice.send(new GetInvalidationCommand({ DistributionId: E1, Id: 'I0000000000000' }))
		).rejects.toMatchObject({
			name: 'NoSuchInvalidation',
			$metadata: { httpStatusCode: 404 }
		});
	});
});
