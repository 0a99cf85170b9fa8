import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { encodePath } from './encode';
import {
	classify,
	MAX_PATH_LENGTH,
	MAX_TAG_LENGTH,
	parsePaste as parseToData,
	type ParseOptions
} from './parse-paste';
import { describe as inWords } from './messages';
import { checkItem as stackAccepts } from '../../../local-stack/invalidation-rules';

/** The batch with its messages in words, as the page shows them (messages.ts). */
function parsePaste(text: string, options?: ParseOptions) {
	const batch = parseToData(text, options);
	return { ...batch, diagnostics: batch.diagnostics.map(inWords) };
}

// fast-check: a fixed seed, printed, so a failure replays exactly.
const SEED = 20261130;
fc.configureGlobal({ seed: SEED, numRuns: 300 });
console.log(`fast-check seed ${SEED}`);

// Rules: path syntax, encoding and cache tags, from
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-objects.html
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-specifying-tags.html

const hosts = ['www.example.com', 'd111111abcdef8.cloudfront.net'];
const tags: ParseOptions = { tagsEnabled: true };

/** What a one-item paste gives: the value sent (if any) and its messages by severity. */
function only(text: string, options: ParseOptions = {}) {
	const batch = parsePaste(text, options);
	expect(batch.items.length + batch.summary.errorLines).toBe(1);
	const of = (s: string) => batch.diagnostics.filter((d) => d.severity === s).map((d) => d.message);
	return {
		value: batch.items[0] as string | undefined,
		kind: batch.summary.tags ? 'tag' : batch.summary.wildcards ? 'wildcard' : 'file',
		errors: of('error'),
		warnings: of('warning'),
		infos: of('info')
	};
}

describe('classify', () => {
	it.each([
		['#product-42', 'tag', 'a leading # makes a cache tag'],
		['/images/*', 'wildcard', 'a trailing * is a wildcard'],
		['/*', 'wildcard', 'everything'],
		['/dir*', 'wildcard', 'a prefix wildcard'],
		['/a*b', 'file', 'a mid-path * is a literal asterisk'],
		['/x/%2A', 'file', 'an encoded * is not a wildcard'],
		['/images/a.jpg', 'file', 'anything else is a file path'],
		['/', 'file', '/ is the root object only, not everything'],
		['#tag*', 'tag', 'tags have no wildcard: # decides first']
	] as const)('classify(%s) = %s: %s', (input, expected, why) => {
		expect(classify(input), why).toBe(expected);
	});
});

