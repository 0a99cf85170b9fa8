import { describe, expect, it } from 'vitest';
import { applyFix, lineRange } from './fix';
import { MAX_FILES_IN_PROGRESS, MAX_ITEMS_PER_REQUEST, MAX_WILDCARDS_IN_PROGRESS } from './limits';
import { describe as inWords } from './messages';
import { parsePaste as parseToData } from './parse-paste';
import { splitList } from './split-list';
import type { Message as Diagnostic, ParseOptions } from './types';

/** The batch with its messages in words, as the page shows them (messages.ts). */
function parsePaste(text: string, options?: ParseOptions) {
	const batch = parseToData(text, options);
	return { ...batch, diagnostics: batch.diagnostics.map(inWords) };
}

// The rules beyond one item's syntax, each from
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-objects.html
// unless noted.

const hosts = ['www.example.com'];
const about = (text: string, pattern: RegExp, options: ParseOptions = {}): Diagnostic[] =>
	parsePaste(text, options).diagnostics.filter((d) => pattern.test(d.message));

/** Apply the fix labelled `label` of the first message matching `pattern`. */
function fix(text: string, pattern: RegExp, label: string, options: ParseOptions = {}): string {
	const [d] = about(text, pattern, options);
	expect(d, `a message matching ${pattern}`).toBeDefined();
	const f = d.fixes.find((x) => x.label === label);
	expect(f, `fix "${label}" among ${d.fixes.map((x) => x.label).join(', ')}`).toBeDefined();
	return applyFix(text, f!);
}

describe('list splitting (a comma is a legal path character: split only real lists)', () => {
	it.each([
		['/a,/b , /c', ['/a', '/b', '/c'], 'commas with and without blanks'],
		['/a; /b;/c', ['/a', '/b', '/c'], 'semicolons'],
		['/a /b\t/c', ['/a', '/b', '/c'], 'blanks'],
		['https://x.test/a, /b', ['https://x.test/a', '/b'], 'URLs and paths mixed'],
		['HTTP://x.test/a;http://x.test/b', ['HTTP://x.test/a', 'http://x.test/b'], 'any scheme case'],
		['/img/a,b.jpg', ['/img/a,b.jpg'], 'a comma inside a file name'],
		['/a, b.jpg', ['/a, b.jpg'], 'a piece that does not start a path'],
		['/my file.txt', ['/my file.txt'], 'a space inside a name'],
		['/a,', ['/a,'], 'a trailing comma alone is not a list'],
		['#a,#b', ['#a,#b'], 'tags are not split (a comma is refused in a tag)']
	])('splitList(%j) → %j: %s', (line, pieces) => {
		expect(splitList(line)).toEqual(pieces);
	});

	it('sends each item of a list, says so, and offers one per line', () => {
		const batch = parsePaste('/a,/b , https://www.example.com/c', { hosts });
		expect(batch.items).toEqual(['/a', '/b', '/c']);
		expect(batch.diagnostics[0]).toMatchObject({
			line: 1,
			severity: 'info',
			message: 'A list of 3 on one line: each is checked and sent on its own.'
		});
		expect(fix('/a,/b , /c', /A list of/, 'Put one per line')).toBe('/a\n/b\n/c');
	});

	it('a trailing comma is a warning with a fix, never dropped silently', () => {
		expect(parsePaste('/a,').items).toEqual(['/a,']);
		expect(about('/a,', /Ends with ","/)[0].severity).toBe('warning');
		expect(fix('/a,', /Ends with/, 'Use /a')).toBe('/a');
		expect(fix('/a;', /Ends with ";"/, 'Use /a')).toBe('/a');
		expect(about('/a;b', /Ends with/)).toEqual([]);
	});
});

describe('URLs: paths are relative to the distribution', () => {
	it('a URL on its own hosts is information; another host is an error naming the hosts', () => {
		const own = about('https://www.example.com/a.jpg', /URL on this distribution/, { hosts });
		expect(own.map((d) => d.severity)).toEqual(['info']);
		const other = parsePaste('https://other.test/a.jpg', { hosts });
		expect(other.items).toEqual([]);
		expect(other.diagnostics[0].severity).toBe('error');
		expect(other.diagnostics[0].message).toContain('it serves www.example.com');
	});
});

