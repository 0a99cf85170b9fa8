import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { purgeBlockedReason, readClaims, roleFromGroups, roleName, type Identity } from './claims';

// ID token claims and group mapping: the groups of the reference deployment (infra/)
// (https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html).

const operatorRole = 'arn:aws:iam::111122223333:role/console-operator';

/** The claims of a Cognito ID token for a user in the operators group. */
const cognitoClaims = {
	sub: 'a1b2c3d4-0000-4000-8000-000000000001',
	aud: '1example23456789',
	iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123',
	token_use: 'id',
	email: 'ops@example.com',
	'cognito:username': 'ops-user',
	'cognito:groups': ['operators'],
	'cognito:roles': [operatorRole],
	'cognito:preferred_role': operatorRole,
	exp: 1_780_000_000,
	iat: 1_779_996_400
};

describe('roleFromGroups', () => {
	it.each([
		[['operators'], 'operator', 'the operators group may purge'],
		[['viewers'], 'viewer', 'the viewers group reads only'],
		[
			['viewers', 'operators'],
			'operator',
			'operators has precedence 1, so Cognito picks OperatorRole'
		],
		[['operators', 'viewers'], 'operator', 'order does not matter'],
		[['Operators'], 'none', 'group names are matched exactly'],
		[['admins'], 'none', 'a group that maps to no console role'],
		[[], 'none', 'no group: the identity pool denies (AmbiguousRoleResolution: Deny)']
	] as const)('%j → %s: %s', (groups, expected, why) => {
		expect(roleFromGroups([...groups]), why).toBe(expected);
	});
});

describe('readClaims', () => {
	it('reads who is signed in from a Cognito ID token', () => {
		expect(readClaims(cognitoClaims)).toEqual({
			subject: 'a1b2c3d4-0000-4000-8000-000000000001',
			email: 'ops@example.com',
			groups: ['operators'],
			role: 'operator',
			iamRole: operatorRole,
			expiresAt: 1_780_000_000_000
		});
	});

	it.each([
		{
			claims: { ...cognitoClaims, email: undefined },
			expected: 'ops-user',
			why: 'no email claim: the user name'
		},
		{
			claims: { ...cognitoClaims, email: undefined, 'cognito:username': undefined },
			expected: 'a1b2c3d4-0000-4000-8000-000000000001',
			why: 'neither: the subject'
		}
	])('shows $expected when there is $why', ({ claims, expected }) => {
		expect(readClaims(claims).email).toBe(expected);
	});

	// Found by the property below: String()/Number() of such a value throws.
	it.each<{
		claims: Record<string, unknown>;
		read: (i: Identity) => unknown;
		expected: unknown;
		why: string;
	}>([
		{
			claims: { ...cognitoClaims, email: { toString: 0 } },
			read: (i: Identity) => i.email,
			expected: 'ops-user',
			why: 'an object email: the user name instead'
		},
		{
			claims: { ...cognitoClaims, sub: { toString: 0 }, email: undefined, 'cognito:username': [] },
			read: (i: Identity) => i.email,
			expected: '',
			why: 'no readable name at all: empty, not a crash'
		},
		{
			claims: { ...cognitoClaims, exp: { toString: 0 } },
			read: (i: Identity) => i.expiresAt,
			expected: 0,
			why: 'an object exp: already expired'
		},
		{
			claims: { ...cognitoClaims, exp: { valueOf: 0 } },
			read: (i: Identity) => i.expiresAt,
			expected: 0,
			why: 'an exp with a bad valueOf'
		},
		{
			claims: { ...cognitoClaims, sub: 42 },
			read: (i: Identity) => i.subject,
			expected: '42',
			why: 'a numeric sub as text'
		}
	])('reads $why without throwing', ({ claims, read, expected }) => {
		expect(read(readClaims(claims))).toBe(expected);
	});

	it.each([
		{
			groups: ['viewers'],
			expected: ['viewers'],
			role: 'viewer',
			why: 'a list, as Cognito sends it'
		},
		{
			groups: 'viewers,operators',
			expected: ['viewers', 'operators'],
			role: 'operator',
			why: 'a comma-separated string, as some IdP mappings send it'
		},
		{
			groups: ['viewers', 7, null],
			expected: ['viewers'],
			role: 'viewer',
			why: 'non-text entries dropped'
		},
		{ groups: undefined, expected: [], role: 'none', why: 'no groups claim' },
		{ groups: { operators: true }, expected: [], role: 'none', why: 'an unexpected shape' }
	])('reads groups from $why', ({ groups, expected, role }) => {
		const identity = readClaims({ ...cognitoClaims, 'cognito:groups': groups });
		expect(identity.groups).toEqual(expected);
		expect(identity.role).toBe(role);
	});

	it.each([
		{ preferred: undefined, expected: null, why: 'no preferred role (no group)' },
		{ preferred: ['arn:aws:iam::1:role/x'], expected: null, why: 'not a single ARN' }
	])('has no IAM role when $why', ({ preferred, expected }) => {
		expect(readClaims({ ...cognitoClaims, 'cognito:preferred_role': preferred }).iamRole).toBe(
			expected
		);
	});

	it('turns exp (seconds) into epoch milliseconds', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 4_102_444_800 }), (exp) => {
				expect(readClaims({ ...cognitoClaims, exp }).expiresAt).toBe(exp * 1000);
			})
		);
	});

	it('never throws, and its role always matches its groups', () => {
		const claims = fc.dictionary(
			fc.constantFrom(
				'sub',
				'email',
				'cognito:username',
				'cognito:groups',
				'cognito:preferred_role',
				'exp'
			),
			fc.oneof(fc.anything(), fc.array(fc.constantFrom('operators', 'viewers', 'x')))
		);
		fc.assert(
			fc.property(claims, (c) => {
				const identity = readClaims(c);
				expect(identity.role).toBe(roleFromGroups(identity.groups));
				expect(identity.groups.every((g) => typeof g === 'string')).toBe(true);
				expect(typeof identity.email).toBe('string');
			})
		);
	});
});

describe('roleName', () => {
	it.each([
		[operatorRole, 'console-operator', 'the name after role/'],
		[
			'arn:aws:iam::111122223333:role/team/ops/console-viewer',
			'console-viewer',
			'a role with a path'
		],
		['arn:aws-cn:iam::111122223333:role/console-viewer', 'console-viewer', 'the China partition'],
		['console-viewer', 'console-viewer', 'already a name'],
		['', null, 'empty'],
		[null, null, 'no role']
	])('roleName(%s) = %s: %s', (arn, expected, why) => {
		expect(roleName(arn), why).toBe(expected);
	});
});

describe('purgeBlockedReason', () => {
	it.each([
		{ role: 'operator' as const, blocked: false },
		{ role: 'viewer' as const, blocked: true },
		{ role: 'none' as const, blocked: true },
		{ role: undefined, blocked: false }
	])('$role may purge: $blocked', ({ role, blocked }) => {
		expect(purgeBlockedReason(role) !== null).toBe(blocked);
	});
});
