/**
 * The path rules in a module Web Worker: the purge page sends the paths field's text here, so a
 * 100,000-line paste is checked without freezing typing. One message in, one reply out, in order;
 * the sequence number lets the page drop a reply for a text that is no longer in the field. The
 * verdicts travel packed (batch-message.ts): cheaper to copy, and to decode on the page's thread.
 */
import { parsePaste } from '$lib/paths/parse-paste';
import { packBatch } from '$lib/purge/batch-message';
import type { CheckReply, CheckRequest } from '$lib/purge/path-checker';

self.onmessage = (e: MessageEvent<CheckRequest>) => {
	const { seq, text, options } = e.data;
	const reply: CheckReply = { seq, batch: packBatch(parsePaste(text, options)) };
	// The item lines move rather than copy.
	self.postMessage(reply, { transfer: [reply.batch.itemLines.buffer] });
};
