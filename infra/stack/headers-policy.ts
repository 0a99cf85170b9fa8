import { Duration } from 'aws-cdk-lib/core';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';

/**
 * The response headers policy's settings for the header map of infra/rules/csp.js. A header it
 * cannot express fails the synth, so the template never silently drops one the local server sends.
 */
export function headersPolicyProps(
	headers: Record<string, string>
): Pick<
	cloudfront.ResponseHeadersPolicyProps,
	'securityHeadersBehavior' | 'customHeadersBehavior'
> {
	const rest = { ...headers };
	const take = (name: string) => {
		const value = rest[name];
		if (value === undefined) throw new Error(`securityHeaders() has no ${name}`);
		delete rest[name];
		return value;
	};
	const hsts = /^max-age=(\d+)$/.exec(take('strict-transport-security'));
	if (!hsts) throw new Error('strict-transport-security must be "max-age=<seconds>"');
	const frame = take('x-frame-options');
	const referrer = take('referrer-policy');
	if (take('x-content-type-options') !== 'nosniff')
		throw new Error('x-content-type-options must be nosniff');
	const securityHeadersBehavior: cloudfront.ResponseSecurityHeadersBehavior = {
		contentSecurityPolicy: {
			contentSecurityPolicy: take('content-security-policy'),
			override: true
		},
		strictTransportSecurity: {
			accessControlMaxAge: Duration.seconds(Number(hsts[1])),
			includeSubdomains: false,
			override: true
		},
		frameOptions: { frameOption: frame as cloudfront.HeadersFrameOption, override: true },
		referrerPolicy: {
			referrerPolicy: referrer as cloudfront.HeadersReferrerPolicy,
			override: true
		},
		contentTypeOptions: { override: true }
	};
	// Headers CloudFront has no named setting for go out as custom headers.
	const customHeadersBehavior = {
		customHeaders: Object.entries(rest).map(([header, value]) => ({
			header,
			value,
			override: true
		}))
	};
	return { securityHeadersBehavior, customHeadersBehavior };
}
