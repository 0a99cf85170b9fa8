import type { IncomingMessage } from 'node:http';
import { header, type Headers } from './http';

// CORS as cloudfront.amazonaws.com and cognito-identity answer it (recorded by the AWS SDK team:
// https://github.com/AllanZhengYP/cors-test, output.md): allow-origin `*`, no credentials, the requested
// headers echoed (never a fixed list, so new SDK headers keep working), Max-Age two days, and exactly
// these exposed headers (so browsers cannot read ETag or Location, as with AWS).

export const EXPOSE_HEADERS = 'x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date';

/** Headers for every actual (non-preflight) response. */
export const corsHeaders = (): Headers => ({
	'Access-Control-Allow-Origin': '*',
	'Access-Control-Expose-Headers': EXPOSE_HEADERS
});

/**
 * Headers for an OPTIONS preflight. `methods` fixes the allowed methods (Cognito Identity answers
 * `POST`); otherwise the requested method is echoed, as CloudFront does.
 */
export function preflightHeaders(req: IncomingMessage, methods?: string): Headers {
	const out: Headers = { ...corsHeaders(), 'Access-Control-Max-Age': '172800' };
	const requestedHeaders = header(req, 'access-control-request-headers');
	if (requestedHeaders) out['Access-Control-Allow-Headers'] = requestedHeaders;
	const method = methods ?? header(req, 'access-control-request-method');
	if (method) out['Access-Control-Allow-Methods'] = method;
	// Loopback only: lets Chrome's Private Network Access preflight through if it ever asks.
	// AWS never sees such a preflight (it is public), so this changes nothing it would answer.
	if (header(req, 'access-control-request-private-network') === 'true')
		out['Access-Control-Allow-Private-Network'] = 'true';
	return out;
}

export const isPreflight = (req: IncomingMessage): boolean => req.method === 'OPTIONS';
