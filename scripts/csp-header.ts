/**
 * Prints the Content-Security-Policy header for a deployment (the response headers policy of the
 * /_console* behaviour), given the user pool's region and domain:
 *   npm run csp-header -- eu-west-1 https://example-ops.auth.eu-west-1.amazoncognito.com
 * The CloudFormation template (infra/) builds the same header from the same module.
 */
import { awsOrigins, headerPolicy } from '../infra/rules/csp.js';

const [region, authDomain, ...extra] = process.argv.slice(2);
if (!region || !authDomain) {
	console.error('Usage: npm run csp-header -- <region> <user pool domain URL> [more origins…]');
	process.exit(2);
}
let authOrigin: string;
try {
	authOrigin = new URL(authDomain).origin;
} catch {
	console.error(
		`"${authDomain}" is not a URL: give the user pool domain with its scheme, e.g. https://example-ops.auth.eu-west-1.amazoncognito.com`
	);
	process.exit(2);
}
console.log(headerPolicy([...awsOrigins(region, authOrigin), ...extra]));
