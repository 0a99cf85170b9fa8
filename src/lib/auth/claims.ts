/**
 * Who is signed in, from the (already validated) ID token claims. The role shown here is a UI hint:
 * IAM enforces, and AccessDenied is shown as such.
 */

export type ConsoleRole = 'operator' | 'viewer' | 'none';

export interface Identity {
	subject: string;
	email: string;
	groups: string[];
	role: ConsoleRole;
	/** The IAM role Cognito will pick (token-based mapping: cognito:preferred_role). */
	iamRole: string | null;
	/** Epoch milliseconds. */
	expiresAt: number;
}

// Group names of the reference deployment (the groups infra/ creates; README, Deploy to AWS).
const OPERATOR_GROUP = 'operators';
const VIEWER_GROUP = 'viewers';

const stringList = (v: unknown): string[] =>
	Array.isArray(v)
		? v.filter((x): x is string => typeof x === 'string')
		: typeof v === 'string'
			? v.split(',')
			: [];

export function roleFromGroups(groups: string[]): ConsoleRole {
	if (groups.includes(OPERATOR_GROUP)) return 'operator';
	if (groups.includes(VIEWER_GROUP)) return 'viewer';
	return 'none';
}

// Only strings and numbers are read: String() or Number() of an object such as {"toString":0}
// throws, and a claim is whatever the token carried.
const text = (v: unknown): string | undefined =>
	typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;

export function readClaims(claims: Record<string, unknown>): Identity {
	const groups = stringList(claims['cognito:groups']);
	const preferred = claims['cognito:preferred_role'];
	const subject = text(claims.sub) ?? '';
	const exp = claims.exp;
	return {
		subject,
		email: text(claims.email) ?? text(claims['cognito:username']) ?? subject,
		groups,
		role: roleFromGroups(groups),
		iamRole: typeof preferred === 'string' ? preferred : null,
		// oauth4webapi has checked exp is a number; anything else reads as already expired.
		expiresAt: typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : 0
	};
}

/** The role name for display: `arn:aws:iam::1111:role/console-viewer` → `console-viewer`. */
export const roleName = (arn: string | null): string | null =>
	arn ? arn.slice(arn.lastIndexOf('/') + 1) : null;

/** Why this role may not purge, or null when it may. A UI hint only: IAM still refuses. */
export function purgeBlockedReason(role: ConsoleRole | undefined): string | null {
	if (role === 'viewer') return 'Viewers can read distributions but not purge them.';
	if (role === 'none') return 'Your account has no console role, so it cannot purge.';
	return null;
}
