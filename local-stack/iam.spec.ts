import { describe, expect, it } from 'vitest';
import { distributionArn } from './constants';
import {
	evaluate,
	matchesPattern,
	ROLE_POLICIES,
	type PolicyDocument,
	type Statement
} from './iam';
import { ROLES } from './users';

// The stack's IAM evaluator, table-driven. Rules:
// - an explicit Deny overrides any Allow; no matching statement is an implicit deny
//   (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html);
// - resource ARNs match case-sensitively, `*` and `?` as wildcards
//   (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html);
// - action names match case-insensitively
//   (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html).

const E1 = distributionArn('E1LOCALWWW0001');
const E2 = distributionArn('E2LOCALSHOP001');
const CREATE = 'cloudfront:CreateInvalidation';

const policy = (...Statement: Statement[]): PolicyDocument => ({
	Version: '2012-10-17',
	Statement
});
const allow = (Action: string | string[], Resource: string | string[]): Statement => ({
	Effect: 'Allow',
	Action,
	Resource
});
const deny = (Action: string | string[], Resource: string | string[]): Statement => ({
	Effect: 'Deny',
	Action,
	Resource
});

describe('evaluate: explicit Deny wins', () => {
	it.each([
		{ p: policy(allow(CREATE, E1)), expected: 'allow', why: 'a matching Allow' },
		{
			p: policy(allow(CREATE, E1), deny(CREATE, E1)),
			expected: 'explicit-deny',
			why: 'Deny after Allow'
		},
		{
			p: policy(deny(CREATE, E1), allow(CREATE, E1)),
			expected: 'explicit-deny',
			why: 'Deny before Allow'
		},
		{
			p: policy(allow('cloudfront:*', '*'), deny(CREATE, E1)),
			expected: 'explicit-deny',
			why: 'a narrow Deny beats a broad Allow'
		},
		{
			p: policy(allow(CREATE, E1), deny('cloudfront:*', '*')),
			expected: 'explicit-deny',
			why: 'a broad Deny beats a narrow Allow'
		},
		{
			p: policy(allow(CREATE, E1), deny(CREATE, E2)),
			expected: 'allow',
			why: 'a Deny on another resource does not apply'
		},
		{
			p: policy(allow(CREATE, E1), deny('cloudfront:GetDistribution', E1)),
			expected: 'allow',
			why: 'a Deny on another action does not apply'
		},
		{
			p: policy(deny(CREATE, E2)),
			expected: 'implicit-deny',
			why: 'only a Deny that does not apply'
		},
		{ p: policy(), expected: 'implicit-deny', why: 'no statements' },
		{ p: undefined, expected: 'implicit-deny', why: 'no policy at all' }
	])('$why → $expected', ({ p, expected }) => {
		expect(evaluate(p, CREATE, E1)).toBe(expected);
	});
});

describe('evaluate: resources are case-sensitive, actions are not', () => {
	it.each([
		{ action: CREATE, resource: E1, expected: 'allow', why: 'exact' },
		{
			action: 'CloudFront:createinvalidation',
			resource: E1,
			expected: 'allow',
			why: 'action in other case'
		},
		{
			action: CREATE,
			resource: E1.toLowerCase(),
			expected: 'implicit-deny',
			why: 'ARN in lower case'
		},
		{
			action: CREATE,
			resource: distributionArn('e1localwww0001'),
			expected: 'implicit-deny',
			why: 'distribution ID in lower case'
		},
		{ action: CREATE, resource: `${E1}X`, expected: 'implicit-deny', why: 'a longer ID (anchored)' }
	])('$why → $expected', ({ action, resource, expected }) => {
		expect(evaluate(policy(allow(CREATE, E1)), action, resource)).toBe(expected);
	});

	it('a Deny written in another case does not match a resource', () => {
		const p = policy(allow(CREATE, E1), deny(CREATE, E1.toLowerCase()));
		expect(evaluate(p, CREATE, E1)).toBe('allow');
	});
});

describe('matchesPattern', () => {
	it.each([
		['arn:aws:cloudfront::111122223333:distribution/*', E1, false, true, '* spans the ID'],
		[
			'arn:aws:cloudfront::111122223333:distribution/E1??????????01',
			E1,
			false,
			true,
			'? is one character'
		],
		['arn:aws:cloudfront::111122223333:distribution/E1?', E1, false, false, '? is exactly one'],
		['arn:aws:cloudfront::111122223333:distribution/E1.LOCAL*', E1, false, false, '. is literal'],
		['cloudfront:Get*', 'cloudfront:GetDistribution', false, true, 'action prefix'],
		['CLOUDFRONT:GET*', 'cloudfront:GetDistribution', true, true, 'ignoreCase for actions'],
		['CLOUDFRONT:GET*', 'cloudfront:GetDistribution', false, false, 'case counts otherwise']
	])('%s ~ %s (ignoreCase %s) = %s: %s', (pattern, value, ignoreCase, expected) => {
		expect(matchesPattern(pattern, value, ignoreCase)).toBe(expected);
	});
});

describe("the demo roles' policies", () => {
	it.each([
		{ role: ROLES.webOperator, action: CREATE, id: 'E1LOCALWWW0001', expected: 'allow' },
		{ role: ROLES.webOperator, action: CREATE, id: 'E3LOCALDATA001', expected: 'implicit-deny' },
		{ role: ROLES.dataOperator, action: CREATE, id: 'E3LOCALDATA001', expected: 'allow' },
		{ role: ROLES.viewer, action: CREATE, id: 'E1LOCALWWW0001', expected: 'implicit-deny' },
		{
			role: ROLES.viewer,
			action: 'cloudfront:ListInvalidations',
			id: 'E2LOCALSHOP001',
			expected: 'allow'
		}
	])('$role: $action on $id → $expected', ({ role, action, id, expected }) => {
		expect(evaluate(ROLE_POLICIES[role], action, distributionArn(id))).toBe(expected);
	});
});
