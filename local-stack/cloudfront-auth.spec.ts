import {
	CreateInvalidationCommand,
	GetDistributionCommand,
	ListDistributionsCommand,
	ListInvalidationsCommand,
	type CloudFrontClient
} from '@aws-sdk/client-cloudfront';
import { SignatureV4 } from '@smithy/signature-v4';
import type {
	AwsCredentialIdentity,
	FinalizeRequestMiddleware,
	MetadataBearer
} from '@smithy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningStack } from './server';
import { Sha256 } from './sigv4-verify';
import {
	cloudFront,
	cloudFrontAs,
	control,
	identityCredentials,
	signIn,
	startTestStack
} from './test-support';

const E1 = 'E1LOCALWWW0001';
const E3 = 'E3LOCALDATA001';

let stack: RunningStack;
let aliceCreds: AwsCredentialIdentity;
beforeAll(async () => {
	stack = await startTestStack();
	aliceCreds = await identityCredentials(
		stack,
		(await signIn(stack, 'alice@example.com')).idToken
	)();
});
afterAll(() => stack.close());

const batchXml = (path: string) =>
	`<?xml version="1.0" encoding="UTF-8"?><InvalidationBatch xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Paths><Quantity>1</Quantity><Items><Path>${path}</Path></Items></Paths><CallerReference>raw-${Math.random()}</CallerReference></InvalidationBatch>`;

/** Signs a CreateInvalidation by hand, as the SDK would, and returns the signed headers. */
async function signCreate(body: string, creds: AwsCredentialIdentity, signingDate = new Date()) {
	const url = new URL(`${stack.urls.cloudfront}/2020-05-31/distribution/${E1}/invalidation`);
	const signer = new SignatureV4({
		service: 'cloudfront',
		region: 'us-east-1',
		sha256: Sha256,
		credentials: creds
	});
	const signed = await signer.sign(
		{
			method: 'POST',
			protocol: 'http:',
			hostname: url.hostname,
			port: Number(url.port),
			path: url.pathname,
			query: {},
			headers: { host: url.host, 'content-type': 'application/xml' },
			body
		},
		{ signingDate }
	);
	return { url, headers: signed.headers };
}

const errorCode = async (res: Response) => /<Code>([^<]+)<\/Code>/.exec(await res.text())?.[1];

describe('SigV4 at the CloudFront front door', () => {
	it('accepts a correctly signed raw request (control for the tamper tests)', async () => {
		const body = batchXml('/ok.html');
		const { url, headers } = await signCreate(body, aliceCreds);
		const res = await fetch(url, { method: 'POST', headers, body });
		expect(res.status).toBe(201);
	});

	it('SignatureDoesNotMatch for a body changed after signing (replayed headers)', async () => {
		const { url, headers } = await signCreate(batchXml('/a.html'), aliceCreds);
		const res = await fetch(url, { method: 'POST', headers, body: batchXml('/b.html') });
		expect(res.status).toBe(403);
		expect(await errorCode(res)).toBe('SignatureDoesNotMatch');
	});

	it('SignatureDoesNotMatch for signed headers replayed against another distribution', async () => {
		const body = batchXml('/a.html');
		const { url, headers } = await signCreate(body, aliceCreds);
		const other = new URL(url.href.replace(E1, 'E2LOCALSHOP001'));
		const res = await fetch(other, { method: 'POST', headers, body });
		expect(res.status).toBe(403);
		expect(await errorCode(res)).toBe('SignatureDoesNotMatch');
	});

	it('SignatureDoesNotMatch for a body changed by a middleware after the SDK signed it', async () => {
		const client = cloudFront(stack, aliceCreds);
		const tamper: FinalizeRequestMiddleware<object, MetadataBearer> = (next) => (args) => {
			const request = args.request as { body?: unknown };
			if (typeof request.body === 'string')
				request.body = request.body.replace('/a.html', '/b.html');
			return next(args);
		};
		client.middlewareStack.addRelativeTo(tamper, {
			relation: 'after',
			toMiddleware: 'httpSigningMiddleware'
		});
		await expect(
			client.send(
				new CreateInvalidationCommand({
					DistributionId: E1,
					InvalidationBatch: {
						CallerReference: 'tamper',
						Paths: { Quantity: 1, Items: ['/a.html'] }
					}
				})
			)
		).rejects.toMatchObject({ name: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } });
		client.destroy();
	});

	it('SignatureDoesNotMatch for a wrong secret', async () => {
		const client = cloudFront(stack, { ...aliceCreds, secretAccessKey: 'not-the-secret' });
		await expect(
			client.send(new ListInvalidationsCommand({ DistributionId: E1 }))
		).rejects.toMatchObject({
			name: 'SignatureDoesNotMatch',
			$metadata: { httpStatusCode: 403 }
		});
	});

	it('SignatureDoesNotMatch for a client configured with region eu-west-1', async () => {
		const client = cloudFront(stack, aliceCreds, 'eu-west-1');
		await expect(client.send(new ListDistributionsCommand({}))).rejects.toMatchObject({
			name: 'SignatureDoesNotMatch',
			message: "Credential should be scoped to a valid region, not 'eu-west-1'. ",
			$metadata: { httpStatusCode: 403 }
		});
	});

	it('SignatureDoesNotMatch ("Signature expired") for a request signed 10 minutes ago', async () => {
		const body = batchXml('/old.html');
		const { url, headers } = await signCreate(body, aliceCreds, new Date(Date.now() - 10 * 60_000));
		const res = await fetch(url, { method: 'POST', headers, body });
		const text = await res.text();
		expect(res.status).toBe(403);
		expect(text).toContain('<Code>SignatureDoesNotMatch</Code>');
		expect(text).toMatch(/Signature expired: \d{8}T\d{6}Z is now earlier than/);
	});

	it('InvalidClientTokenId for an unknown key and for a missing session token', async () => {
		const unknown = cloudFront(stack, { ...aliceCreds, accessKeyId: 'ASIAUNKNOWNKEY000000' });
		await expect(unknown.send(new ListDistributionsCommand({}))).rejects.toMatchObject({
			name: 'InvalidClientTokenId',
			$metadata: { httpStatusCode: 403 }
		});
		const noToken = cloudFront(stack, {
			accessKeyId: aliceCreds.accessKeyId,
			secretAccessKey: aliceCreds.secretAccessKey
		});
		await expect(noToken.send(new ListDistributionsCommand({}))).rejects.toMatchObject({
			name: 'InvalidClientTokenId'
		});
	});

	it('MissingAuthenticationToken (403) without an Authorization header', async () => {
		const res = await fetch(`${stack.urls.cloudfront}/2020-05-31/distribution`);
		expect(res.status).toBe(403);
		expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
		expect(res.headers.get('date')).toBeTruthy();
		expect(await errorCode(res)).toBe('MissingAuthenticationToken');
	});

	it('ExpiredToken (403) once the expire-credentials fault has fired', async () => {
		const { idToken } = await signIn(stack, 'bob@example.com');
		const client = cloudFront(stack, identityCredentials(stack, idToken));
		await expect(client.send(new ListDistributionsCommand({}))).resolves.toBeTruthy();
		await control(stack, 'POST', '/faults', { kind: 'expire-credentials' });
		await expect(client.send(new ListDistributionsCommand({}))).rejects.toMatchObject({
			name: 'ExpiredToken',
			$metadata: { httpStatusCode: 403 }
		});
		client.destroy();
	});
});

