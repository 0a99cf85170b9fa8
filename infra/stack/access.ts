/**
 * Who may do what: the identity pool, the operators/viewers groups and their roles. Cognito issues
 * each signed-in user the role of their group with the lowest precedence, and nothing otherwise.
 */
import { Aws, Duration, Fn, type CfnCondition, type Stack } from 'aws-cdk-lib/core';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';

// The CloudFront API actions the console calls, and who gets which. Resource-level permissions per
// action: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudfront.html
export const READ_ACTIONS = [
	'cloudfront:GetDistribution',
	'cloudfront:GetInvalidation',
	'cloudfront:ListInvalidations'
];
export const PURGE_ACTIONS = ['cloudfront:CreateInvalidation'];

export interface AccessProps {
	pool: cognito.UserPool;
	client: cognito.UserPoolClient;
	/** The ARNs of the distributions the console may purge (a CloudFormation list). */
	distributionArns: string[];
	/** Grants ListDistributions where true. */
	listAllowed: CfnCondition;
}

export function addAccess(
	scope: Stack,
	{ pool, client, distributionArns, listAllowed }: AccessProps
) {
	// Identity pool (enhanced flow only), roles chosen from the ID token's cognito:preferred_role;
	// a user in no group gets no credentials (AmbiguousRoleResolution: Deny).
	// https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html
	const identityPool = new cognito.CfnIdentityPool(scope, 'IdentityPool', {
		allowUnauthenticatedIdentities: false,
		allowClassicFlow: false,
		cognitoIdentityProviders: [
			{ providerName: pool.userPoolProviderName, clientId: client.userPoolClientId }
		]
	});

	// Roles Cognito Identity may assume for this pool's signed-in users only.
	// https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html
	const trust = () =>
		new iam.FederatedPrincipal(
			'cognito-identity.amazonaws.com',
			{
				StringEquals: { 'cognito-identity.amazonaws.com:aud': identityPool.ref },
				'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' }
			},
			'sts:AssumeRoleWithWebIdentity'
		);
	// ListDistributions has no resource type, so it can only be granted on "*": opt-in.
	const listAll = Fn.conditionIf(
		listAllowed.logicalId,
		{ Sid: 'ListAll', Effect: 'Allow', Action: 'cloudfront:ListDistributions', Resource: '*' },
		Aws.NO_VALUE
	);
	const role = (id: string, description: string, sid: string, actions: string[]) => {
		const r = new iam.Role(scope, id, {
			assumedBy: trust(),
			description,
			maxSessionDuration: Duration.hours(1)
		});
		(r.node.defaultChild as iam.CfnRole).policies = [
			{
				policyName: 'cloudfront-console',
				policyDocument: {
					Version: '2012-10-17',
					Statement: [
						listAll,
						{ Sid: sid, Effect: 'Allow', Action: actions, Resource: distributionArns }
					]
				}
			}
		];
		return r;
	};
	const operatorRole = role(
		'OperatorRole',
		'Console operators: read and purge the listed distributions',
		'ManagedDistributions',
		[...READ_ACTIONS, ...PURGE_ACTIONS]
	);
	const viewerRole = role(
		'ViewerRole',
		'Console viewers: read the listed distributions and their invalidations',
		'ReadAll',
		READ_ACTIONS
	);
	// Groups put cognito:roles / cognito:preferred_role in the ID token; the lower precedence wins.
	// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-user-groups.html
	new cognito.CfnUserPoolGroup(scope, 'OperatorsGroup', {
		userPoolId: pool.userPoolId,
		groupName: 'operators',
		description: 'May purge the listed distributions',
		precedence: 1,
		roleArn: operatorRole.roleArn
	});
	new cognito.CfnUserPoolGroup(scope, 'ViewersGroup', {
		userPoolId: pool.userPoolId,
		groupName: 'viewers',
		description: 'May read the listed distributions and their invalidations',
		precedence: 10,
		roleArn: viewerRole.roleArn
	});
	// The map key is a literal; IdentityProvider names the pool and client it applies to.
	// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cognito-identitypoolroleattachment-rolemapping.html
	// The pool's default role for signed-in users has no permissions: Deny below means Cognito
	// never issues it, and if that setting is ever changed, a user in no group still gets nothing.
	const noGroupRole = new iam.Role(scope, 'NoGroupRole', {
		assumedBy: trust(),
		description: 'Console users in no group: no permissions',
		maxSessionDuration: Duration.hours(1)
	});
	new cognito.CfnIdentityPoolRoleAttachment(scope, 'RoleAttachment', {
		identityPoolId: identityPool.ref,
		roles: { authenticated: noGroupRole.roleArn },
		roleMappings: {
			userpool: {
				identityProvider: `${pool.userPoolProviderName}:${client.userPoolClientId}`,
				type: 'Token',
				ambiguousRoleResolution: 'Deny'
			}
		}
	});
	return { identityPool };
}
