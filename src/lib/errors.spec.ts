import { describe as group, it, expect } from 'vitest';
import fc from 'fast-check';
import { describe, isCredentialError, ReauthRequired, toAppError, type AppError } from './errors';

// Error names and statuses: cloudfront.md §7 (SDK v3 sets err.name to the service's error code).

/** An error as SDK v3 throws it: `name` is the service's code, the status is in `$metadata`. */
function serviceError(name: string, message = `${name} message`, status?: number) {
	return Object.assign(new Error(message), {
		name,
		$metadata: status === undefined ? {} : { httpStatusCode: status }
	});
}

const accessDenied =
	'User: arn:aws:sts::111122223333:assumed-role/ViewerRole/CognitoIdentityCredentials is not authorized to perform: cloudfront:CreateInvalidation on resource: arn:aws:cloudfront::111122223333:distribution/E1ABCDEF because no identity-based policy allows the cloudfront:CreateInvalidation action';

group('toAppError', () => {
	it.each([
		{
			input: new ReauthRequired('The refresh token was revoked.'),
			expected: { kind: 'reauth-required', reason: 'The refresh token was revoked.' },
			why: 'the session gave up refreshing'
		},
		{
			input: serviceError('ExpiredToken', 'The security token included in the request is expired'),
			expected: {
				kind: 'reauth-required',
				reason: 'The security token included in the request is expired'
			},
			why: 'CloudFront: expired credentials'
		},
		{
			input: serviceError('ExpiredTokenException'),
			expected: { kind: 'reauth-required', reason: 'ExpiredTokenException message' },
			why: 'the JSON-protocol spelling'
		},
		{
			input: serviceError('InvalidClientTokenId'),
			expected: { kind: 'reauth-required', reason: 'InvalidClientTokenId message' },
			why: 'credentials no longer valid'
		},
		{
			input: serviceError('AccessDenied', accessDenied, 403),
			expected: {
				kind: 'forbidden',
				action: 'cloudfront:CreateInvalidation',
				message: accessDenied
			},
			why: 'the action is read from the message'
		},
		{
			input: serviceError('AccessDeniedException', 'Access denied', 403),
			expected: { kind: 'forbidden', action: 'this action', message: 'Access denied' },
			why: 'no action in the message'
		},
		{
			input: serviceError('NotAuthorizedException', 'Token is expired.', 400),
			expected: { kind: 'identity-denied', message: 'Token is expired.' },
			why: 'Cognito Identity refused the ID token'
		},
		{
			input: serviceError('NoSuchDistribution', 'The specified distribution does not exist.', 404),
			expected: { kind: 'no-such-distribution' },
			why: 'unknown distribution'
		},
		{
			input: serviceError('NoSuchInvalidation', 'x', 404),
			expected: { kind: 'no-such-invalidation' },
			why: 'unknown invalidation'
		},
		{
			input: serviceError(
				'TooManyInvalidationsInProgress',
				'Processing your request will cause you to exceed the maximum number of in-progress wildcard invalidations.',
				400
			),
			expected: {
				kind: 'busy',
				message:
					'Processing your request will cause you to exceed the maximum number of in-progress wildcard invalidations.'
			},
			why: 'the SDK does not retry this one: the app must'
		},
		{
			input: serviceError(
				'InvalidArgument',
				'Your request contains one or more invalid invalidation paths.',
				400
			),
			expected: {
				kind: 'invalid-path',
				message: 'Your request contains one or more invalid invalidation paths.'
			},
			why: 'a path CloudFront refused'
		},
		{
			input: serviceError('BatchTooLarge', 'x', 413),
			expected: { kind: 'batch-too-large' },
			why: 'too many items in one request'
		},
		{
			input: serviceError('Throttling', 'Rate exceeded', 400),
			expected: { kind: 'throttled' },
			why: 'CloudFront rate limit'
		},
		{
			input: serviceError('ThrottlingException'),
			expected: { kind: 'throttled' },
			why: 'JSON-protocol spelling'
		},
		{
			input: serviceError('TooManyRequestsException'),
			expected: { kind: 'throttled' },
			why: 'Cognito rate limit'
		},
		...[
			'InconsistentQuantities',
			'MissingBody',
			'MalformedXML',
			'InvalidationBatchAlreadyExists',
			'SignatureDoesNotMatch'
		].map((code) => ({
			input: serviceError(code, `${code} detail`, 400),
			expected: { kind: 'bug', code, message: `${code} detail` },
			why: 'the console built a bad request'
		})),
		{
			input: serviceError(
				'ServiceUnavailable',
				'CloudFront encountered an internal error. Please try again.',
				503
			),
			expected: { kind: 'service-unavailable', status: 503 },
			why: 'after the SDK gave up retrying'
		},
		{
			input: serviceError('InternalError', 'x', 500),
			expected: { kind: 'service-unavailable', status: 500 },
			why: 'internal error'
		},
		{
			input: serviceError('InternalErrorException'),
			expected: { kind: 'service-unavailable', status: undefined },
			why: 'no status known'
		},
		{
			input: serviceError('CloudFrontServiceException', 'Bad Gateway', 502),
			expected: { kind: 'service-unavailable', status: 502 },
			why: 'any other 5xx'
		},
		{
			input: serviceError('SomeNewCode', 'what AWS said', 500),
			expected: { kind: 'unknown', message: 'what AWS said' },
			why: 'a named error is decided by its name, never by its status'
		},
		{
			input: serviceError('InternalError', 'x', 400),
			expected: { kind: 'service-unavailable', status: 400 },
			why: 'a known name wins over an unexpected status'
		},
		{
			input: new TypeError('Failed to fetch'),
			expected: { kind: 'network' },
			why: 'Chrome: fetch rejected (offline or CORS)'
		},
		{
			input: new TypeError('NetworkError when attempting to fetch resource.'),
			expected: { kind: 'network' },
			why: 'Firefox'
		},
		{
			input: new Error('Load failed'),
			expected: { kind: 'network' },
			why: 'Safari, when wrapped in a plain Error'
		},
		{
			input: serviceError('SomethingNew', 'A new error', 400),
			expected: { kind: 'unknown', message: 'A new error' },
			why: 'a 4xx the console does not know'
		},
		{
			input: 'plain text thrown',
			expected: { kind: 'unknown', message: 'plain text thrown' },
			why: 'a thrown string'
		},
		{ input: undefined, expected: { kind: 'unknown', message: 'undefined' }, why: 'nothing' },
		{ input: null, expected: { kind: 'unknown', message: 'null' }, why: 'null' },
		{
			input: Object.create(null),
			expected: { kind: 'unknown', message: '[object Object]' },
			why: 'an object String() cannot convert'
		}
	])('$expected.kind: $why', ({ input, expected }) => {
		expect(toAppError(input)).toEqual(expected);
	});

	it('never throws, and always gives an error describe() can word', () => {
		fc.assert(
			fc.property(fc.anything(), (e) => {
				const { title, action } = describe(toAppError(e));
				expect(title).not.toBe('');
				expect(action).not.toBe('');
			})
		);
	});

	it('never throws on error-like objects with any name, message and status', () => {
		const errorLike = fc.record(
			{
				name: fc.oneof(fc.string(), fc.constantFrom('AccessDenied', 'Throttling'), fc.anything()),
				message: fc.oneof(fc.string(), fc.anything()),
				$metadata: fc.record({ httpStatusCode: fc.oneof(fc.integer(), fc.anything()) })
			},
			{ requiredKeys: [] }
		);
		fc.assert(
			fc.property(errorLike, (e) => {
				expect(typeof toAppError(e).kind).toBe('string');
			})
		);
	});
});