describe('parsePaste: paths that are sent', () => {
	it.each([
		{ input: '/images/a.jpg', value: '/images/a.jpg', kind: 'file', why: 'already valid' },
		{ input: '/images/*', value: '/images/*', kind: 'wildcard', why: 'a wildcard path' },
		{ input: '/*', value: '/*', kind: 'wildcard', why: 'purge everything' },
		{ input: '/', value: '/', kind: 'file', why: 'the root URL' },
		{ input: '  /a.jpg\t', value: '/a.jpg', kind: 'file', why: 'surrounding blanks are trimmed' },
		{ input: '/a.jpg*', value: '/a.jpg*', kind: 'wildcard', why: 'every query-string variant' },
		{ input: '/Images/A.JPG', value: '/Images/A.JPG', kind: 'file', why: 'case is kept' },
		{ input: '/a%20b.png', value: '/a%20b.png', kind: 'file', why: 'an encoded path is kept as is' }
	] as const)('$input → $value ($why)', ({ input, value, kind }) => {
		const line = only(input);
		expect(line).toMatchObject({ value, kind, errors: [], warnings: [] });
	});

	it.each([
		{
			input: 'images/a.jpg',
			value: '/images/a.jpg',
			info: 'Paths start with "/": sent as /images/a.jpg'
		},
		{ input: '/a b.png', value: '/a%20b.png', info: 'Sent encoded as /a%20b.png' },
		{ input: '/ü.png', value: '/%C3%BC.png', info: 'Sent encoded as /%C3%BC.png' },
		{ input: '/a#b.png', value: '/a%23b.png', info: 'Sent encoded as /a%23b.png' }
	])(
		'fixes $input by itself and says so as information, with the exact value: $info',
		({ input, value, info }) => {
			const line = only(input);
			expect(line.value).toBe(value);
			expect(line.warnings).toEqual([]);
			expect(line.infos).toEqual([info]);
		}
	);

	it.each([
		{
			input: '/a*b.jpg',
			value: '/a*b.jpg',
			warning: /wildcard only as the last character.*literal asterisk/,
			why: 'warns on a mid-path star'
		},
		{
			input: '/a*b*',
			value: '/a*b*',
			warning: /wildcard only as the last character/,
			why: 'warns when any star but the last is mid-path'
		},
		{
			input: '/x/%2A',
			value: '/x/%2A',
			warning: /"%2A" is not a wildcard.*literal "\*"/,
			why: 'an encoded star silently matches nothing'
		},
		{
			input: '/x/%2a',
			value: '/x/%2a',
			warning: /"%2A" is not a wildcard/,
			why: 'lower-case %2a too'
		}
	])('$input → $value, warning: $why', ({ input, value, warning }) => {
		const line = only(input);
		expect(line.value).toBe(value);
		expect(line.errors).toEqual([]);
		expect(line.warnings.join('\n')).toMatch(warning);
	});

	it('tells the user both fixes at once: slash added and encoded', () => {
		const line = only('my file.txt');
		expect(line.value).toBe('/my%20file.txt');
		expect(line.infos).toEqual([
			'Paths start with "/": sent as /my%20file.txt',
			'Sent encoded as /my%20file.txt'
		]);
	});

	it('accepts a path of exactly 4,000 characters once encoded', () => {
		const input = '/' + 'a'.repeat(MAX_PATH_LENGTH - 1);
		expect(only(input)).toMatchObject({ value: input, errors: [] });
	});
});

describe('parsePaste: full URLs', () => {
	it.each([
		{
			input: 'https://www.example.com/images/a.jpg',
			value: '/images/a.jpg',
			why: 'a URL on the distribution is cut to its path'
		},
		{
			input: 'HTTP://WWW.EXAMPLE.COM/a.jpg',
			value: '/a.jpg',
			why: 'scheme and host are case-insensitive'
		},
		{
			input: 'https://d111111abcdef8.cloudfront.net/a.jpg',
			value: '/a.jpg',
			why: 'the cloudfront.net domain name works too'
		},
		{
			input: 'https://www.example.com:443/a.jpg',
			value: '/a.jpg',
			why: 'a port is ignored'
		},
		{ input: 'https://www.example.com', value: '/', why: 'the bare host is the root object' },
		{
			input: 'https://www.example.com?x=1',
			value: '/?x=1',
			why: 'a query on the bare host belongs to the root'
		},
		{
			input: 'https://www.example.com/a.jpg?v=2',
			value: '/a.jpg?v=2',
			why: 'the query string is kept (it may be in the cache key)'
		},
		{
			input: 'https://www.example.com/docs/a.html#install',
			value: '/docs/a.html',
			why: 'a fragment is never requested, so it is not part of the path'
		},
		{
			input: 'https://www.example.com#top',
			value: '/',
			why: 'a fragment on the bare host'
		},
		{
			input: 'https://www.example.com/a b.jpg',
			value: '/a%20b.jpg',
			why: 'the path is then encoded like any other'
		}
	])('$input → $value ($why)', ({ input, value }) => {
		const line = only(input, { hosts, keepQueryStrings: true });
		expect(line.errors).toEqual([]);
		expect(line.warnings).toEqual([]);
		expect(line.value).toBe(value);
		// Its own host: information, not a warning.
		expect(line.infos[0]).toMatch(/^URL on this distribution: its path .* is used\.$/);
		expect(line.infos[0]).not.toContain('#');
	});

	it('names the hosts it serves when the URL is on another host', () => {
		const line = only('https://evil.example.org/a.jpg', { hosts });
		expect(line.value).toBeUndefined();
		expect(line.errors).toHaveLength(1);
		expect(line.errors[0]).toContain('evil.example.org is not served by this distribution');
		expect(line.errors[0]).toContain('www.example.com, d111111abcdef8.cloudfront.net');
		expect(line.errors[0]).toMatch(/or just its path/);
	});

	it('asks for the path when the distribution hosts are not known', () => {
		const line = only('https://www.example.com/a.jpg');
		expect(line.value).toBeUndefined();
		expect(line.errors).toEqual(['Paste the path (such as /images/a.jpg), not the full URL.']);
	});
});