describe('scope per user (IAM)', () => {
	let alice: CloudFrontClient;
	let vera: CloudFrontClient;
	let bob: CloudFrontClient;
	beforeAll(async () => {
		[alice, vera, bob] = await Promise.all(
			['alice@example.com', 'vera@example.com', 'bob@example.com'].map((u) =>
				cloudFrontAs(stack, u)
			)
		);
	});
	afterAll(() => [alice, vera, bob].forEach((c) => c.destroy()));

	const purge = (client: CloudFrontClient, id: string) =>
		client.send(
			new CreateInvalidationCommand({
				DistributionId: id,
				InvalidationBatch: {
					CallerReference: `scope-${Math.random()}`,
					Paths: { Quantity: 1, Items: ['/index.html'] }
				}
			})
		);

	it('alice purges E1 but gets AccessDenied on E3', async () => {
		await expect(purge(alice, E1)).resolves.toMatchObject({ $metadata: { httpStatusCode: 201 } });
		await expect(purge(alice, E3)).rejects.toMatchObject({
			name: 'AccessDenied',
			message:
				'User: arn:aws:sts::111122223333:assumed-role/console-web-operator/CognitoIdentityCredentials is not authorized to perform: cloudfront:CreateInvalidation on resource: arn:aws:cloudfront::111122223333:distribution/E3LOCALDATA001 because no identity-based policy allows the cloudfront:CreateInvalidation action',
			$metadata: { httpStatusCode: 403 }
		});
		await expect(alice.send(new GetDistributionCommand({ Id: E3 }))).rejects.toMatchObject({
			name: 'AccessDenied'
		});
	});

	it('bob purges E3 only', async () => {
		await expect(purge(bob, E3)).resolves.toBeTruthy();
		await expect(purge(bob, E1)).rejects.toMatchObject({ name: 'AccessDenied' });
	});

	it('vera reads all three distributions but may purge none', async () => {
		const list = await vera.send(new ListDistributionsCommand({}));
		expect(list.DistributionList?.Items?.map((d) => d.Id)).toEqual([E1, 'E2LOCALSHOP001', E3]);
		for (const id of [E1, 'E2LOCALSHOP001', E3]) {
			await expect(
				vera.send(new ListInvalidationsCommand({ DistributionId: id }))
			).resolves.toBeTruthy();
			await expect(purge(vera, id)).rejects.toMatchObject({
				name: 'AccessDenied',
				$metadata: { httpStatusCode: 403 }
			});
		}
	});
});