group('isCredentialError', () => {
	it.each([
		{ input: serviceError('ExpiredToken'), expected: true, why: 'expired session credentials' },
		{ input: serviceError('ExpiredTokenException'), expected: true, why: 'JSON-protocol spelling' },
		{ input: serviceError('InvalidClientTokenId'), expected: true, why: 'unknown access key' },
		{ input: serviceError('AccessDenied'), expected: false, why: 'new credentials would not help' },
		{ input: serviceError('NotAuthorizedException'), expected: false, why: 'the ID token is bad' },
		{ input: new ReauthRequired('x'), expected: false, why: 'refreshing already failed' },
		{ input: 'ExpiredToken', expected: false, why: 'a string is not an error' },
		{ input: null, expected: false, why: 'null' },
		{ input: undefined, expected: false, why: 'nothing' }
	])('$why → $expected', ({ input, expected }) => {
		expect(isCredentialError(input)).toBe(expected);
	});

	it('agrees with toAppError: a credential error asks to sign in again', () => {
		fc.assert(
			fc.property(
				fc.constantFrom('ExpiredToken', 'ExpiredTokenException', 'InvalidClientTokenId'),
				(name) => {
					expect(toAppError(serviceError(name)).kind).toBe('reauth-required');
				}
			)
		);
	});
});