describe('parsePaste: paths that are refused', () => {
	it.each([
		{
			input: '/static/js/runtime~main.js',
			error: /does not support "~".*such as \/static\/js\/runtime\*$/,
			why: '~ is refused by CloudFront; the fix is a wildcard before it'
		},
		{
			input: 'static/runtime~main.js',
			error: /such as \/static\/runtime\*$/,
			why: 'the suggested wildcard starts with /'
		},
		{
			input: '/static/js/runtime%7Emain.js',
			error: /does not support "~" in paths, encoded or not.*such as \/static\/js\/runtime\*$/,
			why: '%7E is accepted by CloudFront but invalidates nothing'
		},
		{
			input: '/a%7eb',
			error: /does not support "~"/,
			why: 'lower-case %7e too'
		},
		{
			input: '/a\tb.jpg',
			error: /control character \(such as a tab\)\. Remove it\./,
			why: 'a tab inside the path'
		},
		{
			input: '/a\u0000b',
			error: /control character/,
			why: 'NUL'
		},
		{
			input: '/a\u007fb',
			error: /control character/,
			why: 'DEL'
		}
	])('$input: $why', ({ input, error }) => {
		const line = only(input);
		expect(line.value).toBeUndefined();
		expect(line.errors).toHaveLength(1);
		expect(line.errors[0]).toMatch(error);
	});

	it('refuses a path over 4,000 characters once encoded, with the count and a fix', () => {
		const line = only('/' + 'a'.repeat(MAX_PATH_LENGTH));
		expect(line.value).toBeUndefined();
		expect(line.errors).toEqual([
			'Too long: 4,001 characters once encoded; CloudFront allows 4,000. Use a wildcard for a shorter prefix.'
		]);
		expect(line.value).toBeUndefined();
	});

	it('counts the encoded length, not the typed one', () => {
		// 2,001 typed characters, 4,001 once each space becomes %20.
		const line = only('/' + ' a'.repeat(1000));
		expect(line.errors[0]).toMatch(/^Too long: 4,001 characters once encoded/);
	});
});

describe('parsePaste: cache tags', () => {
	it.each([
		{ input: '#product-42', why: 'a simple tag' },
		{ input: '#product:electronics', why: 'the tags page example' },
		{ input: '#!~{}', why: 'any visible ASCII 33–126 but comma' },
		{ input: '#' + 'a'.repeat(MAX_TAG_LENGTH), why: 'exactly 256 characters after #' }
	])('$input is sent as is: $why', ({ input }) => {
		expect(only(input, tags)).toMatchObject({ value: input, kind: 'tag', errors: [] });
	});

	it.each([
		{
			input: '#product-42',
			options: {},
			error: /work only on a distribution with a cache tag header.*encode it as %23/,
			why: 'tags off by default, and says how to purge a path starting with #'
		},
		{
			input: '#',
			options: tags,
			error: /^Empty tag: write the tag after "#", such as #product-42\.$/,
			why: 'nothing after #'
		},
		{
			input: '#a b',
			options: tags,
			error: /visible ASCII characters only, with no spaces or commas/,
			why: 'a space'
		},
		{ input: '#a,b', options: tags, error: /no spaces or commas/, why: 'a comma' },
		{ input: '#ü', options: tags, error: /visible ASCII/, why: 'non-ASCII' },
		{ input: '#a\tb', options: tags, error: /visible ASCII/, why: 'a control character' },
		{
			input: '#' + 'a'.repeat(MAX_TAG_LENGTH + 1),
			options: tags,
			error: /^Tags are at most 256 characters; this one has 257\.$/,
			why: 'too long'
		}
	])('$input is refused: $why', ({ input, options, error }) => {
		const line = only(input, options);
		expect(line.value).toBeUndefined();
		expect(line.errors).toHaveLength(1);
		expect(line.errors[0]).toMatch(error);
	});
});

