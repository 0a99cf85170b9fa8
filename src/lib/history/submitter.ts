/**
 * Who sent a purge, read from the CallerReference the console writes: `console:<email>:<id>`
 * (see callerReference() in $lib/purge/draft). Anyone holding CreateInvalidation could write the
 * same text, so it is an annotation; CloudTrail is the authoritative record:
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/logging_using_cloudtrail.html
 */
import { senderOf } from '$lib/purge/draft';

/**
 * The email in a console CallerReference, or null for purges made elsewhere.
 * @example submitterOf('console:alice@example.com:3f2a…') // 'alice@example.com'
 * @example submitterOf('cli-1717171717') // null
 */
export function submitterOf(callerReference: string): string | null {
	// One parser for the format, beside the function that writes it; an empty email is nobody.
	return senderOf(callerReference) || null;
}

/** For display: the email, or "—" when the purge was made outside the console. */
export const submitterLabel = (callerReference: string): string =>
	submitterOf(callerReference) ?? '—';
