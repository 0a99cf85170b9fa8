/**
 * The console's hosting and access, as one CloudFormation stack that needs no CDK bootstrap
 * (synthesised to infra/console.template.json by infra/synth.ts). It never changes the existing
 * distribution: it takes its ID as a parameter and outputs what its owner adds to it (one origin,
 * one cache behaviour), because CloudFormation can only adopt a distribution by resource import
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resource-import.html) and
 * UpdateDistribution replaces the whole configuration
 * (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_UpdateDistribution.html).
 */
import {
	Aws,
	CfnCondition,
	CfnOutput,
	CfnParameter,
	Duration,
	Fn,
	RemovalPolicy,
	Stack,
	type StackProps
} from 'aws-cdk-lib/core';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { consoleConfigLayout } from '../rules/console-config';
import { awsOrigins, securityHeaders } from '../rules/csp.js';
import { checkBase, functionSource } from '../rules/rewrite';
import { addAccess } from './access';
import { headersPolicyProps } from './headers-policy';

export interface ConsoleStackProps extends StackProps {
	/** The console's prefix on the distribution, e.g. `/_console` (the build's BASE_PATH). */
	base?: string;
}

export { PURGE_ACTIONS, READ_ACTIONS } from './access';

export class ConsoleStack extends Stack {
	constructor(scope: Construct, id: string, props: ConsoleStackProps = {}) {
		super(scope, id, props);
		const base = checkBase(props.base ?? '/_console');
		const prefix = base.slice(1); // S3 keys: `_console/index.html`
		this.templateOptions.description =
			`CloudFront purge console under ${base}: private S3 origin (OAC), deep-link function, ` +
			'security headers, Cognito sign-in and least-privilege roles. Add the outputs to your distribution.';

		const distributionIds = new CfnParameter(this, 'DistributionIds', {
			type: 'CommaDelimitedList',
			description:
				'IDs of the distributions the console may purge, comma-separated. The FIRST one hosts the console (e.g. E1ABCDEF,E2GHIJKL).'
		});
		const consoleHosts = new CfnParameter(this, 'ConsoleHosts', {
			type: 'CommaDelimitedList',
			description: `Host names that serve the console, comma-separated (e.g. www.example.com). Each gets https://<host>${base}/auth/callback as a sign-in callback.`
		});
		const authDomainPrefix = new CfnParameter(this, 'AuthDomainPrefix', {
			type: 'String',
			allowedPattern: '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$',
			constraintDescription: 'lower-case letters, digits and hyphens; no hyphen at either end',
			description:
				'Prefix of the Cognito sign-in domain: https://<prefix>.auth.<region>.amazoncognito.com. Must be unique in the Region.'
		});
		const allowList = new CfnParameter(this, 'AllowListDistributions', {
			type: 'String',
			allowedValues: ['false', 'true'],
			default: 'false',
			description:
				'true grants cloudfront:ListDistributions, which cannot be scoped and reveals every distribution in the account. With false the console lists the DistributionIds.'
		});
		const identityProviders = new CfnParameter(this, 'IdentityProviders', {
			type: 'CommaDelimitedList',
			default: 'COGNITO',
			description:
				'Sign-in options offered by the app client: COGNITO (users of this pool) and/or the names of identity providers you added to the pool (e.g. COGNITO,Okta).'
		});
		const listAllowed = new CfnCondition(this, 'ListDistributionsAllowed', {
			expression: Fn.conditionEquals(allowList.valueAsString, 'true')
		});

		// Each ID → its ARN, by the join-and-split idiom (CloudFormation has no map function, and a
		// join's delimiter must be a literal, so neither the partition nor the account can be a
		// reference there). The account is `*`: a role's identity policy cannot reach another
		// account's distribution anyway, as CloudFront has no resource-based policies
		// (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/security_iam_service-with-iam.html).
		// Distribution ARNs carry no Region:
		// https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudfront.html#amazoncloudfront-resources-for-iam-policies
		const arnPrefix = 'arn:aws:cloudfront::*:distribution/';
		const distributionArns = Fn.split(
			',',
			Fn.join('', [arnPrefix, Fn.join(`,${arnPrefix}`, distributionIds.valueAsList)])
		);
		// The bucket policy names the hosting distribution exactly.
		const hostingArn = Fn.sub(
			'arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${HostingId}',
			{ HostingId: Fn.select(0, distributionIds.valueAsList) }
		);
		const hostUrls = (path: string) =>
			Fn.split(
				',',
				Fn.join('', ['https://', Fn.join(`${path},https://`, consoleHosts.valueAsList), path])
			);

		// S3 origin: private, reachable only through CloudFront with Origin Access Control, and only
		// from the hosting distribution (AWS:SourceArn).
		// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html
		const bucket = new s3.Bucket(this, 'ConsoleBucket', {
			blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
			objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
			encryption: s3.BucketEncryption.S3_MANAGED,
			enforceSSL: true,
			removalPolicy: RemovalPolicy.RETAIN
		});
		bucket.addToResourcePolicy(
			new iam.PolicyStatement({
				sid: 'CloudFrontReadsTheConsole',
				principals: [new iam.ServicePrincipal('cloudfront.amazonaws.com')],
				actions: ['s3:GetObject'],
				resources: [bucket.arnForObjects(`${prefix}/*`)],
				conditions: { StringEquals: { 'AWS:SourceArn': hostingArn } }
			})
		);
		const oac = new cloudfront.S3OriginAccessControl(this, 'OriginAccessControl', {
			originAccessControlName: `${Aws.STACK_NAME}-${Aws.REGION}`,
			description: 'Signs CloudFront requests to the console bucket',
			signing: cloudfront.Signing.SIGV4_ALWAYS
		});

		// Deep links → index.html at the edge, for this behaviour only (no custom error responses).
		// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-functions.html
		const rewrite = new cloudfront.Function(this, 'DeepLinkFunction', {
			functionName: `${Aws.STACK_NAME}-${Aws.REGION}-deep-links`,
			comment: `Serves ${base}/index.html for the console's routes`,
			runtime: cloudfront.FunctionRuntime.JS_2_0,
			code: cloudfront.FunctionCode.fromInline(functionSource(base))
		});

		// Cognito: user pool, managed login domain, public app client (code + PKCE, no secret).
		// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html
		const pool = new cognito.UserPool(this, 'UserPool', {
			selfSignUpEnabled: false,
			signInAliases: { email: true },
			accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
			removalPolicy: RemovalPolicy.RETAIN
		});
		const domain = pool.addDomain('SignInDomain', {
			cognitoDomain: { domainPrefix: authDomainPrefix.valueAsString }
		});
		const client = pool.addClient('ConsoleClient', {
			generateSecret: false,
			preventUserExistenceErrors: true,
			enableTokenRevocation: true,
			idTokenValidity: Duration.minutes(60),
			accessTokenValidity: Duration.minutes(60),
			// Short: the console shares its origin with the site, so sessions should not outlive a day.
			refreshTokenValidity: Duration.hours(12),
			oAuth: {
				flows: { authorizationCodeGrant: true },
				scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
				callbackUrls: hostUrls(`${base}/auth/callback`),
				logoutUrls: hostUrls(`${base}/`)
			}
		});
		const cfnClient = client.node.defaultChild as cognito.CfnUserPoolClient;
		cfnClient.supportedIdentityProviders = identityProviders.valueAsList;

		const { identityPool } = addAccess(this, { pool, client, distributionArns, listAllowed });

		const authDomain = domain.baseUrl();
		// Security headers of the console's behaviour, from the one definition the local server uses.
		// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/understanding-response-headers-policies.html
		const headersPolicy = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
			responseHeadersPolicyName: `${Aws.STACK_NAME}-${Aws.REGION}-security`,
			comment: `Security headers for ${base}*`,
			...headersPolicyProps(securityHeaders(awsOrigins(Aws.REGION, authDomain)))
		});

		const out = (id: string, value: string, description: string) =>
			new CfnOutput(this, id, { value, description });
		out('BasePath', base, 'The console prefix: build with BASE_PATH=<this>, upload under it');
		out('BucketName', bucket.bucketName, 'Upload the build here, under the BasePath prefix');
		out(
			'BucketRegionalDomainName',
			bucket.bucketRegionalDomainName,
			'Origin domain name for the console origin of the distribution'
		);
		out('OriginAccessControlId', oac.originAccessControlId, 'OriginAccessControlId of that origin');
		out('FunctionArn', rewrite.functionArn, `viewer-request function of the ${base}* behaviour`);
		out(
			'ResponseHeadersPolicyId',
			headersPolicy.responseHeadersPolicyId,
			`ResponseHeadersPolicyId of the ${base}* behaviour`
		);
		out('UserPoolId', pool.userPoolId, 'Add users and put them in the operators or viewers group');
		out('AuthDomain', authDomain, 'Cognito sign-in domain (managed login)');
		out(
			'DistributionIdList',
			Fn.join(',', distributionIds.valueAsList),
			'Distributions the console may purge'
		);
		// config.json, but for `distributions` (the deploy step adds them from DistributionIds).
		out(
			'ConsoleConfig',
			this.toJsonString(
				consoleConfigLayout({
					region: Aws.REGION,
					identityPoolId: identityPool.ref,
					issuer: pool.userPoolProviderUrl,
					domain: authDomain,
					clientId: client.userPoolClientId,
					base
				})
			),
			'config.json for the console (npm run deploy writes it)'
		);
	}
}
