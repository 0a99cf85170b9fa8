import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningStack } from './server';
import { startTestStack } from './test-support';

// Preflights as a browser sends them for the v3 SDK, answered as AWS's recorded ones
// (https://github.com/AllanZhengYP/cors-test, output.md).

let stack: RunningStack;
beforeAll(async () => {
	stack = await startTestStack({ seedCount: 0 });
});
afterAll(() => stack.close());

const EXPOSE = 'x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date';
const CLOUDFRONT_HEADERS =
	'amz-sdk-invocation-id,amz-sdk-request,authorization,content-type,x-amz-content-sha256,x-amz-date,x-amz-security-token,x-amz-user-agent';

const preflight = (url: string, method: string, headers: string) =>
	fetch(url, {
		method: 'OPTIONS',
		headers: {
			origin: 'http://localhost:5173',
			'access-control-request-method': method,
			'access-control-request-headers': headers
		}
	});

describe('CORS', () => {
	it('CloudFront preflight: 200, echoes headers and method, Max-Age 172800', async () => {
		const res = await preflight(
			`${stack.urls.cloudfront}/2020-05-31/distribution/E1LOCALWWW0001/invalidation`,
			'POST',
			CLOUDFRONT_HEADERS
		);
		expect(res.status).toBe(200);
		expect(Object.fromEntries(res.headers)).toMatchObject({
			'access-control-allow-origin': '*',
			'access-control-allow-headers': CLOUDFRONT_HEADERS,
			'access-control-allow-methods': 'POST',
			'access-control-max-age': '172800',
			'access-control-expose-headers': EXPOSE
		});
		expect(res.headers.get('access-control-allow-credentials')).toBeNull();
		expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
	});

	it('CloudFront errors carry CORS headers so the browser can read them', async () => {
		const res = await fetch(`${stack.urls.cloudfront}/2020-05-31/distribution`, {
			headers: { origin: 'http://localhost:5173' }
		});
		expect(res.status).toBe(403);
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		expect(res.headers.get('access-control-expose-headers')).toBe(EXPOSE);
	});

	it('Cognito Identity preflight answers POST and echoes the SDK headers', async () => {
		const headers =
			'amz-sdk-invocation-id,amz-sdk-request,content-type,x-amz-target,x-amz-user-agent';
		const res = await preflight(`${stack.urls.identity}/`, 'POST', headers);
		expect(res.status).toBe(200);
		expect(res.headers.get('access-control-allow-headers')).toBe(headers);
		expect(res.headers.get('access-control-allow-methods')).toBe('POST');
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
	});

	it('JWKS and the revocation endpoint are readable cross-origin', async () => {
		const jwks = await fetch(`${stack.urls.issuer}/.well-known/jwks.json`);
		expect(jwks.headers.get('access-control-allow-origin')).toBe('*');
		expect((await jwks.json()).keys).toHaveLength(2);
		const res = await preflight(`${stack.urls.auth}/oauth2/revoke`, 'POST', 'content-type');
		expect(res.status).toBe(200);
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
	});

	it('the control API answers preflights and CORS too', async () => {
		const res = await preflight(`${stack.urls.control}/faults`, 'POST', 'content-type');
		expect(res.status).toBe(200);
		const health = await fetch(`${stack.urls.control}/health`);
		expect(health.headers.get('access-control-allow-origin')).toBe('*');
	});
});