describe('parsePaste: the batch', () => {
	it('numbers lines as typed, skipping blank ones, and accepts any line ending', () => {
		const batch = parsePaste('/a\r\n\r\n  \n/b\r/c\n', tags);
		expect(batch.items).toEqual(['/a', '/b', '/c']);
		expect([...batch.itemLines]).toEqual([1, 4, 5]);
	});

	it('keeps the order typed (a retry must send the same batch)', () => {
		expect(parsePaste('/c\n/a\n#t\n/b', tags).items).toEqual(['/c', '/a', '#t', '/b']);
	});

	it('counts lines with errors and leaves them out of the batch', () => {
		const batch = parsePaste('/ok\n/bad~\n#tag\n/also ok', {});
		expect(batch.errorCount).toBe(2);
		expect(batch.summary.errorLines).toBe(2);
		expect(batch.items).toEqual(['/ok', '/also%20ok']);
	});

	it('is empty for an empty or blank paste', () => {
		for (const text of ['', ' \n\t\r\n']) {
			const batch = parsePaste(text);
			expect(batch.items).toEqual([]);
			expect(batch.diagnostics).toEqual([]);
			expect(batch.errorCount).toBe(0);
		}
	});
});

describe('parsePaste: properties', () => {
	const options: fc.Arbitrary<ParseOptions> = fc.record({
		hosts: fc.constantFrom(undefined, [], hosts),
		tagsEnabled: fc.boolean()
	});
	// Lines that look like what people paste, mixed with arbitrary text.
	const line = fc.oneof(
		fc.string({ unit: 'binary' }),
		fc.string(),
		fc.constantFrom('/', '/*', '#t', '#T', 'a~b', '%7E', '%2A', 'https://www.example.com/x#y'),
		fc
			.tuple(fc.constantFrom('', '/', '#', 'https://www.example.com/'), fc.string())
			.map(([prefix, rest]) => prefix + rest)
	);
	const paste = fc
		.tuple(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'))
		.map(([lines, eol]) => lines.join(eol));

	it('never throws, on any string', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), options, (text, o) => {
				expect(() => parsePaste(text, o)).not.toThrow();
			})
		);
	});

	it('sends only items that start with "/" or "#", once each, each encoded and short enough', () => {
		fc.assert(
			fc.property(paste, options, (text, o) => {
				const { items, errorCount, summary } = parsePaste(text, o);
				const keys = items.map((i) => (i.startsWith('#') ? i.toLowerCase() : i));
				expect(new Set(keys).size).toBe(items.length);
				expect(errorCount).toBeGreaterThanOrEqual(summary.errorLines);
				expect(summary.items).toBe(items.length);
				expect(summary.files + summary.wildcards + summary.tags).toBe(items.length);
				for (const item of items) {
					expect(item[0] === '/' || item[0] === '#').toBe(true);
					expect(item).toMatch(/^[\x21-\x7e]+$/);
					if (item.startsWith('/')) {
						expect(item).not.toMatch(/~|%7e/i);
						expect(encodePath(item)).toBe(item);
						expect(item.length).toBeLessThanOrEqual(MAX_PATH_LENGTH);
					} else {
						expect(o.tagsEnabled).toBe(true);
					}
				}
			})
		);
	});

	it("anything it sends, the local stack's independent CloudFront rules accept", () => {
		fc.assert(
			fc.property(paste, options, (text, o) => {
				for (const item of parsePaste(text, o).items)
					expect(stackAccepts(item, { cacheTags: o.tagsEnabled ?? false }), item).toBeUndefined();
			})
		);
	});

	it('is idempotent: pasting the items again gives the same items, with no error and nothing changed', () => {
		fc.assert(
			fc.property(paste, options, (text, o) => {
				const { items } = parsePaste(text, o);
				const again = parsePaste(items.join('\n'), o);
				expect(again.items).toEqual(items);
				expect(again.errorCount).toBe(0);
				// Nothing was rewritten the second time: no slash added, nothing encoded, no list split.
				const rewrites = again.diagnostics.filter((d) =>
					/^(Paths start with|Sent encoded as|A list of|URL on this)/.test(d.message)
				);
				expect(rewrites).toEqual([]);
			})
		);
	});
});
