// CloudFront Function (viewer request, runtime cloudfront-js-2.0) on the console's `/_console*`
// cache behaviour. The template inlines this file; the local console server and the tests run the
// same text (infra/rules/rewrite.ts), so what is tested is what is deployed. No exports, no
// imports: CloudFront runs the source as it is, calling `handler`.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/functions-javascript-runtime-20.html
//
// - `<base>` (no slash) → 301 to `<base>/`, query string kept, so relative URLs resolve under it.
// - A URI whose last segment has no dot is a route of the single-page app: serve `<base>/index.html`
//   (one cached copy for every deep link). Files (`.js`, `.css`, `config.json`) pass unchanged.
// This replaces distribution-wide custom error responses, which would also answer every missing
// page of the site sharing the distribution with the console's shell.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/example-function-add-index.html
// `request.uri` never holds the query string; query values are joined as CloudFront presents them,
// as in AWS's example:
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/example_cloudfront_functions_normalize_query_string_parameters_section.html

var BASE = '/_console';

/** @param {Record<string, { value: string, multiValue?: { value: string }[] }>} querystring */
function queryString(querystring) {
	var parts = [];
	for (var name in querystring) {
		var entry = querystring[name];
		var values = entry.multiValue ? entry.multiValue : [entry];
		for (var i = 0; i < values.length; i++) {
			parts.push(values[i].value === '' ? name : name + '=' + values[i].value);
		}
	}
	return parts.length ? '?' + parts.join('&') : '';
}

/** @param {{ request: { uri: string, querystring: Record<string, any> } }} event */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- CloudFront calls it by name
function handler(event) {
	var request = event.request;
	if (request.uri === BASE) {
		return {
			statusCode: 301,
			statusDescription: 'Moved Permanently',
			headers: { location: { value: BASE + '/' + queryString(request.querystring) } }
		};
	}
	var last = request.uri.slice(request.uri.lastIndexOf('/') + 1);
	if (last.indexOf('.') === -1) request.uri = BASE + '/index.html';
	return request;
}
