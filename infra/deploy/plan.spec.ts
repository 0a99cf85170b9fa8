import { describe, expect, it } from 'vitest';
import {
	formatPlan,
	localFile,
	planDeploy,
	readReleaseManifest,
	RELEASE_MANIFEST,
	releaseManifest,
	type RemoteObject
} from './plan';

const md5 = (body: string) => localFile('_console', '/x', body).md5;
const files = {
	index: localFile('_console', '/index.html', '<html>v2</html>'),
	config: localFile('_console', '/config.json', '{"version":1}'),
	version: localFile('_console', '/_app/version.json', '{"version":"2"}'),
	start: localFile('_console', '/_app/immutable/entry/start.B2.js', 'start v2'),
	chunk: localFile('_console', '/_app/immutable/chunks/C1.js', 'chunk'),
	favicon: localFile('_console', '/favicon.svg', '<svg/>')
};
const all = Object.values(files);
const remote = (key: string, body: string): RemoteObject => ({ key, etag: `"${md5(body)}"` });

describe('upload plan', () => {
	it('puts everything into an empty bucket: hashed assets first, config.json, index.html last', () => {
		const plan = planDeploy(all, [], '_console');
		expect(plan.uploads.map((u) => [u.key, u.reason])).toEqual([
			['_console/_app/immutable/chunks/C1.js', 'new'],
			['_console/_app/immutable/entry/start.B2.js', 'new'],
			['_console/_app/version.json', 'new'],
			['_console/favicon.svg', 'new'],
			['_console/config.json', 'new'],
			['_console/index.html', 'new']
		]);
		expect(plan.deletes).toEqual([]);
	});

	it.each([
		[
			'_console/_app/immutable/chunks/C1.js',
			'public, max-age=31536000, immutable',
			'text/javascript; charset=utf-8'
		],
		['_console/_app/version.json', 'no-cache', 'application/json'],
		['_console/config.json', 'no-cache', 'application/json'],
		['_console/index.html', 'no-cache', 'text/html; charset=utf-8'],
		['_console/favicon.svg', 'no-cache', 'image/svg+xml']
	])('%s gets Cache-Control %s', (key, cacheControl, contentType) => {
		const upload = planDeploy(all, [], '_console').uploads.find((u) => u.key === key);
		expect(upload).toMatchObject({ cacheControl, contentType });
	});

	it('skips objects whose ETag is the local MD5 and re-puts changed ones', () => {
		const plan = planDeploy(
			all,
			[
				remote('_console/_app/immutable/chunks/C1.js', 'chunk'),
				remote('_console/favicon.svg', '<svg/>'),
				remote('_console/index.html', '<html>v1</html>'),
				remote('_console/config.json', '{"version":1}')
			],
			'_console'
		);
		expect(plan.unchanged.map((f) => f.key)).toEqual([
			'_console/_app/immutable/chunks/C1.js',
			'_console/favicon.svg',
			'_console/config.json'
		]);
		expect(plan.uploads.map((u) => [u.key, u.reason])).toEqual([
			['_console/_app/immutable/entry/start.B2.js', 'new'],
			['_console/_app/version.json', 'new'],
			['_console/index.html', 'changed']
		]);
	});

	it('treats a multipart ETag (not an MD5) as changed', () => {
		const plan = planDeploy(
			[files.favicon],
			[{ key: files.favicon.key, etag: '"abc-2"' }],
			'_console'
		);
		expect(plan.uploads.map((u) => u.reason)).toEqual(['changed']);
	});

	it('deletes stale files but keeps the previous build’s hashed assets for open tabs', () => {
		const plan = planDeploy(
			all,
			[
				remote('_console/_app/immutable/entry/start.A1.js', 'start v1'),
				remote('_console/old-page.html', 'x'),
				remote('_consoleX/other.html', 'not ours'),
				remote('site/index.html', 'not ours')
			],
			'_console'
		);
		expect(plan.deletes).toEqual(['_console/old-page.html']);
		expect(plan.kept).toEqual(['_console/_app/immutable/entry/start.A1.js']);
	});

	it('re-uploads everything when forced', () => {
		const plan = planDeploy(
			all,
			all.map((f) => ({ key: f.key, etag: f.md5 })),
			'_console',
			{
				force: true
			}
		);
		expect(plan.uploads.map((u) => u.reason)).toEqual(all.map(() => 'forced'));
	});

	it('refuses files outside the prefix', () => {
		expect(() => planDeploy([localFile('site', '/index.html', 'x')], [], '_console')).toThrow(
			'site/index.html is outside _console/'
		);
	});

	it('prints one line per action and a summary', () => {
		const text = formatPlan(
			planDeploy([files.index], [remote('_console/old.html', 'x')], '_console'),
			'my-bucket'
		);
		expect(text.split('\n')).toEqual([
			'PUT     s3://my-bucket/_console/index.html  (new, 15 B, no-cache)',
			'DELETE  s3://my-bucket/_console/old.html  (no longer in the build)',
			'1 to upload, 0 unchanged, 1 to delete, 0 kept.'
		]);
	});
});

