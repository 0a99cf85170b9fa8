import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_PATH_LENGTH, parsePaste, parsePasteFully, type ParseOptions } from './parse-paste';

// parsePaste takes a shortcut for plain lines (and plain pieces of a list): they skip the full
// checks. Whatever the paste, the batch and every message must be what the full checks give.
// Seeded by vitest.setup.ts (printed at the start of the run).

const segment = fc.constantFrom('a', 'img', 'IMG', 'Img', 'docs', 'v1.2', 'x_y', "a-b!$&'()+:=@");
const name = fc.constantFrom('a.jpg', 'A.jpg', 'a.JPG', 'index.html', 'docs', 'Docs', 'b', '');
/** Paths from few parts, so duplicates, case twins, siblings and `/dir` + `/dir/` pairs are common. */
const path = fc
	.tuple(fc.array(segment, { maxLength: 3 }), name)
	.map(([dirs, file]) => '/' + [...dirs, file].join('/'));
const line = fc.oneof(
	{ weight: 6, arbitrary: path },
	{ weight: 1, arbitrary: path.map((p) => p + '*') },
	{ weight: 1, arbitrary: path.map((p) => p + '?v=1/x/y') },
	{ weight: 1, arbitrary: fc.tuple(path, path).map(([a, b]) => `${a}, ${b}`) },
	{ weight: 1, arbitrary: path.map((p) => `  ${p.slice(1)}\t`) },
	{ weight: 1, arbitrary: path.map((p) => `https://www.example.com${p}`) },
	{ weight: 1, arbitrary: path.map((p) => p.replace('a', 'a b')) },
	{
		weight: 1,
		arbitrary: fc.constantFrom(
			'',
			'/',
			'/*',
			'#t',
			'#T',
			'/a~b',
			'/' + 'a'.repeat(MAX_PATH_LENGTH),
			'/' + 'a'.repeat(MAX_PATH_LENGTH - 1),
			'/é.png'
		)
	},
	{ weight: 1, arbitrary: fc.string() }
);
const paste = fc
	.tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'))
	.map(([lines, eol]) => lines.join(eol));
const options: fc.Arbitrary<ParseOptions> = fc.record({
	hosts: fc.constantFrom(undefined, ['www.example.com']),
	tagsEnabled: fc.boolean(),
	keepQueryStrings: fc.boolean(),
	siblingThreshold: fc.constantFrom(undefined, 2, 3)
});

describe('parsePaste: the plain-line shortcut', () => {
	it('gives the same batch and messages as the full checks on every line', () => {
		fc.assert(
			fc.property(paste, options, (text, o) => {
				expect(parsePaste(text, o)).toEqual(parsePasteFully(text, o));
			})
		);
	});

	it('agrees on a long paste of plain lines, where it matters most', () => {
		const lines = Array.from({ length: 3000 }, (_, i) => `/d${i % 7}/F${i % 500}.jpg`);
		const text = lines.join('\n') + '\n/D0/f1.jpg\n/d1\n/d1/';
		expect(parsePaste(text)).toEqual(parsePasteFully(text));
	});
});
