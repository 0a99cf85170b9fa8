import { Match, Template as Assert } from 'aws-cdk-lib/assertions';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { distributionArn } from '../../local-stack/constants';
import { evaluate, ROLE_POLICIES, type PolicyDocument } from '../../local-stack/iam';
import { ROLES } from '../../local-stack/users';
import { loginsKey } from '../../src/lib/config';
import { readOutputs } from '../deploy/outputs';
import { checkConsoleConfig } from '../rules/console-config';
import { awsOrigins, securityHeaders } from '../rules/csp.js';
import { functionSource } from '../rules/rewrite';
import { synthesize, TEMPLATE_PATH, templateText, type Template } from '../synth';
import { resolver, type Deployment } from '../test/resolve';
import { PURGE_ACTIONS, READ_ACTIONS } from './console-stack';

const SAMPLE_OUTPUTS = new URL('../deploy/sample-outputs.json', import.meta.url);

let template: Template;
let assert: Assert;
beforeAll(() => {
	template = synthesize().template;
	assert = Assert.fromJSON(template);
}, 30_000);

const logicalId = (type: string, prefix = '') => {
	const ids = Object.keys(template.Resources).filter(
		(id) => template.Resources[id].Type === type && id.startsWith(prefix)
	);
	if (ids.length !== 1) throw new Error(`Expected one ${type} ${prefix}, found ${ids.join(', ')}`);
	return ids[0];
};
const props = (id: string) => template.Resources[id].Properties ?? {};

/** A deployment of the template, with the values CloudFormation would fill in. */
function deploy(parameters: Record<string, string>, region = 'eu-west-1') {
	const deployment: Deployment = {
		parameters: {
			DistributionIds: 'E1ABCDEF,E2GHIJKL',
			ConsoleHosts: 'www.example.com,ops.example.com',
			AuthDomainPrefix: 'example-ops',
			...parameters
		},
		pseudo: { 'AWS::Region': region },
		resources: {
			[logicalId('AWS::Cognito::UserPoolDomain')]: parameters.AuthDomainPrefix ?? 'example-ops',
			[logicalId('AWS::Cognito::UserPool')]: `${region}_AbCdEf123`,
			[`${logicalId('AWS::Cognito::UserPool')}.ProviderURL`]: `https://cognito-idp.${region}.amazonaws.com/${region}_AbCdEf123`,
			[`${logicalId('AWS::Cognito::UserPool')}.ProviderName`]: `cognito-idp.${region}.amazonaws.com/${region}_AbCdEf123`,
			[logicalId('AWS::Cognito::UserPoolClient')]: '1example23456789',
			[`${logicalId('AWS::S3::Bucket')}.Arn`]: 'arn:aws:s3:::console-bucket',
			IdentityPool: `${region}:12345678-1234-1234-1234-123456789012`,
			[`${logicalId('AWS::IAM::Role', 'OperatorRole')}.Arn`]: 'arn:aws:iam::111122223333:role/op',
			[`${logicalId('AWS::IAM::Role', 'ViewerRole')}.Arn`]: 'arn:aws:iam::111122223333:role/view',
			[`${logicalId('AWS::IAM::Role', 'NoGroupRole')}.Arn`]: 'arn:aws:iam::111122223333:role/none'
		}
	};
	return resolver(template, deployment);
}

type Policy = { PolicyName: string; PolicyDocument: PolicyDocument };
const rolePolicy = (role: 'OperatorRole' | 'ViewerRole', parameters: Record<string, string>) => {
	const resolved = deploy(parameters)(
		props(logicalId('AWS::IAM::Role', role)).Policies
	) as Policy[];
	expect(resolved).toHaveLength(1);
	return resolved[0].PolicyDocument;
};

