/**
 * A valid config.json, shown on the error screen so the fix is one copy away. A module of its
 * own, so only that screen (loaded when the file is bad) downloads it.
 */
import { EXAMPLE_USER_POOL_DOMAIN } from './config';

export const exampleConfig = {
	version: 1,
	region: 'eu-west-1',
	identityPoolId: 'eu-west-1:12345678-1234-1234-1234-123456789012',
	auth: {
		issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123',
		domain: EXAMPLE_USER_POOL_DOMAIN,
		clientId: '1example23456789',
		scopes: ['openid', 'email', 'profile'],
		redirectPath: '/_console/auth/callback',
		logoutPath: '/_console/',
		identityProvider: null
	},
	endpoints: { cloudfront: null, cognitoIdentity: null },
	distributions: [{ id: 'E1ABCDEF', label: 'www (production)' }],
	pricing: { freePathsPerMonth: 1000, pricePerPathUsd: 0.005, confirmAboveUsd: 1 }
};
