import { describe, expect, it } from 'vitest';
import { headerPolicy, metaDirectives } from './csp.js';

const parse = (policy: string) =>
	new Map(
		policy.split('; ').map((d) => {
			const [name, ...sources] = d.split(' ');
			return [name, sources] as const;
		})
	);
const header = parse(headerPolicy(['https://cloudfront.amazonaws.com']));

describe('Content-Security-Policy', () => {
	it('header: nothing is allowed unless a directive names it', () => {
		expect([...header.keys()][0]).toBe('default-src');
		expect(header.get('default-src')).toEqual(["'none'"]);
		expect(header.get('connect-src')).toEqual(["'self'", 'https://cloudfront.amazonaws.com']);
		expect(header.get('frame-ancestors')).toEqual(["'none'"]);
	});

	it.each(Object.entries(metaDirectives).filter(([name]) => name !== 'script-src'))(
		'header repeats the meta policy’s %s',
		(name, sources) => {
			expect(header.get(name)).toEqual(
				sources.map((s) => (s.includes(':') && !s.startsWith('sha') ? s : `'${s}'`))
			);
		}
	);

	it('meta: blocks frames, objects, foreign forms and base changes on its own', () => {
		expect(metaDirectives).toMatchObject({
			'frame-src': ['none'],
			'object-src': ['none'],
			'form-action': ['self'],
			'base-uri': ['self'],
			'img-src': ['self', 'data:']
		});
		// default-src would block config.json: the meta cannot know the deployment's endpoints.
		expect(metaDirectives).not.toHaveProperty('default-src');
		expect(metaDirectives).not.toHaveProperty('connect-src');
	});

	it('never allows eval, and inline styles only by hash', () => {
		const all = [...header.values()].flat();
		expect(all).not.toContain("'unsafe-eval'");
		expect(header.get('style-src')).not.toContain("'unsafe-inline'");
		expect(metaDirectives['script-src']).toEqual(['self']);
	});
});
