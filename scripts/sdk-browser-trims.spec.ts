// The build trims code the console never runs from the AWS SDK (sdk-browser-trims.mjs). These
// tests pin the two facts that makes safe: every trim still finds its text in the pinned SDK, and
// the SDK built for the browser with the trims (as the console's build makes it) still signs,
// hashes, names itself and picks its retry strategy as before.
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoIdentityClient, GetIdCommand } from '@aws-sdk/nested-clients/cognito-identity';
import {
	applyTrim,
	AWS_ENDPOINT_FUNCTIONS,
	NO_ADAPTIVE_RETRY,
	NO_WEB_CRYPTO,
	sdkBrowserTrims,
	TRIMS
} from './sdk-browser-trims.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const modulePath = (m: string) => join(root, 'node_modules', m);
const version = (pkg: string) =>
	(JSON.parse(readFileSync(modulePath(`${pkg}/package.json`), 'utf8')) as { version: string })
		.version;

describe('the trims on the pinned SDK', () => {
	it.each(TRIMS.map((t) => [t.module, t] as const))('%s: every edit applies', (m, trim) => {
		const code = readFileSync(modulePath(m), 'utf8');
		const out = applyTrim(trim, code, modulePath(m));
		expect(out).not.toBe(code);
		// Same lines: the module's source map still fits.
		expect(out.split('\n')).toHaveLength(code.split('\n').length);
	});

	it('refuses a module of another shape', () => {
		const sha = TRIMS.find((t) => t.module.endsWith('/Sha256WebCrypto.js'))!;
		const code = readFileSync(modulePath(sha.module), 'utf8');
		expect(() =>
			applyTrim(sha, code.replace('this.switchToFallback();', 'this.flush();'), '')
		).toThrow(/found it 0 times/);
		expect(() => applyTrim(sha, code + code, '')).toThrow(/found it 2 times/);
	});

	it('keeps the endpoint rule functions the clients call', () => {
		const called = [
			'@aws-sdk/client-cloudfront/dist-es/endpoint/bdd.js',
			'@aws-sdk/nested-clients/dist-es/submodules/cognito-identity/endpoint/bdd.js'
		].flatMap((f) => readFileSync(modulePath(f), 'utf8').match(/"aws\.\w+"/g) ?? []);
		expect([...new Set(called)].map((f) => JSON.parse(f))).toEqual(AWS_ENDPOINT_FUNCTIONS);
	});

	it('refuses a client that reads more than the version from its package.json', () => {
		const client = TRIMS[0];
		const code = readFileSync(modulePath(client.module), 'utf8');
		expect(() =>
			applyTrim(
				client,
				`${code}\nexport const name = packageInfo.name;\n`,
				modulePath(client.module)
			)
		).toThrow(/reads packageInfo\.name/);
	});
});

/** The SDK as the console's browser build bundles it, with the trims, imported in Node. */
type Bundle = {
	CloudFrontClient: typeof import('@aws-sdk/client-cloudfront').CloudFrontClient;
	GetDistributionCommand: typeof import('@aws-sdk/client-cloudfront').GetDistributionCommand;
	CognitoIdentityClient: typeof import('@aws-sdk/nested-clients/cognito-identity').CognitoIdentityClient;
	GetIdCommand: typeof import('@aws-sdk/nested-clients/cognito-identity').GetIdCommand;
	Sha256: new (secret?: Uint8Array) => {
		update(data: Uint8Array): void;
		digest(): Promise<Uint8Array>;
	};
};

const ENTRY = `
export { CloudFrontClient, GetDistributionCommand } from '@aws-sdk/client-cloudfront';
export { CognitoIdentityClient, GetIdCommand } from '@aws-sdk/nested-clients/cognito-identity';
export { Sha256 } from '@smithy/core/checksum';
`;

let dir: string;
let bundleCode: string;
let bundleFile: string;
let sdk: Bundle;

