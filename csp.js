// The one inline style the console needs: SvelteKit's route announcer (a visually hidden live
// region) carries a style attribute, which `style-src 'self'` blocks (sveltejs/kit#11747). Rather
// than 'unsafe-inline', allow exactly that attribute by hash ('unsafe-hashes' covers attributes
// only). Read from kit's own source so an upgrade that changes it updates the hash, or fails loudly.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const kitRoot = dirname(createRequire(import.meta.url).resolve('@sveltejs/kit/package.json'));
const source = readFileSync(join(kitRoot, 'src/core/sync/write_root.js'), 'utf8');
const announcerStyle = /id="svelte-announcer"[^>]*style="([^"]+)"/.exec(source)?.[1];
if (!announcerStyle) throw new Error('SvelteKit route announcer style not found: update csp.js');

/** CSP source for the announcer's style attribute. */
export const announcerStyleHash = `sha256-${createHash('sha256').update(announcerStyle).digest('base64')}`;

/** `style-src` for both the meta policy and the deployment's header policy. */
export const styleSrc = ['self', 'unsafe-hashes', announcerStyleHash];
