import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CLIENT_ID, IDENTITY_POOL_ID } from './constants';
import type { StackContext } from './context';
import { corsHeaders, isPreflight, preflightHeaders } from './cors';
import { header, newRequestId, readBody, send, splitUrl, type Handler } from './http';
import { peekClaims, type Claims } from './tokens';
import { DEMO_USERS, type DemoUser } from './users';

// Cognito Identity, enhanced flow, awsJson1_1 over `X-Amz-Target`, unsigned ("This is a public API.
// You do not need any credentials to call this API."):
// https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetId.html
// https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetCredentialsForIdentity.html

const TARGET_PREFIX = 'AWSCognitoIdentityService.';
const ID_PATTERN = /^[\w-]+:[0-9a-f-]+$/;
/**
 * Cognito accepts ID tokens up to 5 minutes past `exp`. UNCONFIRMED: not documented by AWS; inferred
 * from one error message, "Token expired: <now − 300 s> >= <exp>", in
 * https://github.com/qqaatw/JciHitachiHA/issues/33
 */
const EXPIRY_GRACE_SECONDS = 300;

/**
 * Real Cognito Identity answers client errors with 400 whatever the model says (observed in public
 * captures, e.g. NotAuthorizedException 400 in https://github.com/aws-amplify/amplify-js/issues/2443).
 */
export class IdentityError extends Error {
	constructor(
		readonly type: string,
		message: string,
		readonly status = 400
	) {
		super(message);
	}
}
const notAuthorized = (m: string) => new IdentityError('NotAuthorizedException', m);
const invalidToken = (why: string) => notAuthorized(`Invalid login token. ${why}`);
const LOGINS_DONT_MATCH =
	"Logins don't match. Please include at least one valid login for this identity or identity pool.";
const UNSUPPORTED_PROVIDER = 'Token is not from a supported provider of this identity pool.';

/** Stable per user: a hash of pool and `sub` shaped like Cognito's `<region>:<uuid>`. */
export function identityIdFor(sub: string): string {
	const h = createHash('sha256').update(`${IDENTITY_POOL_ID}/${sub}`).digest('hex');
	return `us-east-1:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function validatePoolId(value: unknown) {
	const id = typeof value === 'string' ? value : '';
	if (!ID_PATTERN.test(id) || id.length > 55)
		throw new IdentityError(
			'InvalidParameterException',
			`1 validation error detected: Value '${id}' at 'identityPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+`
		);
	if (id !== IDENTITY_POOL_ID)
		throw new IdentityError('ResourceNotFoundException', `IdentityPool '${id}' not found.`);
}

