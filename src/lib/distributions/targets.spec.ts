import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_TARGETS, parseTargets, targetsQuery } from './targets';

const parse = (q: string) => parseTargets(new URLSearchParams(q));

describe('parseTargets', () => {
	it.each([
		{ q: 'd=E1ABC&d=E2DEF', ids: ['E1ABC', 'E2DEF'], rejected: [], why: 'two IDs, in order' },
		{ q: 'd=e1abc', ids: ['E1ABC'], rejected: [], why: 'lower case is upper-cased' },
		{ q: 'd=E1ABC&d=e1abc', ids: ['E1ABC'], rejected: [], why: 'listed once' },
		{ q: 'd=E1-ABC&d=&d=E2', ids: ['E2'], rejected: ['E1-ABC', ''], why: 'not IDs: reported' },
		{ q: 'x=E1', ids: [], rejected: [], why: 'no d at all' }
	])('$why', ({ q, ids, rejected }) => expect(parse(q)).toMatchObject({ ids, rejected }));

	it(`keeps the first ${MAX_TARGETS} and says so`, () => {
		const many = Array.from({ length: MAX_TARGETS + 2 }, (_, i) => `d=E${i}`).join('&');
		const t = parse(many);
		expect(t.ids).toHaveLength(MAX_TARGETS);
		expect(t.ids[0]).toBe('E0');
		expect(t.truncated).toBe(true);
		expect(parse('d=E1').truncated).toBe(false);
	});

	it('reads back what targetsQuery writes (fast-check seed 20261130)', () =>
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.stringMatching(/^[A-Z0-9]{1,14}$/), { maxLength: MAX_TARGETS }),
				(ids) => {
					expect(parse(targetsQuery(ids)).ids).toEqual(ids);
				}
			),
			{ seed: 20261130 }
		));
});
