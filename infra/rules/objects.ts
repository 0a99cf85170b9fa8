/**
 * How each file of the build is served: Cache-Control and Content-Type. The deploy step stores them
 * as S3 object metadata, which CloudFront passes on; the local console server sends the same.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/Expiration.html
 */

/** Content-hashed files: a new build gets new names, so they may be cached for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html, config.json, _app/version.json): revalidated on every use. */
export const REVALIDATE = 'no-cache';

/** `path` relative to the build root, with a leading slash: `/_app/immutable/entry/start.x.js`. */
export const cacheControl = (path: string): string =>
	path.startsWith('/_app/immutable/') ? IMMUTABLE : REVALIDATE;

const types: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.webmanifest': 'application/manifest+json',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8'
};

export const contentType = (path: string): string => {
	const dot = path.lastIndexOf('.');
	return (
		(dot > path.lastIndexOf('/') && types[path.slice(dot).toLowerCase()]) ||
		'application/octet-stream'
	);
};