describe('old hashed assets', () => {
	const v1 = remote('_console/_app/immutable/entry/start.A1.js', 'start v1');
	const v0 = remote('_console/_app/immutable/entry/start.Z0.js', 'start v0');

	it("keeps the previous release's assets and deletes those of releases before it", () => {
		const plan = planDeploy(all, [v1, v0, remote('_console/old-page.html', 'x')], '_console', {
			previous: [v1.key, files.chunk.key]
		});
		expect(plan.kept).toEqual([v1.key]);
		expect(plan.deletes).toEqual([v0.key, '_console/old-page.html']);
	});

	it('keeps every old asset when the previous release is unknown (no manifest yet)', () => {
		const plan = planDeploy(all, [v1, v0], '_console', { previous: null });
		expect(plan.kept).toEqual([v0.key, v1.key].sort());
		expect(plan.deletes).toEqual([]);
	});

	it('keeps every old asset when the build served is this one again (a redeploy)', () => {
		// The manifest names this build: the release before it is unknown, and tabs may run it.
		const plan = planDeploy(all, [v1, v0, remote(files.chunk.key, 'chunk')], '_console', {
			previous: [files.chunk.key]
		});
		expect(plan.kept).toEqual([v0.key, v1.key].sort());
		expect(plan.deletes).toEqual([]);
	});

	it('keeps every old asset when a deploy stopped before the manifest (index.html is newer)', () => {
		// v1 is served: its deploy put index.html, then stopped before writing the manifest, which
		// still names v0. Deleting by that manifest would take v1's assets from its open tabs.
		const written = (o: RemoteObject, at: string) => ({ ...o, lastModified: Date.parse(at) });
		const bucket = [
			v1,
			v0,
			written(remote('_console/index.html', '<html>v1</html>'), '2026-11-30T10:00:05Z'),
			written(remote(`_console${RELEASE_MANIFEST}`, 'v0 manifest'), '2026-11-30T09:00:00Z')
		];
		const local = [...all, localFile('_console', RELEASE_MANIFEST, releaseManifest(all))];
		const plan = planDeploy(local, bucket, '_console', { previous: [v0.key] });
		expect(plan.kept).toEqual([v0.key, v1.key].sort());
		expect(plan.deletes).toEqual([]);
		expect(formatPlan(plan, 'b')).toContain(`KEEP    s3://b/${v1.key}`);

		// Written in the same second as index.html, after it: that manifest is the served release's.
		bucket[3] = written(bucket[3], '2026-11-30T10:00:05Z');
		const completed = planDeploy(local, bucket, '_console', { previous: [v1.key] });
		expect(completed.kept).toEqual([v1.key]);
		expect(completed.deletes).toEqual([v0.key]);
		expect(formatPlan(completed, 'b')).toContain(
			`DELETE  s3://b/${v0.key}  (from a release before the previous one)`
		);
	});

	it('never deletes an asset of this build, whatever the manifest says', () => {
		const plan = planDeploy(all, [remote(files.chunk.key, 'chunk')], '_console', { previous: [] });
		expect(plan.deletes).toEqual([]);
		expect(plan.unchanged.map((f) => f.key)).toEqual([files.chunk.key]);
	});

	it('writes the manifest after index.html, listing only hashed assets', () => {
		const manifest = localFile('_console', RELEASE_MANIFEST, releaseManifest(all));
		const plan = planDeploy([...all, manifest], [], '_console');
		expect(plan.uploads.map((u) => u.key).slice(-2)).toEqual([
			'_console/index.html',
			'_console/_app/release-assets.json'
		]);
		expect(manifest.cacheControl).toBe('no-cache');
		expect(readReleaseManifest(releaseManifest(all))).toEqual([
			'_console/_app/immutable/chunks/C1.js',
			'_console/_app/immutable/entry/start.B2.js'
		]);
	});

	it.each([
		[null, null],
		['not json', null],
		['{"v":1}', null],
		['{"v":1,"assets":[1]}', null],
		['{"v":1,"assets":["a"]}', ['a']]
	])('reads the manifest %s as %j', (body, expected) => {
		expect(readReleaseManifest(body)).toEqual(expected);
	});
});