describe('the synthesised template', () => {
	it('is the committed infra/console.template.json (run `npm run synth` after changing infra/)', () => {
		expect(readFileSync(TEMPLATE_PATH, 'utf8') === templateText(template)).toBe(true);
	});

	it('needs no CDK bootstrap and leaves the distribution alone', () => {
		expect(template.Parameters).not.toHaveProperty('BootstrapVersion');
		expect(template).not.toHaveProperty('Rules');
		assert.resourceCountIs('AWS::CloudFront::Distribution', 0);
		assert.resourceCountIs('AWS::Lambda::Function', 0);
		expect(JSON.stringify(template)).not.toContain('cdk-hnb659fds');
	});
});

describe('hosting', () => {
	it('keeps the bucket private and lets only the hosting distribution read the console', () => {
		assert.hasResourceProperties('AWS::S3::Bucket', {
			PublicAccessBlockConfiguration: {
				BlockPublicAcls: true,
				BlockPublicPolicy: true,
				IgnorePublicAcls: true,
				RestrictPublicBuckets: true
			},
			OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] }
		});
		const policy = deploy({})(props(logicalId('AWS::S3::BucketPolicy')).PolicyDocument) as {
			Statement: Record<string, unknown>[];
		};
		expect(policy.Statement).toContainEqual(
			expect.objectContaining({
				Effect: 'Deny',
				Condition: { Bool: { 'aws:SecureTransport': 'false' } }
			})
		);
		const read = policy.Statement.filter((s) => s.Effect === 'Allow');
		expect(read).toEqual([
			expect.objectContaining({
				Principal: { Service: 'cloudfront.amazonaws.com' },
				Action: 's3:GetObject',
				Condition: {
					StringEquals: {
						'AWS:SourceArn': 'arn:aws:cloudfront::111122223333:distribution/E1ABCDEF'
					}
				}
			})
		]);
		expect(read[0].Resource).toBe('arn:aws:s3:::console-bucket/_console/*');
	});

	it('signs origin requests with an S3 origin access control', () => {
		assert.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
			OriginAccessControlConfig: {
				OriginAccessControlOriginType: 's3',
				SigningBehavior: 'always',
				SigningProtocol: 'sigv4'
			}
		});
	});

	it('deploys the deep-link function from the same source the local server runs', () => {
		const fn = props(logicalId('AWS::CloudFront::Function'));
		expect(fn.FunctionCode).toBe(functionSource('/_console'));
		expect(fn.FunctionConfig).toMatchObject({ Runtime: 'cloudfront-js-2.0' });
		expect(fn.AutoPublish).toBe(true);
	});

	it('sends exactly the security headers the local console server sends', () => {
		const config = deploy({})(
			props(logicalId('AWS::CloudFront::ResponseHeadersPolicy')).ResponseHeadersPolicyConfig
		) as {
			SecurityHeadersConfig: {
				ContentSecurityPolicy: { ContentSecurityPolicy: string; Override: boolean };
				StrictTransportSecurity: { AccessControlMaxAgeSec: number; IncludeSubdomains: boolean };
				FrameOptions: { FrameOption: string };
				ReferrerPolicy: { ReferrerPolicy: string };
				ContentTypeOptions: { Override: boolean };
			};
			CustomHeadersConfig: { Items: { Header: string; Value: string }[] };
		};
		const s = config.SecurityHeadersConfig;
		const sent = {
			'content-security-policy': s.ContentSecurityPolicy.ContentSecurityPolicy,
			'strict-transport-security': `max-age=${s.StrictTransportSecurity.AccessControlMaxAgeSec}${s.StrictTransportSecurity.IncludeSubdomains ? '; includeSubDomains' : ''}`,
			'x-frame-options': s.FrameOptions.FrameOption,
			'referrer-policy': s.ReferrerPolicy.ReferrerPolicy,
			...(s.ContentTypeOptions ? { 'x-content-type-options': 'nosniff' } : {}),
			...Object.fromEntries(config.CustomHeadersConfig.Items.map((h) => [h.Header, h.Value]))
		};
		const domain = 'https://example-ops.auth.eu-west-1.amazoncognito.com';
		expect(sent).toEqual(securityHeaders(awsOrigins('eu-west-1', domain)));
		expect(sent['content-security-policy']).toMatch(/^default-src 'none';/);
		// CloudFront's limit on the policy's CSP value.
		// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html#limits-response-headers-policies
		expect(sent['content-security-policy'].length).toBeLessThanOrEqual(1783);
	});
});

