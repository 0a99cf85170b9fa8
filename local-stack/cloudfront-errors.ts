// CloudFront error codes with the status and message AWS sends: the model
// (https://github.com/aws/aws-sdk-js-v3/blob/main/codegen/sdk-codegen/aws-models/cloudfront.json),
// front-door codes (https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html), and
// messages from public captures where known.
// Only `Error/Code` decides `err.name` in the SDK; the status drives retries and `$metadata`.

export class CloudFrontError extends Error {
	constructor(
		readonly code: string,
		message: string,
		readonly status: number,
		readonly type: 'Sender' | 'Receiver' = status >= 500 ? 'Receiver' : 'Sender'
	) {
		super(message);
	}
}

const e = (code: string, status: number) => (message: string) =>
	new CloudFrontError(code, message, status);

export const missingAuthenticationToken = () =>
	e('MissingAuthenticationToken', 403)('Missing Authentication Token');
/** IncompleteSignature: 400 on older Common Errors pages, 403 on newer ones; 403 here. */
export const incompleteSignature = e('IncompleteSignature', 403);
export const invalidClientTokenId = () =>
	e('InvalidClientTokenId', 403)('The security token included in the request is invalid.');
export const expiredToken = () =>
	e('ExpiredToken', 403)('The security token included in the request is expired');
export const signatureDoesNotMatch = (
	message = 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.'
) => e('SignatureDoesNotMatch', 403)(message);
export const accessDenied = e('AccessDenied', 403);
export const noSuchDistribution = () =>
	e('NoSuchDistribution', 404)('The specified distribution does not exist.');
export const noSuchInvalidation = () =>
	e('NoSuchInvalidation', 404)('The specified invalidation does not exist.');
export const invalidArgument = e('InvalidArgument', 400);
export const INVALID_PATHS = 'Your request contains one or more invalid invalidation paths.';
export const inconsistentQuantities = (declared: number, actual: number) =>
	e(
		'InconsistentQuantities',
		400
	)(
		`The specified quantity of Paths (${declared}) does not match the actual quantity supplied (${actual}).`
	);
/**
 * The model's documentation text; AWS may send MalformedXML instead (seen in
 * https://github.com/aws/aws-sdk-php/issues/1973).
 */
export const missingBody = () =>
	e(
		'MissingBody',
		400
	)(
		'This operation requires a body. Ensure that the body is present and the Content-Type header is set.'
	);
export const malformedXml = e('MalformedXML', 400);
export const batchTooLarge = e('BatchTooLarge', 413);
export const tooManyInvalidationsInProgress = e('TooManyInvalidationsInProgress', 400);
/** Unmodeled; 409 like every modeled `*AlreadyExists` (status UNCONFIRMED). */
export const invalidationBatchAlreadyExists = () =>
	e(
		'InvalidationBatchAlreadyExists',
		409
	)(
		'The CallerReference you attempted to create the invalidation batch with is already in use with a different batch.'
	);
export const throttling = () => e('Throttling', 400)('Rate exceeded');
export const serviceUnavailable = () =>
	e('ServiceUnavailable', 503)('CloudFront encountered an internal error. Please try again.');
