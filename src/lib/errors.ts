/**
 * One error vocabulary. Every caught `unknown` becomes an AppError; `describe()` says, in plain
 * words, what happened and what to do. SDK v3 sets `err.name` to the service's error code:
 * https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CreateInvalidation.html#API_CreateInvalidation_Errors
 * https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetCredentialsForIdentity.html#API_GetCredentialsForIdentity_Errors
 * (front-door codes such as ExpiredToken: wire-formats.md §3).
 */

export type AppError =
	| { kind: 'reauth-required'; reason: string }
	| { kind: 'forbidden'; action: string; message: string }
	| { kind: 'no-such-distribution' }
	| { kind: 'no-such-invalidation' }
	| { kind: 'busy'; message: string }
	| { kind: 'invalid-path'; message: string }
	| { kind: 'batch-too-large' }
	| { kind: 'throttled' }
	| { kind: 'service-unavailable'; status?: number }
	| { kind: 'network' }
	| { kind: 'identity-denied'; message: string }
	| { kind: 'bug'; code: string; message: string }
	| { kind: 'unknown'; message: string };

/** Thrown by the session when the refresh token no longer works; the UI asks to sign in again. */
export class ReauthRequired extends Error {
	constructor(reason: string) {
		super(reason);
		this.name = 'ReauthRequired';
	}
}

/**
 * A failure the AWS layer has already mapped: pages render `appError` and never look at SDK errors.
 * The original error stays in `cause` for the console log.
 */
export class AppFailure extends Error {
	readonly appError: AppError;
	constructor(appError: AppError, options?: { cause?: unknown }) {
		super(describe(appError).title, options);
		this.name = 'AppFailure';
		this.appError = appError;
	}
}

interface ErrorLike {
	name?: unknown;
	message?: unknown;
	$metadata?: { httpStatusCode?: unknown };
}

const asErrorLike = (e: unknown): ErrorLike => (typeof e === 'object' && e !== null ? e : {});

/** Codes meaning our credentials are no good any more: get new ones, then retry once. */
const CREDENTIAL_ERRORS = new Set([
	'ExpiredToken',
	'ExpiredTokenException',
	'InvalidClientTokenId'
]);

export function isCredentialError(e: unknown): boolean {
	const { name } = asErrorLike(e);
	return typeof name === 'string' && CREDENTIAL_ERRORS.has(name);
}

/** What SDK v3 names an error whose response carried no error code it could read. */
const GENERIC_NAMES = new Set(['CloudFrontServiceException', 'UnknownError', 'Error', '']);

// String() throws for an object with no usable toString (e.g. a null prototype); this must not.
function asText(e: unknown): string {
	try {
		return String(e);
	} catch {
		return Object.prototype.toString.call(e);
	}
}

export function toAppError(e: unknown): AppError {
	if (e instanceof AppFailure) return e.appError;
	const err = asErrorLike(e);
	const name = typeof err.name === 'string' ? err.name : '';
	const message = typeof err.message === 'string' ? err.message : asText(e);
	const status =
		typeof err.$metadata?.httpStatusCode === 'number' ? err.$metadata.httpStatusCode : undefined;
	// Still failing after the one retry with fresh credentials: only a new sign-in helps.
	if (name === 'ReauthRequired' || CREDENTIAL_ERRORS.has(name))
		return { kind: 'reauth-required', reason: message };
	switch (name) {
		case 'AccessDenied':
		case 'AccessDeniedException': {
			const action = /perform: (cloudfront:\w+)/.exec(message)?.[1] ?? 'this action';
			return { kind: 'forbidden', action, message };
		}
		case 'NotAuthorizedException':
			return { kind: 'identity-denied', message };
		case 'NoSuchDistribution':
			return { kind: 'no-such-distribution' };
		case 'NoSuchInvalidation':
			return { kind: 'no-such-invalidation' };
		case 'TooManyInvalidationsInProgress':
			return { kind: 'busy', message };
		case 'InvalidArgument':
			return { kind: 'invalid-path', message };
		case 'BatchTooLarge':
			return { kind: 'batch-too-large' };
		case 'Throttling':
		case 'ThrottlingException':
		case 'TooManyRequestsException':
			return { kind: 'throttled' };
		case 'InconsistentQuantities':
		case 'MissingBody':
		case 'MalformedXML':
		case 'InvalidationBatchAlreadyExists':
		case 'SignatureDoesNotMatch':
			return { kind: 'bug', code: name, message };
		case 'ServiceUnavailable':
		case 'InternalError':
		case 'InternalErrorException':
			return { kind: 'service-unavailable', status };
	}
	// Names decide. Only where the SDK could read no error code at all (a proxy's HTML 502, say) is
	// the HTTP status all there is to go on.
	if (GENERIC_NAMES.has(name) && status !== undefined && status >= 500)
		return { kind: 'service-unavailable', status };
	// fetch() rejects with a TypeError when the network fails or CORS blocks the response.
	if (name === 'TypeError' || /failed to fetch|network ?error|load failed/i.test(message))
		return { kind: 'network' };
	return { kind: 'unknown', message };
}