describe('query strings: matter only when the cache key includes them', () => {
	it('warns, explains, and offers the path without it or every variant', () => {
		const [d] = about('/a.jpg?v=2', /query strings/);
		expect(d.severity).toBe('warning');
		expect(d.message).toBe(
			"CloudFront invalidates /a.jpg?v=2 only if this distribution's cache key includes query strings. Otherwise purge /a.jpg; /a.jpg* purges every variant."
		);
		expect(d.fixes.map((f) => f.label)).toEqual(['Use /a.jpg', 'Use /a.jpg*']);
		expect(fix('/a.jpg?v=2', /query strings/, 'Use /a.jpg')).toBe('/a.jpg');
		expect(fix('/a.jpg?v=2', /query strings/, 'Use /a.jpg*')).toBe('/a.jpg*');
	});

	it('keeps it, as information, when the user says the cache key includes query strings', () => {
		const batch = parsePaste('/a.jpg?v=2', { keepQueryStrings: true });
		expect(batch.items).toEqual(['/a.jpg?v=2']);
		expect(batch.diagnostics.map((d) => [d.severity, d.message])).toEqual([
			['info', 'Sent with its query string, as you asked.']
		]);
	});

	it('says nothing about a wildcard ending in a query (it is already every variant)', () => {
		expect(about('/a.jpg?v=*', /query strings/)).toEqual([]);
	});
});

describe('/dir versus /dir/ (different objects)', () => {
	it('warns on a name without extension or slash and offers /dir/ and /dir*', () => {
		const [d] = about('/docs', /different objects/);
		expect(d.severity).toBe('warning');
		expect(d.fixes.map((f) => f.label)).toEqual(['Add /docs/', 'Use /docs*']);
		expect(fix('/docs', /different objects/, 'Add /docs/')).toBe('/docs\n/docs/');
		expect(fix('/docs', /different objects/, 'Use /docs*')).toBe('/docs*');
	});

	it.each([
		['/docs/', 'a trailing slash'],
		['/a.html', 'an extension'],
		['/docs\n/docs/', 'both already listed'],
		['/docs*', 'a wildcard'],
		['/d/file.v2/x.png', 'a dot in the last segment only counts']
	])('is quiet for %j (%s)', (text) => {
		expect(about(text, /different objects/)).toEqual([]);
	});

	it('is not quiet for a dot in an earlier segment only', () => {
		expect(about('/v1.2/docs', /different objects/)).toHaveLength(1);
	});
});

describe('/ versus /*', () => {
	it('/ purges the home page only: information, with /* offered', () => {
		const [d] = about('/', /home page/);
		expect(d.message).toContain('"/" purges only the home page');
		expect(fix('/', /home page/, 'Use /*')).toBe('/*');
	});
	it('/* purges everything: information saying so', () => {
		expect(about('/*', /every object/)[0].severity).toBe('info');
	});
});

describe('case twins (paths are case-sensitive)', () => {
	it('sends both, warns on the second naming the first, and offers removal', () => {
		const text = '/img/a.jpg\n/IMG/A.jpg';
		const batch = parsePaste(text);
		expect(batch.items).toEqual(['/img/a.jpg', '/IMG/A.jpg']);
		const [d] = about(text, /only by case/);
		expect(d).toMatchObject({ line: 2, severity: 'warning' });
		expect(d.message).toContain('line 1 (/img/a.jpg)');
		expect(fix(text, /only by case/, 'Remove /IMG/A.jpg')).toBe('/img/a.jpg');
	});

	it('finds the twin whichever comes first', () => {
		expect(about('/IMG/A.jpg\n/img/a.jpg', /only by case/)).toHaveLength(1);
		expect(about('/A.jpg\n/a.JPG', /only by case/)).toHaveLength(1);
	});

	it('a repeat is a duplicate, not a twin; tags differing by case are duplicates', () => {
		expect(about('/A.jpg\n/a.jpg\n/A.jpg', /only by case/)).toHaveLength(1);
		const batch = parsePaste('#Product:X\n#product:x', { tagsEnabled: true });
		expect(batch.items).toEqual(['#Product:X']);
		expect(batch.summary.duplicates).toBe(1);
	});
});

describe('duplicates: sent once, as information', () => {
	it('compares after encoding and names the first line', () => {
		const batch = parsePaste('/a b.png\n/b.png\n/a%20b.png');
		expect(batch.items).toEqual(['/a%20b.png', '/b.png']);
		expect(about('/a b.png\n/b.png\n/a%20b.png', /Same as line/)[0]).toMatchObject({
			line: 3,
			severity: 'info',
			message: 'Same as line 1: sent once.'
		});
		expect(batch.summary.duplicates).toBe(1);
	});
});

