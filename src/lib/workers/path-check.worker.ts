/**
 * The path rules in a module Web Worker: the purge page sends the paths field's text here, so a
 * 100,000-line paste is checked without freezing typing. One message in, one reply out, in order;
 * the sequence number lets the page drop a reply for a text that is no longer in the field. The
 * verdicts travel packed (batch-message.ts): cheaper to copy, and to decode on the page's thread.
 */
import { parsePaste } from '$lib/paths/parse-paste';
import { packBatch } from '$lib/purge/batch-message';
import type { CheckReply, CheckRequest } from '$lib/purge/path-checker';
import { WARM_UP_ROUNDS, warmUpPaste } from './warm-up';

// Until the first request, the rules run on made-up pastes, one round per task, so the first real
// paste meets compiled code (warm-up.ts). A request stops the warm-up: it waits for one round at most.
let round = 0;
const warmUp = () => {
	if (round >= WARM_UP_ROUNDS) return;
	const { text, options } = warmUpPaste(round++);
	packBatch(parsePaste(text, options));
	setTimeout(warmUp);
};
setTimeout(warmUp);

self.onmessage = (e: MessageEvent<CheckRequest>) => {
	round = WARM_UP_ROUNDS;
	const { seq, text, options } = e.data;
	const reply: CheckReply = { seq, batch: packBatch(parsePaste(text, options)) };
	// The item lines move rather than copy.
	self.postMessage(reply, { transfer: [reply.batch.itemLines.buffer] });
};
