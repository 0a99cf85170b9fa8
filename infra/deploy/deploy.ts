/**
 * `npm run deploy -- --outputs <file> [--dry-run] [--skip-build] [--force] [--label ID=Label]…
 *   [--identity-provider Name]`
 *
 * Builds the console for the stack's base path, checks the config.json the stack's outputs make,
 * and uploads to the stack's bucket: hashed assets with a one-year immutable Cache-Control first,
 * then the rest with no-cache, config.json, and index.html last. No invalidation is needed for the
 * console itself: every file that changes between builds is revalidated (no-cache) or renamed.
 * `<file>` is the output of
 *   aws cloudformation describe-stacks --stack-name <name> --query 'Stacks[0].Outputs'
 * `--dry-run` prints the plan and sends nothing (it lists the bucket if it can).
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

import {
	DeleteObjectsCommand,
	GetObjectCommand,
	ListObjectsV2Command,
	PutObjectCommand,
	S3Client
} from '@aws-sdk/client-s3';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { checkConsoleConfig, describeConfigError } from '../rules/console-config';
import { checkBase } from '../rules/rewrite';
import {
	formatPlan,
	localFile,
	manifestIsStale,
	planDeploy,
	readReleaseManifest,
	RELEASE_MANIFEST,
	releaseManifest,
	uploadStage,
	type LocalFile,
	type RemoteObject
} from './plan';
import { uploadInStages } from './upload';
import { configFromOutputs, readOutputs } from './outputs';

const BUILD = 'build';

const { values } = parseArgs({
	options: {
		outputs: { type: 'string' },
		'dry-run': { type: 'boolean', default: false },
		'skip-build': { type: 'boolean', default: false },
		force: { type: 'boolean', default: false },
		label: { type: 'string', multiple: true, default: [] },
		'identity-provider': { type: 'string' }
	}
});

function fail(message: string): never {
	console.error(`deploy: ${message}`);
	process.exit(1);
}

if (!values.outputs)
	fail(
		'--outputs <file> is required: save the stack outputs with\n' +
			"  aws cloudformation describe-stacks --stack-name <name> --query 'Stacks[0].Outputs' > outputs.json"
	);
let outputs: ReturnType<typeof readOutputs>;
let config: unknown;
try {
	outputs = readOutputs(readFileSync(values.outputs, 'utf8'));
	config = configFromOutputs(outputs, values.label, values['identity-provider']);
} catch (error) {
	fail(`${values.outputs}: ${error instanceof Error ? error.message : String(error)}`);
}
let base: string;
try {
	base = checkBase(outputs.BasePath);
} catch (error) {
	fail(`${values.outputs}: BasePath: ${error instanceof Error ? error.message : String(error)}`);
}
let region: string;
try {
	region = checkConsoleConfig(config, base).region;
} catch (error) {
	fail(
		`${describeConfigError(error)} Check the stack's ConsoleConfig output and the --label flags.`
	);
}
const prefix = base.slice(1);
const bucket = outputs.BucketName;

if (!values['skip-build']) {
	console.log(`Building for ${base} …`);
	const build = spawnSync('npm', ['run', 'build'], {
		stdio: 'inherit',
		env: { ...process.env, BASE_PATH: base }
	});
	if (build.status !== 0) fail('the build failed (see above)');
}
const indexPath = join(BUILD, 'index.html');
if (!existsSync(indexPath)) fail('build/index.html is missing: run without --skip-build');
if (!readFileSync(indexPath, 'utf8').includes(`"${base}/_app/`))
	fail(`build/ was not built for ${base}: run without --skip-build`);

const files = readdirSync(BUILD, { recursive: true, withFileTypes: true })
	.filter((entry) => entry.isFile())
	.map((entry) => join(entry.parentPath, entry.name));
const bodies = new Map<string, Uint8Array | string>();
const local: LocalFile[] = files.map((path) => {
	const rel = `/${relative(BUILD, path).split(sep).join('/')}`;
	const body = readFileSync(path);
	const file = localFile(prefix, rel, body);
	bodies.set(file.key, body);
	return file;
});
if (local.some((f) => f.key === `${prefix}/config.json`))
	fail('build/ contains a config.json: the deploy step writes it from the stack outputs');
const configBody = `${JSON.stringify(config, null, '\t')}\n`;
const configFile = localFile(prefix, '/config.json', configBody);
bodies.set(configFile.key, configBody);
local.push(configFile);
if (local.some((f) => f.key === `${prefix}${RELEASE_MANIFEST}`))
	fail(`build/ contains ${RELEASE_MANIFEST.slice(1)}: the deploy step writes it`);
// This release's hashed assets, so the next deploy keeps them for tabs still open on it.
const manifestBody = releaseManifest(local);
const manifestFile = localFile(prefix, RELEASE_MANIFEST, manifestBody);
bodies.set(manifestFile.key, manifestBody);
local.push(manifestFile);

// Checksums only where S3 requires them, so the ETag stays the plain MD5 the plan compares.
const s3 = new S3Client({ region, requestChecksumCalculation: 'WHEN_REQUIRED' });

async function listBucket(): Promise<RemoteObject[]> {
	const objects: RemoteObject[] = [];
	let token: string | undefined;
	do {
		const page = await s3.send(
			new ListObjectsV2Command({ Bucket: bucket, Prefix: `${prefix}/`, ContinuationToken: token })
		);
		for (const o of page.Contents ?? [])
			if (o.Key && o.ETag)
				objects.push({ key: o.Key, etag: o.ETag, lastModified: o.LastModified?.getTime() });
		token = page.IsTruncated ? page.NextContinuationToken : undefined;
	} while (token);
	return objects;
}

let remote: RemoteObject[];
try {
	remote = await listBucket();
} catch (error) {
	const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
	if (!values['dry-run']) fail(`cannot list s3://${bucket}/${prefix}/ (${why})`);
	console.warn(`Could not list s3://${bucket}/${prefix}/ (${why}); planning as if it were empty.`);
	remote = [];
}

/** The hashed assets of the release now served, from its manifest; null when unknown. */
async function previousRelease(): Promise<string[] | null> {
	if (!remote.some((o) => o.key === manifestFile.key)) return null; // none yet: keep every asset
	try {
		const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: manifestFile.key }));
		return readReleaseManifest((await out.Body?.transformToString()) ?? null);
	} catch (error) {
		const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
		console.warn(`Could not read ${manifestFile.key} (${why}); keeping every old hashed asset.`);
		return null;
	}
}

