/**
 * The upload plan of `npm run deploy`: which objects to put, in what order, with which headers, and
 * which stale objects to delete. Pure: the deploy script lists the build and the bucket, this
 * decides, and `--dry-run` prints the decision without sending anything.
 */
import { createHash } from 'node:crypto';
import { cacheControl, contentType, IMMUTABLE } from '../rules/objects';

export interface LocalFile {
	/** S3 key, e.g. `_console/_app/immutable/entry/start.x.js`. */
	key: string;
	md5: string;
	size: number;
	cacheControl: string;
	contentType: string;
}
export interface RemoteObject {
	key: string;
	/** As S3 lists it: quoted, the MD5 for single-part uploads. */
	etag: string;
	/** When it was last written (ms since the epoch), as S3 lists it (`LastModified`). */
	lastModified?: number;
}
export interface Upload extends LocalFile {
	reason: 'new' | 'changed' | 'forced';
}
export interface Plan {
	/** Key prefix without a trailing slash, as given to planDeploy. */
	prefix: string;
	/** In upload order: hashed assets, other files, config.json, index.html last. */
	uploads: Upload[];
	unchanged: LocalFile[];
	/**
	 * Stale objects deleted after the uploads: files gone from the build, and hashed assets of
	 * releases before the previous one (no tab should still run those).
	 */
	deletes: string[];
	/** Stale hashed assets of the previous release: kept, as tabs still open on it may load them. */
	kept: string[];
}

/**
 * Where each deploy records the hashed assets of its build, written after index.html, so the next
 * deploy knows which stale assets belong to the release it replaces. Revalidated (not under
 * `_app/immutable/`).
 */
export const RELEASE_MANIFEST = '/_app/release-assets.json';

/** The manifest's body for this build: the keys of its hashed assets. */
export function releaseManifest(local: LocalFile[]): string {
	const assets = local
		.filter((f) => f.cacheControl === IMMUTABLE)
		.map((f) => f.key)
		.sort();
	return `${JSON.stringify({ v: 1, assets }, null, '\t')}\n`;
}

/**
 * The hashed assets a manifest lists, or null when it cannot be read (none yet: the release before
 * manifests existed; another format): then every stale hashed asset is kept, as before.
 */
export function readReleaseManifest(body: string | null): string[] | null {
	if (body === null) return null;
	try {
		const m: unknown = JSON.parse(body);
		if (typeof m !== 'object' || m === null || !('assets' in m)) return null;
		const assets = (m as { assets: unknown }).assets;
		return Array.isArray(assets) && assets.every((a) => typeof a === 'string') ? assets : null;
	} catch {
		return null;
	}
}

/** Whether `key` (under `prefix`) is a hashed asset: immutable, renamed whenever it changes. */
const isHashedAsset = (key: string, prefix: string) =>
	cacheControl(key.slice(prefix.length)) === IMMUTABLE;

/** The object for the file at `path` (relative to the build, leading slash) under `prefix` (`_console`). */
export function localFile(prefix: string, path: string, body: Uint8Array | string): LocalFile {
	return {
		key: `${prefix}${path}`,
		md5: createHash('md5').update(body).digest('hex'),
		size: typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength,
		cacheControl: cacheControl(path),
		contentType: contentType(path)
	};
}

/**
 * Upload stage: hashed assets first, so nothing references a file not there yet; the entry point
 * last but for the release manifest, which names this release only once it is live (a deploy
 * stopped before index.html leaves the manifest of the release still served).
 */
export const uploadStage = (file: LocalFile) =>
	file.cacheControl === IMMUTABLE
		? 0
		: file.key.endsWith(RELEASE_MANIFEST)
			? 4
			: file.key.endsWith('/index.html')
				? 3
				: file.key.endsWith('/config.json')
					? 2
					: 1;

/**
 * Compare the build with the bucket listing. An object is unchanged when its ETag is the local MD5,
 * which holds for single-part uploads with SSE-S3 (the bucket's encryption):
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_Object.html
 * `force` re-uploads everything (e.g. after a Cache-Control rule changed: the ETag doesn't show it).
 */
