import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { directoryLength, parentDirectory } from './directory';
import { asciiBytes, fnv, fnvView, hashOf, hashWithSlash, HAS_UPPER, measure } from './path-shape';

// Seeded by vitest.setup.ts (printed at the start of the run).
const path = fc
	.array(fc.constantFrom('/', 'a', 'B', '.', '?', '=', '%', ' ', 'é', '*', '#'), { maxLength: 24 })
	.map((chars) => '/' + chars.join(''));

describe('parentDirectory and directoryLength', () => {
	it.each<[string, string | null, string]>([
		['/img/a.jpg', '/img/', 'up to the last "/"'],
		['/img/sub/', '/img/sub/', 'a path ending in "/" is its own directory'],
		['/a/p.js?r=/x/y', '/a/', 'a "/" in the query string does not count'],
		['/a.jpg', null, 'a file at the root: its wildcard would be /*'],
		['/?x=/y', null, 'the root, with a query'],
		['/', null, 'the root']
	])('%j → %j (%s)', (input, expected) => {
		expect(parentDirectory(input)).toBe(expected);
		expect(directoryLength(input)).toBe(expected?.length ?? 1);
	});
});

describe('measure', () => {
	it('finds the directory parentDirectory names, and its part of the hash from its text', () => {
		fc.assert(
			fc.property(path, (p) => {
				const { slash, dirPart } = measure(p);
				const dir = parentDirectory(p);
				expect(slash > 0 ? p.slice(0, slash + 1) : null).toBe(dir);
				// What addPlainFile computes in place in the pasted text, for the same directory.
				if (dir !== null) expect(dirPart).toBe(fnv(dir, 0, dir.length));
			})
		);
	});

	it.each([
		["/a/b-c_d.e!$&'()+:=@9", 0, 'plain'],
		['/A', HAS_UPPER, 'upper case'],
		['/a/B?x=1', HAS_UPPER, 'upper case anywhere'],
		['/é', 0, 'non-ASCII: not A-Z'],
		['/a%2f', 0, 'a lower-case escape']
	])('flags %j: %d (%s)', (input, flags) => {
		expect(measure(input).flags).toBe(flags);
	});

	it('hashWithSlash(s) is hashOf(s + "/"), for names of either parity', () => {
		fc.assert(
			fc.property(path, (p) => {
				const s = p.replace(/\?/g, '');
				expect(hashWithSlash(s)).toBe(hashOf(s + '/'));
			})
		);
		expect(hashWithSlash('/ab')).toBe(hashOf('/ab/'));
		expect(hashWithSlash('/abc')).toBe(hashOf('/abc/'));
	});

	it('gives different hashes to strings that differ in one character or in length', () => {
		const hashes = ['/a', '/b', '/a/', '/ab', '/ba', '/a/b', '/a/c', '/A/b'].map(hashOf);
		expect(new Set(hashes).size).toBe(hashes.length);
	});

	it("fnvView over an ASCII text's bytes is fnv over its characters, from any start to any end", () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 40 }), fc.nat(), fc.nat(), (text, a, b) => {
				const bytes = asciiBytes(text);
				if (bytes === undefined) return;
				const start = a % (text.length + 1);
				const end = start + (b % (text.length - start + 1));
				expect(fnvView(bytes, start, end)).toBe(fnv(text, start, end));
			})
		);
	});

	it.each([
		['/a/b.jpg', true],
		['', true],
		['/é.png', false],
		['/a\n/\u{1F600}', false]
	])('asciiBytes(%j) gives bytes: %s', (text, ascii) => {
		expect(asciiBytes(text) !== undefined).toBe(ascii);
	});
});
