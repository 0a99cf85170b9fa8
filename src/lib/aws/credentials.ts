/**
 * Short-lived AWS credentials from the Cognito identity pool (enhanced flow). The only importer of
 * the credential provider, so switching to `@aws-sdk/credential-providers` is a one-line change.
 */
import { fromCognitoIdentityPool } from '@aws-sdk/credential-provider-cognito-identity';
import { loginsKey, type Config } from '$lib/config';

export function identityPoolCredentials(
	config: Config,
	userIdentifier: string,
	idToken: () => Promise<string>
) {
	return fromCognitoIdentityPool({
		identityPoolId: config.identityPoolId,
		// clientConfig, not client: a client-cognito-identity client is not assignable to the
		// provider's nested-clients type (svelte-check TS2322; our observation with the pinned SDK).
		clientConfig: {
			region: config.region,
			endpoint: config.endpoints.cognitoIdentity ?? undefined
		},
		// Caches the identity ID per user (not a secret), saving a GetId per credential fetch.
		userIdentifier,
		// A function: called on every credential fetch, so each one gets a fresh ID token.
		logins: { [loginsKey(config)]: idToken }
	});
}