const stripScheme = (url: string) => url.replace(/^https?:\/\//, '');

export function cognitoIdentity(ctx: StackContext): Handler {
	/** Verifies the one login this pool knows; the checks run in the order Cognito's messages suggest. */
	async function verifyLogins(logins: unknown): Promise<{ user: DemoUser; claims: Claims }> {
		const entries = typeof logins === 'object' && logins !== null ? Object.entries(logins) : [];
		if (entries.length === 0)
			throw notAuthorized('Unauthenticated access is not supported for this identity pool.');
		if (entries.length > 10)
			throw new IdentityError(
				'InvalidParameterException',
				"1 validation error detected: Value at 'logins' failed to satisfy constraint: Member must have length less than or equal to 10"
			);
		// The pool has one provider: its login decides; otherwise the first one gets the blame.
		const [key, token] = entries.find(([k]) => k === ctx.urls.loginsKey) ?? entries[0];
		const claims = typeof token === 'string' ? peekClaims(token) : undefined;
		if (!claims || typeof token !== 'string') throw invalidToken('Not a Cognito token.');
		if (stripScheme(String(claims.iss ?? '')) !== key)
			throw invalidToken("Issuer doesn't match providerName");
		if (key !== ctx.urls.loginsKey) throw notAuthorized(UNSUPPORTED_PROVIDER);
		if (!(await ctx.tokens.verifySignature(token)))
			throw invalidToken("Couldn't verify signed token.");
		if (claims.aud === undefined) throw invalidToken('Missing a required claim: aud');
		// A token of another app client of the pool (amazon-cognito-identity-js#7).
		if (claims.aud !== CLIENT_ID) throw notAuthorized(UNSUPPORTED_PROVIDER);
		if (claims.token_use !== 'id') throw invalidToken('Not a Cognito token.');
		const graceNow = Math.floor(Date.now() / 1000) - EXPIRY_GRACE_SECONDS;
		const exp = typeof claims.exp === 'number' ? claims.exp : 0;
		if (graceNow >= exp) throw invalidToken(`Token expired: ${graceNow} >= ${exp}`);
		const user = DEMO_USERS.find((u) => u.sub === claims.sub);
		if (!user) throw notAuthorized(LOGINS_DONT_MATCH);
		return { user, claims };
	}

	/**
	 * Token-based role mapping with AmbiguousRoleResolution Deny: CustomRoleArn if the token lists
	 * it, else cognito:preferred_role, else deny
	 * (https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html).
	 */
	function chooseRole(claims: Claims, customRoleArn: unknown): string {
		const raw = claims['cognito:roles'];
		const roles = Array.isArray(raw)
			? raw.map(String)
			: typeof raw === 'string'
				? raw.split(',')
				: [];
		if (typeof customRoleArn === 'string') {
			// AWS documents only that access is denied; the error sent is UNCONFIRMED.
			if (!roles.includes(customRoleArn))
				throw notAuthorized('The CustomRoleArn is not among the roles in the token.');
			return customRoleArn;
		}
		const preferred = claims['cognito:preferred_role'];
		if (typeof preferred === 'string') return preferred;
		throw notAuthorized(
			`The ambiguous role mapping rules for: ${ctx.urls.loginsKey}:${CLIENT_ID} denied this request.`
		);
	}

	async function getId(input: Record<string, unknown>) {
		validatePoolId(input.IdentityPoolId);
		const { user } = await verifyLogins(input.Logins);
		return { IdentityId: identityIdFor(user.sub) };
	}

	async function getCredentialsForIdentity(input: Record<string, unknown>) {
		const identityId = typeof input.IdentityId === 'string' ? input.IdentityId : '';
		if (!ID_PATTERN.test(identityId) || identityId.length > 55)
			throw new IdentityError(
				'InvalidParameterException',
				`1 validation error detected: Value '${identityId}' at 'identityId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+`
			);
		const owner = DEMO_USERS.find((u) => identityIdFor(u.sub) === identityId);
		if (!owner)
			throw new IdentityError('ResourceNotFoundException', `Identity '${identityId}' not found.`);
		const { user, claims } = await verifyLogins(input.Logins);
		if (user.sub !== owner.sub) throw notAuthorized(LOGINS_DONT_MATCH);
		const role = chooseRole(claims, input.CustomRoleArn);
		const c = ctx.credentials.issue(role, ctx.settings.credentialTtlSeconds, identityId);
		return {
			IdentityId: identityId,
			Credentials: {
				AccessKeyId: c.accessKeyId,
				SecretKey: c.secretAccessKey,
				SessionToken: c.sessionToken,
				// awsJson timestamps are epoch seconds as a JSON number (a string would throw in the SDK).
				Expiration: c.expiresAt / 1000
			}
		};
	}

	const operations: Record<string, (input: Record<string, unknown>) => Promise<unknown>> = {
		GetId: getId,
		GetCredentialsForIdentity: getCredentialsForIdentity
	};

	function reply(
		res: ServerResponse,
		requestId: string,
		status: number,
		body: unknown,
		extra = {}
	) {
		const headers = {
			...corsHeaders(),
			'Content-Type': 'application/x-amz-json-1.1',
			'x-amzn-RequestId': requestId,
			...extra
		};
		send(res, status, headers, JSON.stringify(body));
	}

	function replyError(res: ServerResponse, requestId: string, e: IdentityError) {
		// `x-amzn-ErrorType` carries a trailing colon, as AWS sends it.
		reply(
			res,
			requestId,
			e.status,
			{ __type: e.type, message: e.message },
			{
				'x-amzn-ErrorType': `${e.type}:`,
				'x-amzn-ErrorMessage': e.message
			}
		);
	}

	return async (req: IncomingMessage, res: ServerResponse) => {
		const requestId = newRequestId();
		if (isPreflight(req))
			return send(res, 200, { ...preflightHeaders(req, 'POST'), 'x-amzn-RequestId': requestId });
		const target = header(req, 'x-amz-target') ?? '';
		const name = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
		const operation = operations[name];
		if (req.method !== 'POST' || splitUrl(req).rawPath !== '/' || !operation)
			return replyError(
				res,
				requestId,
				new IdentityError('UnknownOperationException', 'Unknown operation')
			);
		const latency = ctx.faults.consume('latency', 'identity', name);
		if (latency) await ctx.faults.delay(latency.ms);
		if (ctx.faults.consume('identity-error', 'identity', name))
			return replyError(
				res,
				requestId,
				new IdentityError(
					'InternalErrorException',
					'An internal error occurred. Please try again.',
					500
				)
			);
		let input: unknown;
		try {
			input = JSON.parse((await readBody(req)).toString('utf8') || '{}');
		} catch {
			return replyError(
				res,
				requestId,
				new IdentityError('SerializationException', 'Could not parse the request body as JSON.')
			);
		}
		if (typeof input !== 'object' || input === null || Array.isArray(input))
			return replyError(
				res,
				requestId,
				new IdentityError('SerializationException', 'Expected a JSON object.')
			);
		try {
			const output = await operation(input as Record<string, unknown>);
			if (ctx.faults.consume('drop-response', 'identity', name)) return void req.socket.destroy();
			reply(res, requestId, 200, output);
		} catch (e) {
			if (e instanceof IdentityError) return replyError(res, requestId, e);
			throw e;
		}
	};
}