const previous = await previousRelease();
if (previous && manifestIsStale(remote, prefix))
	console.warn(
		`${manifestFile.key} is older than index.html (a deploy stopped before writing it); keeping every old hashed asset.`
	);
const plan = planDeploy(local, remote, prefix, { force: values.force, previous });
console.log(`\nconfig.json:\n${configBody}`);
console.log(formatPlan(plan, bucket));
if (values['dry-run']) {
	console.log('\nDry run: nothing was uploaded or deleted.');
	process.exit(0);
}

await uploadInStages(plan.uploads, uploadStage, async (upload) => {
	await s3.send(
		new PutObjectCommand({
			Bucket: bucket,
			Key: upload.key,
			Body: bodies.get(upload.key),
			CacheControl: upload.cacheControl,
			ContentType: upload.contentType
		})
	);
	console.log(`put ${upload.key}`);
});
// DeleteObjects answers 200 even when keys fail: quiet mode lists only those, in `Errors`.
// https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html
const notDeleted: string[] = [];
for (let i = 0; i < plan.deletes.length; i += 1000) {
	const batch = plan.deletes.slice(i, i + 1000); // DeleteObjects takes up to 1,000 keys
	const { Errors } = await s3.send(
		new DeleteObjectsCommand({
			Bucket: bucket,
			Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true }
		})
	);
	for (const e of Errors ?? []) notDeleted.push(`${e.Key} (${e.Code}: ${e.Message})`);
}
if (notDeleted.length)
	fail(
		`the new build is live, but ${notDeleted.length} stale object(s) were not deleted:\n  ` +
			`${notDeleted.join('\n  ')}\nFix the bucket policy or role and rerun the deploy.`
	);
console.log(`\nDeployed to s3://${bucket}/${prefix}/. No invalidation needed.`);