describe('sign-in', () => {
	it('has a user pool without self sign-up and a public code + PKCE client for every host', () => {
		assert.hasResourceProperties('AWS::Cognito::UserPool', {
			AdminCreateUserConfig: { AllowAdminCreateUserOnly: true }
		});
		assert.hasResourceProperties('AWS::Cognito::UserPoolClient', {
			GenerateSecret: false,
			AllowedOAuthFlows: ['code'],
			AllowedOAuthFlowsUserPoolClient: true,
			AllowedOAuthScopes: Match.arrayEquals(['openid', 'email', 'profile']),
			EnableTokenRevocation: true,
			PreventUserExistenceErrors: 'ENABLED'
		});
		const client = deploy({ IdentityProviders: 'COGNITO,Okta' })(
			props(logicalId('AWS::Cognito::UserPoolClient'))
		) as Record<string, unknown>;
		expect(client.CallbackURLs).toEqual([
			'https://www.example.com/_console/auth/callback',
			'https://ops.example.com/_console/auth/callback'
		]);
		expect(client.LogoutURLs).toEqual([
			'https://www.example.com/_console/',
			'https://ops.example.com/_console/'
		]);
		expect(client.SupportedIdentityProviders).toEqual(['COGNITO', 'Okta']);
	});

	it('maps groups to roles from the ID token and denies users in no group', () => {
		assert.hasResourceProperties('AWS::Cognito::IdentityPool', {
			AllowUnauthenticatedIdentities: false,
			AllowClassicFlow: false
		});
		assert.hasResourceProperties('AWS::Cognito::IdentityPoolRoleAttachment', {
			RoleMappings: { userpool: { Type: 'Token', AmbiguousRoleResolution: 'Deny' } },
			Roles: {
				authenticated: { 'Fn::GetAtt': [logicalId('AWS::IAM::Role', 'NoGroupRole'), 'Arn'] }
			}
		});
		// The pool's default role, never issued while ambiguous roles are denied, can do nothing.
		expect(props(logicalId('AWS::IAM::Role', 'NoGroupRole'))).not.toHaveProperty('Policies');
		assert.resourceCountIs('AWS::IAM::Policy', 0);
		assert.resourceCountIs('AWS::IAM::ManagedPolicy', 0);
		const groups = Object.values(template.Resources)
			.filter((r) => r.Type === 'AWS::Cognito::UserPoolGroup')
			.map((r) => deploy({})(r.Properties) as Record<string, unknown>)
			.map((g) => [g.GroupName, g.Precedence, g.RoleArn]);
		expect(groups).toEqual([
			['operators', 1, 'arn:aws:iam::111122223333:role/op'],
			['viewers', 10, 'arn:aws:iam::111122223333:role/view']
		]);
	});

	it('lets only signed-in identities of this identity pool assume the roles', () => {
		for (const role of ['OperatorRole', 'ViewerRole', 'NoGroupRole']) {
			const trust = deploy({})(props(logicalId('AWS::IAM::Role', role)).AssumeRolePolicyDocument);
			expect(trust).toEqual({
				Version: '2012-10-17',
				Statement: [
					{
						Effect: 'Allow',
						Principal: { Federated: 'cognito-identity.amazonaws.com' },
						Action: 'sts:AssumeRoleWithWebIdentity',
						Condition: {
							StringEquals: {
								'cognito-identity.amazonaws.com:aud':
									'eu-west-1:12345678-1234-1234-1234-123456789012'
							},
							'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' }
						}
					}
				]
			});
		}
	});
});