beforeAll(async () => {
	const out = (await build({
		configFile: false,
		root,
		logLevel: 'silent',
		plugins: [
			{
				name: 'entry',
				enforce: 'pre',
				resolveId: (id) => (id.endsWith('sdk-entry') ? '\0sdk-entry' : undefined),
				load: (id) => (id === '\0sdk-entry' ? ENTRY : undefined)
			},
			sdkBrowserTrims()
		],
		build: {
			write: false,
			minify: false,
			lib: { entry: 'sdk-entry', formats: ['es'], fileName: 'sdk' }
		}
	})) as Rolldown.RolldownOutput[];
	// The entry and the chunks it imports on demand, as files Node can import.
	const chunks = out[0].output.filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
	bundleCode = chunks.map((c) => c.code).join('\n');
	dir = mkdtempSync(join(tmpdir(), 'sdk-trims-'));
	for (const c of chunks) writeFileSync(join(dir, c.fileName), c.code);
	bundleFile = join(dir, chunks.find((c) => c.isEntry)!.fileName);
	sdk = (await import(/* @vite-ignore */ pathToFileURL(bundleFile).href)) as Bundle;
}, 60_000);
afterAll(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the browser SDK built with the trims', () => {
	it('leaves out the pure-JS SHA-256, the rate limiter, the S3 rules and package.json texts', () => {
		expect(bundleCode).not.toMatch(/class Sha256Js\b/);
		expect(bundleCode).not.toMatch(/parseArn|isVirtualHostableS3Bucket/);
		expect(bundleCode).not.toMatch(/Africa \(Cape Town\)/);
		expect(bundleCode).not.toMatch(/class DefaultRateLimiter\b/);
		expect(bundleCode).not.toMatch(/resolveParamsForS3/);
		expect(bundleCode).not.toMatch(/"?homepage"?:/);
	});

	const bytes = (n: number) => {
		const out = new Uint8Array(n);
		for (let i = 0; i < n; i++) out[i] = (i * 31 + 7) & 0xff;
		return out;
	};

	// 8 MiB + 1 crosses the size at which the SDK switched to its pure-JS hash.
	it.each([0, 1, 64, 1000, 8 * 1024 * 1024 + 1])(
		'hashes %i bytes as node:crypto does, plain and keyed',
		async (n) => {
			const data = bytes(n);
			const key = new TextEncoder().encode('AWS4secret');
			const plain = new sdk.Sha256();
			const keyed = new sdk.Sha256(key);
			// In two parts, as the signer feeds it.
			for (const h of [plain, keyed]) {
				h.update(data.subarray(0, n >> 1));
				h.update(data.subarray(n >> 1));
			}
			expect(Buffer.from(await plain.digest()).toString('hex')).toBe(
				createHash('sha256').update(data).digest('hex')
			);
			expect(Buffer.from(await keyed.digest()).toString('hex')).toBe(
				createHmac('sha256', key).update(data).digest('hex')
			);
		}
	);

	it('says to use https when the page has no Web Crypto', async () => {
		const crypto = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!;
		// Like a page outside a secure context: no crypto.subtle when the module loads.
		Object.defineProperty(globalThis, 'crypto', { value: {}, configurable: true });
		try {
			const insecure = (await import(
				/* @vite-ignore */ `${pathToFileURL(bundleFile).href}?insecure`
			)) as Bundle;
			const h = new insecure.Sha256();
			h.update(bytes(3));
			await expect(h.digest()).rejects.toThrow(NO_WEB_CRYPTO);
		} finally {
			Object.defineProperty(globalThis, 'crypto', crypto);
		}
	});

	it('retries in the standard mode by default, and names the adaptive mode it left out', async () => {
		const client = new sdk.CloudFrontClient({ region: 'us-east-1', maxAttempts: 5 });
		const strategy = (await client.config.retryStrategy()) as { mode: string };
		expect(strategy.mode).toBe('standard');
		expect(await client.config.maxAttempts()).toBe(5);
		const adaptive = new sdk.CloudFrontClient({ region: 'us-east-1', retryMode: 'adaptive' });
		await expect(adaptive.config.retryStrategy()).rejects.toThrow(NO_ADAPTIVE_RETRY);
	});

	/** Each request the client would send, signed; none is answered. */
	async function sent(
		send: (handler: { handle: (r: unknown) => Promise<never> }) => Promise<unknown>
	) {
		const requests: { hostname: string; path: string; headers: Record<string, string> }[] = [];
		const handler = {
			handle: async (r: unknown) => {
				requests.push(r as (typeof requests)[number]);
				throw new Error('not sent');
			}
		};
		await expect(send(handler)).rejects.toThrow('not sent');
		return requests[0];
	}
	const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

	it('signs a CloudFront request for its endpoint, naming the client and its version', async () => {
		const r = await sent((requestHandler) =>
			new sdk.CloudFrontClient({
				region: 'us-east-1',
				credentials,
				maxAttempts: 1,
				requestHandler
			}).send(new sdk.GetDistributionCommand({ Id: 'E1ABCDEF' }))
		);
		expect(r.hostname).toBe('cloudfront.amazonaws.com');
		expect(r.path).toBe('/2020-05-31/distribution/E1ABCDEF');
		expect(r.headers['x-amz-user-agent'].split(' ')).toContain(
			`api/cloudfront#${version('@aws-sdk/client-cloudfront')}`
		);
		expect(r.headers.authorization).toMatch(
			/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/cloudfront\/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$/
		);
	});

	// Every Region the SDK lists, and one it does not (a new Region finds its partition by pattern).
	const regions = [
		...readFileSync(
			modulePath('@aws-sdk/core/dist-es/submodules/client/util-endpoints/lib/aws/partitions.js'),
			'utf8'
		).matchAll(/^ {16}"([a-z0-9-]+)": \{$/gm)
	].map((m) => m[1]);

	it('finds the same Cognito Identity endpoint as the untrimmed SDK, in every Region', async () => {
		expect(regions.length).toBeGreaterThan(30);
		const getId = new GetIdCommand({ IdentityPoolId: 'eu-west-1:1' });
		for (const region of [...regions, 'eu-new-9']) {
			const trimmed = await sent((requestHandler) =>
				new sdk.CognitoIdentityClient({ region, credentials, maxAttempts: 1, requestHandler }).send(
					new sdk.GetIdCommand({ IdentityPoolId: 'eu-west-1:1' })
				)
			);
			const untrimmed = await sent((requestHandler) =>
				new CognitoIdentityClient({ region, credentials, maxAttempts: 1, requestHandler }).send(
					getId
				)
			);
			expect(`${region}: ${trimmed.hostname}`).toBe(`${region}: ${untrimmed.hostname}`);
		}
	});

	it('sends a Cognito Identity request to its endpoint, naming the client and its version', async () => {
		const r = await sent((requestHandler) =>
			new sdk.CognitoIdentityClient({
				region: 'eu-west-1',
				credentials,
				maxAttempts: 1,
				requestHandler
			}).send(
				new sdk.GetIdCommand({ IdentityPoolId: 'eu-west-1:12345678-1234-1234-1234-123456789012' })
			)
		);
		expect(r.hostname).toBe('cognito-identity.eu-west-1.amazonaws.com');
		expect(r.headers['x-amz-user-agent'].split(' ')).toContain(
			`api/cognito-identity#${version('@aws-sdk/nested-clients')}`
		);
	});
});