group('describe', () => {
	// Keyed by kind, so a new AppError kind without a wording here fails the type check.
	type Wording = { error: AppError; title: RegExp; action: RegExp; detail?: string };
	const wordings: { [K in AppError['kind']]: Wording & { error: { kind: K } } } = {
		'reauth-required': {
			error: { kind: 'reauth-required', reason: 'expired' },
			title: /sign-in has expired/,
			action: /Sign in again.*everything you typed/
		},
		forbidden: {
			error: { kind: 'forbidden', action: 'cloudfront:CreateInvalidation', message: 'denied' },
			title: /not allowed.*\(cloudfront:CreateInvalidation\)/,
			action: /Ask an administrator/,
			detail: 'denied'
		},
		'identity-denied': {
			error: { kind: 'identity-denied', message: 'no role' },
			title: /no AWS role/,
			action: /operators or viewers group/,
			detail: 'no role'
		},
		'no-such-distribution': {
			error: { kind: 'no-such-distribution' },
			title: /distribution does not exist/,
			action: /Check the distribution ID/
		},
		'no-such-invalidation': {
			error: { kind: 'no-such-invalidation' },
			title: /no invalidation with this ID/,
			action: /Check the ID/
		},
		busy: {
			error: { kind: 'busy', message: 'too many' },
			title: /Too many invalidations are in progress/,
			action: /3,000 file paths and 15 wildcard paths.*will not purge twice/,
			detail: 'too many'
		},
		'invalid-path': {
			error: { kind: 'invalid-path', message: 'bad path' },
			title: /refused one or more paths/,
			action: /start with "\/".*"\*" only as its last character.*"~"/,
			detail: 'bad path'
		},
		'batch-too-large': {
			error: { kind: 'batch-too-large' },
			title: /too many paths for one request/,
			action: /Split the list.*wildcard/
		},
		throttled: {
			error: { kind: 'throttled' },
			title: /rate-limiting/,
			action: /Wait a few seconds.*nothing is purged twice/
		},
		'service-unavailable': {
			error: { kind: 'service-unavailable', status: 503 },
			title: /AWS had an internal error \(HTTP 503\)/,
			action: /Try again.*nothing is purged twice/
		},
		network: {
			error: { kind: 'network' },
			title: /did not reach AWS/,
			action: /Check your connection.*instead of purging twice/
		},
		bug: {
			error: { kind: 'bug', code: 'InconsistentQuantities', message: 'q' },
			title: /\(InconsistentQuantities\)/,
			action: /bug in the console.*report it/,
			detail: 'q'
		},
		unknown: {
			error: { kind: 'unknown', message: 'weird' },
			title: /unexpected/,
			action: /Try again.*report it/,
			detail: 'weird'
		}
	};

	it.each(Object.values(wordings))(
		'$error.kind says what happened and what to do',
		({ error, title, action, detail }) => {
			const description = describe(error);
			expect(description.title).toMatch(title);
			expect(description.action).toMatch(action);
			expect(description.detail).toBe(detail);
		}
	);

	it('shows the service message for a real AccessDenied end to end', () => {
		const d = describe(toAppError(serviceError('AccessDenied', accessDenied, 403)));
		expect(d.title).toContain('cloudfront:CreateInvalidation');
		expect(d.detail).toBe(accessDenied);
	});
});