describe('repeats and the other rules', () => {
	it('shows the repeat as it was typed', () => {
		const url = 'https://www.example.com/a.jpg';
		const [d] = about(`${url}\n${url}`, /Same as line/, { hosts });
		expect(d).toMatchObject({ line: 2, input: url });
		expect(d.fixes[0].label).toBe(`Remove ${url}`);
	});

	it('offers to remove the repeated item only, not the rest of its line', () => {
		expect(fix('/b.jpg, /a.jpg\n/c.jpg, /a.jpg', /Same as line 1/, 'Remove /a.jpg')).toBe(
			'/b.jpg, /a.jpg\n/c.jpg'
		);
	});

	it('counts a repeat once: in the summary, and among its siblings', () => {
		const text = '/img/a.jpg\n/img/b.jpg\n/img/a.jpg\n#T\n#t\n/img/*\n/img/*';
		const batch = parsePaste(text, { tagsEnabled: true });
		expect(batch.items).toEqual(['#T', '/img/*']);
		expect(batch.summary).toMatchObject({
			duplicates: 3,
			folded: 2,
			files: 0,
			tags: 1,
			wildcards: 1
		});
		// 2 distinct files in /img/, not 3.
		const twice = '/img/a.jpg\n/img/a.jpg\n/img/b.jpg';
		expect(about(twice, /one wildcard/, { siblingThreshold: 3 })).toEqual([]);
		expect(about(twice, /one wildcard/, { siblingThreshold: 2 })[0].message).toMatch(
			/^2 paths are in \/img\//
		);
	});
});

describe('folding: items a wildcard of the same list covers are not sent', () => {
	it.each<[string, string[], string]>([
		['/img/a.jpg\n/img/*', ['/img/*'], 'a file under /img/*, listed before it'],
		['/img/*\n/img/sub/b.jpg', ['/img/*'], 'any depth: * matches "/" too'],
		[
			'/img*\n/img/a.jpg\n/imgs/b.png\n/images/c.png',
			['/img*', '/images/c.png'],
			'/img* also covers /imgs/…'
		],
		['/img/*\n/img/a/*', ['/img/*'], 'a narrower wildcard'],
		['/*\n/a\n/b/*\n#t', ['/*', '#t'], '/* covers every path, never a tag'],
		['/a.jpg*\n/a.jpg?v=1\n/a.jpg', ['/a.jpg*'], 'every query-string variant'],
		['/img/*\n/IMG/a.jpg', ['/img/*', '/IMG/a.jpg'], 'case-sensitive'],
		['/img/a*b\n/img/a*bc.jpg', ['/img/a*b', '/img/a*bc.jpg'], 'a mid-path * is literal'],
		['/ab/*\n/a/*\n/abc.jpg\n/a/x', ['/ab/*', '/a/*', '/abc.jpg'], 'sibling prefixes']
	])('%j → %j (%s)', (text, items, why) => {
		expect(parsePaste(text, { tagsEnabled: true }).items, why).toEqual(items);
	});

	it('says which wildcard covers an item, and counts it', () => {
		const batch = parsePaste('/img/a.jpg\n/img/*');
		expect(batch.summary).toMatchObject({ items: 1, files: 0, wildcards: 1, folded: 1 });
		expect(about('/img/a.jpg\n/img/*', /Covered by/)[0]).toMatchObject({
			line: 1,
			severity: 'info',
			message: 'Covered by /img/* (line 2): not sent separately.'
		});
	});
});

describe('a wildcard suggested for many siblings (one wildcard is billed as one path)', () => {
	const siblings = (n: number) => Array.from({ length: n }, (_, i) => `/img/p${i}.jpg`).join('\n');

	it('from 10 files in one directory, saying how many paths it saves', () => {
		const [d] = about(siblings(12) + '\n/other.html', /one wildcard/);
		expect(d.message).toBe(
			'12 paths are in /img/: one wildcard, /img/*, would save 11 paths (it also purges everything else under /img/).'
		);
		const fixed = fix(siblings(12) + '\n/other.html', /one wildcard/, 'Use /img/*');
		expect(fixed).toBe('/img/*\n/other.html');
	});

	it('not below the threshold, nor for files already covered', () => {
		expect(about(siblings(9), /one wildcard/)).toEqual([]);
		expect(about(siblings(12) + '\n/img/*', /one wildcard/)).toEqual([]);
		expect(about(siblings(3), /one wildcard/, { siblingThreshold: 3 })).toHaveLength(1);
	});

	it('groups a file by the directory of its path, not of a "/" in its query string', () => {
		const text = Array.from({ length: 10 }, (_, i) =>
			i % 2 ? `/a/p${i}.js?r=/x/y` : `/a/p${i}.js`
		).join('\n');
		const [d, more] = about(text, /one wildcard/, { keepQueryStrings: true });
		expect(more).toBeUndefined();
		expect(d.message).toBe(
			'10 paths are in /a/: one wildcard, /a/*, would save 9 paths (it also purges everything else under /a/).'
		);
	});

	it('removes exactly the siblings of its own directory, whichever group it is', () => {
		const mixed = Array.from({ length: 20 }, (_, i) => `/${i % 2 ? 'a' : 'b'}/f${i}.js`);
		const text = mixed.join('\n');
		const [first, second] = about(text, /one wildcard/);
		expect(applyFix(text, second.fixes[0])).toBe(
			['/b/f0.js', '/a/*', ...mixed.filter((m) => m.startsWith('/b/')).slice(1)].join('\n')
		);
		expect(applyFix(text, first.fixes[0])).toBe(
			['/b/*', ...mixed.filter((m) => m.startsWith('/a/'))].join('\n')
		);
	});

	it('counts siblings in any order, and directories apart', () => {
		const mixed = Array.from({ length: 20 }, (_, i) => `/${i % 2 ? 'a' : 'b'}/f${i}.js`);
		expect(about(mixed.join('\n'), /one wildcard/).map((d) => d.message.slice(0, 20))).toEqual([
			'10 paths are in /b/:',
			'10 paths are in /a/:'
		]);
	});
});