describe('least privilege', () => {
	const arns = [
		'arn:aws:cloudfront::*:distribution/E1ABCDEF',
		'arn:aws:cloudfront::*:distribution/E2GHIJKL'
	];

	it('operators read and purge the listed distributions only; viewers only read', () => {
		expect(rolePolicy('OperatorRole', {}).Statement).toEqual([
			{
				Sid: 'ManagedDistributions',
				Effect: 'Allow',
				Action: [...READ_ACTIONS, ...PURGE_ACTIONS],
				Resource: arns
			}
		]);
		expect(rolePolicy('ViewerRole', {}).Statement).toEqual([
			{ Sid: 'ReadAll', Effect: 'Allow', Action: READ_ACTIONS, Resource: arns }
		]);
	});

	it('grants ListDistributions (which cannot be scoped) only when the deployer opts in', () => {
		const listAll = {
			Sid: 'ListAll',
			Effect: 'Allow',
			Action: 'cloudfront:ListDistributions',
			Resource: '*'
		};
		for (const role of ['OperatorRole', 'ViewerRole'] as const) {
			expect(rolePolicy(role, { AllowListDistributions: 'true' }).Statement[0]).toEqual(listAll);
			expect(rolePolicy(role, {}).Statement).not.toContainEqual(listAll);
		}
	});

	// The local stack's roles stand in for this template's: for the same distributions, every
	// CloudFront action on every distribution of the stack's account gets the same decision.
	const local = { www: 'E1LOCALWWW0001', shop: 'E2LOCALSHOP001', data: 'E3LOCALDATA001' };
	const actions = [
		...READ_ACTIONS,
		...PURGE_ACTIONS,
		'cloudfront:ListDistributions',
		'cloudfront:UpdateDistribution',
		'cloudfront:DeleteDistribution',
		'cloudfront:CreateDistribution'
	];
	const resources = [
		'*',
		...Object.values(local).map(distributionArn),
		distributionArn('E9OTHER000001')
	];
	it.each([
		['OperatorRole', ROLES.webOperator, [local.www, local.shop]],
		['OperatorRole', ROLES.dataOperator, [local.data]],
		['ViewerRole', ROLES.viewer, [local.www, local.shop, local.data]]
	] as const)('%s for %s matches the local stack', (role, localRole, ids) => {
		const deployed = rolePolicy(role, {
			DistributionIds: ids.join(','),
			AllowListDistributions: 'true'
		});
		const decisions = (policy: PolicyDocument) =>
			actions.flatMap((a) => resources.map((r) => `${a} ${r}: ${evaluate(policy, a, r)}`));
		expect(decisions(ROLE_POLICIES[localRole])).toEqual(decisions(deployed));
	});
});

describe('config.json from the outputs', () => {
	it('passes the console’s own check and points at this stack’s pool, client and identity pool', () => {
		const raw = JSON.parse(deploy({})(template.Outputs.ConsoleConfig.Value) as string);
		const config = checkConsoleConfig(raw, '/_console');
		expect(config.auth.domain).toBe('https://example-ops.auth.eu-west-1.amazoncognito.com');
		expect(loginsKey(config)).toBe('cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123');
		expect(config.identityPoolId).toBe('eu-west-1:12345678-1234-1234-1234-123456789012');
		expect(config.auth.clientId).toBe('1example23456789');
		expect(config.auth.redirectPath).toBe('/_console/auth/callback');
		expect(deploy({})(template.Outputs.DistributionIdList.Value)).toBe('E1ABCDEF,E2GHIJKL');
	});

	it('matches the README’s sample outputs (infra/deploy/sample-outputs.json)', () => {
		const sample = readOutputs(readFileSync(SAMPLE_OUTPUTS, 'utf8'));
		expect(Object.keys(sample).sort()).toEqual(Object.keys(template.Outputs).sort());
		expect(sample.ConsoleConfig).toBe(deploy({})(template.Outputs.ConsoleConfig.Value));
		expect(sample.BasePath).toBe('/_console');
	});

	it('outputs what the distribution’s owner adds: origin, access control, function, headers', () => {
		expect(Object.keys(template.Outputs)).toEqual(
			expect.arrayContaining([
				'BucketRegionalDomainName',
				'OriginAccessControlId',
				'FunctionArn',
				'ResponseHeadersPolicyId',
				'BasePath'
			])
		);
	});
});
