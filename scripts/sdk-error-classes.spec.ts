// The build drops the SDK's per-error classes (sdk-error-classes.mjs). These tests pin the two
// facts that makes safe: the plugin finds every registration in the pinned SDK's modules, and
// the SDK, with no class registered, still names each error by its code, so the console's
// error mapping (src/lib/errors.ts) answers as before.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CloudFrontClient, GetDistributionCommand } from '@aws-sdk/client-cloudfront';
import { CognitoIdentityClient, GetIdCommand } from '@aws-sdk/nested-clients/cognito-identity';
import { TypeRegistry } from '@smithy/core/schema';
import { describe, expect, it } from 'vitest';
import { toAppError, type AppError } from '../src/lib/errors';
import { dropErrorClasses, SCHEMA_MODULES } from './sdk-error-classes.mjs';

const modulePath = (m: string) => fileURLToPath(new URL(`../node_modules${m}`, import.meta.url));

describe('dropErrorClasses on the pinned SDK', () => {
	it.each(SCHEMA_MODULES)('%s: blanks every error registration, keeps the base', (m) => {
		const path = modulePath(m);
		const code = readFileSync(path, 'utf8');
		const errorClasses = readFileSync(
			path.replace('schemas/schemas_0.js', 'models/errors.js'),
			'utf8'
		).match(/^export class \w+ extends/gm);
		const { code: out, dropped } = dropErrorClasses(code);
		expect(dropped).toBe(errorClasses?.length);
		expect(out).not.toMatch(/n0_registry\.registerError/);
		expect(out).toMatch(
			/_s_registry\.registerError\(\w+ServiceException\$, \w+ServiceException\);/
		);
		// Same length and lines: the module's source map still fits.
		expect(out).toHaveLength(code.length);
		expect(out.split('\n')).toHaveLength(code.split('\n').length);
	});

	it('finds nothing in a module of another shape', () => {
		expect(dropErrorClasses('registry.registerError(A$, A);\n').dropped).toBe(0);
	});
});

/** An SDK client whose HTTP layer answers every request with `response`. */
const answering = (status: number, headers: Record<string, string>, body: string) => ({
	handle: async () => ({
		response: {
			statusCode: status,
			reason: '',
			headers,
			body: new Blob([body]).stream()
		}
	})
});

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

/**
 * As the build leaves it: no error class registered for the service. Before the client is made:
 * each client copies the registry when it is created.
 */
function emptyRegistry(namespace: string) {
	TypeRegistry.for(namespace).clear();
}

async function thrown(send: () => Promise<unknown>): Promise<unknown> {
	try {
		await send();
	} catch (e) {
		return e;
	}
	throw new Error('The call did not fail.');
}

describe('SDK errors without their classes', () => {
	it.each<[string, number, string, AppError['kind']]>([
		[
			'NoSuchDistribution',
			404,
			'The specified distribution does not exist.',
			'no-such-distribution'
		],
		[
			'AccessDenied',
			403,
			'User is not authorized to perform: cloudfront:GetDistribution',
			'forbidden'
		],
		[
			'TooManyInvalidationsInProgress',
			400,
			'Your request contains too many invalidations.',
			'busy'
		],
		[
			'InvalidArgument',
			400,
			'Your request contains one or more invalid invalidation paths.',
			'invalid-path'
		]
	])('CloudFront %s keeps its name, message and status', async (code, status, message, kind) => {
		emptyRegistry('com.amazonaws.cloudfront');
		const client = new CloudFrontClient({
			region: 'us-east-1',
			credentials,
			maxAttempts: 1,
			requestHandler: answering(
				status,
				{ 'content-type': 'text/xml' },
				`<?xml version="1.0"?><ErrorResponse xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">` +
					`<Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error>` +
					`<RequestId>6f1c2a9e-0b7d-4e8a-9d51-3c2f0e7a4b18</RequestId></ErrorResponse>`
			)
		});
		const e = await thrown(() => client.send(new GetDistributionCommand({ Id: 'E1ABCDEF' })));
		expect(e).toMatchObject({ name: code, message, $metadata: { httpStatusCode: status } });
		expect(toAppError(e).kind).toBe(kind);
	});

	it('Cognito Identity NotAuthorizedException keeps its name and message', async () => {
		const message = "Invalid login token. Couldn't verify signed token.";
		emptyRegistry('com.amazonaws.cognitoidentity');
		const client = new CognitoIdentityClient({
			region: 'eu-west-1',
			credentials,
			maxAttempts: 1,
			requestHandler: answering(
				400,
				{
					'content-type': 'application/x-amz-json-1.1',
					'x-amzn-errortype': 'NotAuthorizedException:'
				},
				JSON.stringify({ __type: 'NotAuthorizedException', message })
			)
		});
		const e = await thrown(() =>
			client.send(
				new GetIdCommand({ IdentityPoolId: 'eu-west-1:12345678-1234-1234-1234-123456789012' })
			)
		);
		expect(e).toMatchObject({ name: 'NotAuthorizedException', message });
		expect(toAppError(e)).toEqual({ kind: 'identity-denied', message });
	});
});