describe('limits, counted before sending (InvalidationLimits page)', () => {
	const files = (n: number, prefix = '/f') =>
		Array.from({ length: n }, (_, i) => `${prefix}${i}.js`).join('\n');
	const wildcards = (n: number) => Array.from({ length: n }, (_, i) => `/w${i}x/*`).join('\n');
	const limits = (text: string) =>
		parsePaste(text, { siblingThreshold: Infinity }).diagnostics.filter((d) => d.line === 0);

	it('at the limits: no error', () => {
		expect(limits(files(MAX_FILES_IN_PROGRESS))).toEqual([]);
		expect(limits(wildcards(MAX_WILDCARDS_IN_PROGRESS))).toEqual([]);
	});

	it('one over the files limit: information saying by how much, and that a queue sends it', () => {
		const over = limits(files(MAX_FILES_IN_PROGRESS + 1));
		expect(over.map((d) => [d.severity, d.message])).toEqual([
			[
				'info',
				'3,001 items: one request carries at most 3,000, 1 over: it goes out as a queue of several invalidations. Wildcards for whole directories would make it smaller.'
			],
			[
				'info',
				'3,001 file paths: CloudFront allows 3,000 in progress at once, 1 over: the queue sends the rest as earlier ones complete.'
			]
		]);
		expect(parsePaste(files(MAX_FILES_IN_PROGRESS + 1)).errorCount).toBe(0);
	});

	it('16 wildcards: information saying 1 over', () => {
		expect(limits(wildcards(16)).map((d) => [d.severity, d.message])).toEqual([
			[
				'info',
				'16 wildcard paths: CloudFront allows 15 in progress at once, 1 over: the queue sends the rest as earlier ones complete. Fewer, broader wildcards would be quicker.'
			]
		]);
	});

	it('counts after folding: covered files do not count', () => {
		expect(limits(files(MAX_ITEMS_PER_REQUEST + 500, '/a/') + '\n/a/*')).toEqual([]);
	});
});

describe('applyFix and lineRange', () => {
	it('edits one item of a list and puts the list one per line', () => {
		const text = '/x\n/a?v=1, /b\n/y';
		expect(applyFix(text, { label: 'Use /a', edits: [{ line: 2, piece: 0, text: '/a' }] })).toBe(
			'/x\n/a\n/b\n/y'
		);
	});
	it('removes emptied lines, and ignores edits past the end', () => {
		const f = {
			label: 'x',
			edits: [{ line: 9, piece: 0, text: '/z' }],
			remove: { lines: Int32Array.of(1, 3), pieces: Int32Array.of(0, 0) }
		};
		expect(applyFix('/a\n/b\n/c', f)).toBe('/b');
	});
	it.each([
		['/a\n/bb\n/c', 2, [3, 6]],
		['/a\r\n/bb\r\n/c', 2, [4, 7]],
		['/a', 1, [0, 2]],
		['/a', 5, [2, 2]]
	] as const)('lineRange(%j, %d) = %j', (text, line, range) => {
		expect(lineRange(text, line)).toEqual(range);
	});
});

describe('every one-click fix resolves the message it belongs to', () => {
	it.each([
		'/a.jpg?v=2',
		'/docs',
		'/',
		'/x/%2A',
		'/a*b.jpg',
		'/static/js/runtime~main.js',
		'/img/a.jpg\n/IMG/a.jpg',
		Array.from({ length: 10 }, (_, i) => `/img/p${i}.jpg`).join('\n')
	])('%j', (text) => {
		for (const d of parsePaste(text).diagnostics)
			for (const f of d.fixes) {
				const after = parsePaste(applyFix(text, f));
				expect(after.diagnostics.map((x) => x.message)).not.toContain(d.message);
				expect(after.errorCount).toBe(0);
			}
	});
});
