/**
 * Prints the Content-Security-Policy header for a deployment (the response headers policy of the
 * /_console* behaviour), given the user pool's region and domain:
 *   npm run csp-header -- eu-west-1 https://example-ops.auth.eu-west-1.amazoncognito.com
 * It includes the hash that lets SvelteKit's route announcer keep its style (see csp.js).
 */
import { headerPolicy } from './serve-console';

const [region, authDomain, ...extra] = process.argv.slice(2);
if (!region || !authDomain) {
	console.error('Usage: npm run csp-header -- <region> <user pool domain URL> [more origins…]');
	process.exit(2);
}
console.log(
	headerPolicy([
		`https://cognito-identity.${region}.amazonaws.com`,
		`https://cognito-idp.${region}.amazonaws.com`,
		new URL(authDomain).origin,
		'https://cloudfront.amazonaws.com',
		...extra
	])
);