export interface Description {
	title: string;
	/** What to do next, in one or two sentences. */
	action: string;
	/** The service's own words, shown as text for support tickets. */
	detail?: string;
}

export function describe(error: AppError): Description {
	switch (error.kind) {
		case 'reauth-required':
			return {
				title: 'Your sign-in has expired.',
				action: 'Sign in again: you will come back to this page with everything you typed.'
			};
		case 'forbidden':
			return {
				title: `Your role is not allowed to do this (${error.action}).`,
				action:
					'Ask an administrator for access to this distribution, or use a distribution your team owns.',
				detail: error.message
			};
		case 'identity-denied':
			return {
				title: 'Cognito gave your account no AWS role.',
				action:
					'Your user is in no group that maps to a console role. Ask an administrator to add you to the operators or viewers group.',
				detail: error.message
			};
		case 'no-such-distribution':
			return {
				title: 'This distribution does not exist in this AWS account.',
				action: 'Check the distribution ID in the address, or pick one from the list.'
			};
		case 'no-such-invalidation':
			return {
				title: 'CloudFront has no invalidation with this ID.',
				action: 'Check the ID, or open the distribution history.'
			};
		case 'busy':
			return {
				title: 'Too many invalidations are in progress on this distribution.',
				action:
					'CloudFront allows 3,000 file paths and 15 wildcard paths in progress at once. Wait for running invalidations to complete, then send again: your paths are kept and the retry will not purge twice.',
				detail: error.message
			};
		case 'invalid-path':
			return {
				title: 'CloudFront refused one or more paths.',
				action:
					'Each path must start with "/", use "*" only as its last character, and have no spaces or "~". Fix the highlighted lines and send again.',
				detail: error.message
			};
		case 'batch-too-large':
			return {
				title: 'This batch has too many paths for one request.',
				action: 'Split the list into smaller batches, or use a wildcard such as /images/* instead.'
			};
		case 'throttled':
			return {
				title: 'CloudFront is rate-limiting requests right now.',
				action:
					'Wait a few seconds and send again. The retry reuses the same request, so nothing is purged twice.'
			};
		case 'service-unavailable':
			return {
				title: `AWS had an internal error${error.status ? ` (HTTP ${error.status})` : ''}, even after retries.`,
				action:
					'Try again in a moment. A purge sent again reuses the same request, so nothing is purged twice.'
			};
		case 'network':
			return {
				title: 'The request did not reach AWS, or its answer was lost.',
				action:
					'Check your connection and send again. If the purge did go through, the retry returns it instead of purging twice.'
			};
		case 'bug':
			return {
				title: `The console sent a request CloudFront could not accept (${error.code}).`,
				action: 'This is a bug in the console: please report it with the details below.',
				detail: error.message
			};
		case 'unknown':
			return {
				title: 'Something unexpected went wrong.',
				action: 'Try again. If it keeps happening, report it with the details below.',
				detail: error.message
			};
	}
}