export function planDeploy(
	local: LocalFile[],
	remote: RemoteObject[],
	/** Key prefix without a trailing slash: `_console`. Nothing outside it is touched. */
	prefix: string,
	options: {
		force?: boolean;
		/**
		 * The hashed assets of the release being replaced (its manifest), or null when unknown:
		 * then every stale hashed asset is kept.
		 */
		previous?: readonly string[] | null;
	} = {}
): Plan {
	const dir = `${prefix}/`;
	const keys = new Set(local.map((f) => f.key));
	if (keys.size !== local.length) throw new Error('Two local files map to one key');
	const etags = new Map(remote.map((o) => [o.key, o.etag.replace(/"/g, '')]));
	const uploads: Upload[] = [];
	const unchanged: LocalFile[] = [];
	for (const file of [...local].sort(
		(a, b) => uploadStage(a) - uploadStage(b) || a.key.localeCompare(b.key)
	)) {
		if (!file.key.startsWith(dir)) throw new Error(`${file.key} is outside ${dir}`);
		const etag = etags.get(file.key);
		if (options.force) uploads.push({ ...file, reason: 'forced' });
		else if (etag === undefined) uploads.push({ ...file, reason: 'new' });
		else if (etag !== file.md5) uploads.push({ ...file, reason: 'changed' });
		else unchanged.push(file);
	}
	const stale = remote
		.map((o) => o.key)
		.filter((key) => key.startsWith(dir) && !keys.has(key))
		.sort();
	// Redeploying the build already served (a config.json change, --force): its manifest names
	// this very build, and the release before it, which open tabs may still run, is unknown here.
	const servedIsThisBuild = options.previous?.every((key) => keys.has(key)) ?? true;
	const previous =
		servedIsThisBuild || manifestIsStale(remote, prefix) ? null : new Set(options.previous);
	const keep = (key: string) =>
		isHashedAsset(key, prefix) && (previous === null || previous.has(key));
	return {
		prefix,
		uploads,
		unchanged,
		deletes: stale.filter((key) => !keep(key)),
		kept: stale.filter(keep)
	};
}

/**
 * Whether the bucket's release manifest is older than its index.html: a deploy stopped after
 * putting index.html and before the manifest (the last upload) left the manifest of the release
 * before the one served. Its assets are then not those open tabs run, so none is deleted on its
 * word. S3 keeps LastModified to the second, and a deploy writes the manifest after index.html, so
 * a completed deploy never leaves the manifest older. A manifest left as it was while index.html
 * changed (a build whose assets are all unchanged) reads as stale too: that only keeps more.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_Object.html
 */
export function manifestIsStale(remote: readonly RemoteObject[], prefix: string): boolean {
	const written = (path: string) => remote.find((o) => o.key === `${prefix}${path}`)?.lastModified;
	const index = written('/index.html');
	const manifest = written(RELEASE_MANIFEST);
	return index !== undefined && manifest !== undefined && manifest < index;
}

/** The plan as the terminal shows it. */
export function formatPlan(plan: Plan, bucket: string): string {
	const size = (n: number) => (n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KB`);
	return [
		...plan.uploads.map(
			(u) => `PUT     s3://${bucket}/${u.key}  (${u.reason}, ${size(u.size)}, ${u.cacheControl})`
		),
		...plan.deletes.map(
			(key) =>
				`DELETE  s3://${bucket}/${key}  (${isHashedAsset(key, plan.prefix) ? 'from a release before the previous one' : 'no longer in the build'})`
		),
		...plan.kept.map(
			(key) => `KEEP    s3://${bucket}/${key}  (previous build; open tabs may load it)`
		),
		`${plan.uploads.length} to upload, ${plan.unchanged.length} unchanged, ${plan.deletes.length} to delete, ${plan.kept.length} kept.`
	].join('\n');
}
