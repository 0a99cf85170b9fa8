import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePaste, type PathBatch } from '$lib/paths/parse-paste';
import { packBatch, unpackBatch } from './batch-message';

/** What crosses to the page: a structured clone of the packed batch, then unpacked. */
const roundTrip = (batch: PathBatch) => unpackBatch(structuredClone(packBatch(batch)));

const options = { hosts: ['www.example.com'], tagsEnabled: true };

describe('packBatch / unpackBatch', () => {
	it.each([
		['no items', ''],
		['one item', '/a'],
		['duplicates, lists, URLs', '/a\n/a\n/b, /c\nhttps://www.example.com/d?x=1\n#tag\n/e*f\n/g h'],
		['folding, blank lines, CR line ends', '/docs/a\n/docs/b\n/docs/c\n/docs/*\n\n\n/x\r\n/y\r/z'],
		// Their wildcard fix lists the items it removes in typed arrays.
		['many siblings', Array.from({ length: 30 }, (_, i) => `/img/a${i}.png`).join('\n')],
		['errors and non-ASCII', '/a\n"quoted"\n/ü/ä.html\n/' + 'x'.repeat(5000)]
	])('gives back the same batch: %s', (_, text) => {
		const batch = parsePaste(text, options);
		expect(roundTrip(batch)).toEqual(batch);
	});

	it('keeps items that hold a line end (never made by the rules, but no item is lost)', () => {
		const batch: PathBatch = { ...parsePaste('/a\n/b', options), items: ['/a\n/b', '/c'] };
		expect(roundTrip(batch).items).toEqual(['/a\n/b', '/c']);
	});

	it('gives back the same batch for any text', () => {
		const line = fc.oneof(
			fc.string(),
			fc.constantFrom('/a', '/a/*', '#t', 'https://www.example.com/p?q', '/a, /b', '')
		);
		fc.assert(
			fc.property(
				fc.array(line, { maxLength: 30 }),
				fc.constantFrom('\n', '\r\n'),
				(lines, eol) => {
					const batch = parsePaste(lines.join(eol), options);
					expect(roundTrip(batch)).toEqual(batch);
				}
			)
		);
	});
});
