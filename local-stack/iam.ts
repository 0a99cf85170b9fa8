import { ACCOUNT_ID, distributionArn, roleArn } from './constants';
import { ROLES } from './users';

// A small IAM evaluator for identity-based policies: explicit Deny wins, then any Allow, else the
// implicit deny. Action and Resource patterns take `*` and `?` like IAM.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
// Condition keys (aws:ResourceTag) are not modelled.

export interface Statement {
	Sid?: string;
	Effect: 'Allow' | 'Deny';
	Action: string | string[];
	Resource: string | string[];
}
export interface PolicyDocument {
	Version: '2012-10-17';
	Statement: Statement[];
}

const E1 = distributionArn('E1LOCALWWW0001');
const E2 = distributionArn('E2LOCALSHOP001');
const E3 = distributionArn('E3LOCALDATA001');
const READ = [
	'cloudfront:GetDistribution',
	'cloudfront:GetInvalidation',
	'cloudfront:ListInvalidations'
];
// ListDistributions has no resource type, so it can only be granted on "*"
// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudfront.html).
const LIST_ALL: Statement = {
	Sid: 'ListAll',
	Effect: 'Allow',
	Action: 'cloudfront:ListDistributions',
	Resource: '*'
};
const operator = (resources: string[]): PolicyDocument => ({
	Version: '2012-10-17',
	Statement: [
		LIST_ALL,
		{
			Sid: 'ManagedDistributions',
			Effect: 'Allow',
			Action: [...READ, 'cloudfront:CreateInvalidation'],
			Resource: resources
		}
	]
});

/** Test-only role with every CloudFront action on every resource; no demo user maps to it. */
export const ADMIN_ROLE = roleArn('console-stack-admin');

export const ROLE_POLICIES: Readonly<Record<string, PolicyDocument>> = {
	[ROLES.webOperator]: operator([E1, E2]),
	[ROLES.dataOperator]: operator([E3]),
	[ROLES.viewer]: {
		Version: '2012-10-17',
		Statement: [LIST_ALL, { Sid: 'ReadAll', Effect: 'Allow', Action: READ, Resource: [E1, E2, E3] }]
	},
	[ADMIN_ROLE]: {
		Version: '2012-10-17',
		Statement: [{ Effect: 'Allow', Action: 'cloudfront:*', Resource: '*' }]
	}
};

const list = (v: string | string[]): string[] => (Array.isArray(v) ? v : [v]);

/** IAM wildcard match; action names are case-insensitive, resources are not. */
export function matchesPattern(pattern: string, value: string, ignoreCase = false): boolean {
	const source = pattern
		.split('')
		.map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
		.join('');
	return new RegExp(`^${source}$`, ignoreCase ? 'i' : '').test(value);
}

export type Decision = 'allow' | 'explicit-deny' | 'implicit-deny';

export function evaluate(
	policy: PolicyDocument | undefined,
	action: string,
	resource: string
): Decision {
	const applies = (s: Statement) =>
		list(s.Action).some((p) => matchesPattern(p, action, true)) &&
		list(s.Resource).some((p) => matchesPattern(p, resource));
	const statements = policy?.Statement ?? [];
	if (statements.some((s) => s.Effect === 'Deny' && applies(s))) return 'explicit-deny';
	return statements.some((s) => s.Effect === 'Allow' && applies(s)) ? 'allow' : 'implicit-deny';
}

/** The STS principal Cognito Identity credentials act as (session name as Cognito sets it). */
export const assumedRoleArn = (role: string): string =>
	`arn:aws:sts::${ACCOUNT_ID}:assumed-role/${role.split('/').pop()}/CognitoIdentityCredentials`;

/** AWS's AccessDenied wording (as quoted in keenon/AddBiomechanics#272). */
export function accessDeniedMessage(role: string, action: string, resource: string, d: Decision) {
	const why =
		d === 'explicit-deny'
			? 'with an explicit deny in an identity-based policy'
			: `because no identity-based policy allows the ${action} action`;
	return `User: ${assumedRoleArn(role)} is not authorized to perform: ${action} on resource: ${resource} ${why}`;
}
