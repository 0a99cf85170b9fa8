/**
 * One list purged on several distributions. The list is checked per distribution (its hosts, its
 * cache tags), and each distribution gets its own queue, so a refusal on one (AccessDenied, a
 * full distribution) never stops the others. The typed list is kept as a draft of this user for
 * this set of distributions, like a single distribution's draft.
 */
import { distributionHosts } from '$lib/distributions/names';
import type { Distribution } from '$lib/distributions/types';
import type { AppError } from '$lib/errors';
import { parsePaste, type PathBatch } from '$lib/paths/parse-paste';
import type { KeyValueStore } from '$lib/storage';
import { loadDraft, saveDraft, type DraftScope } from './draft';
import type { LiveQueue } from './live-queue.svelte';
import { queueStartMessage } from './queue-start';

export interface Target {
	id: string;
	label: string;
	/** Null when it could not be read: then it is left out, with `error` saying why. */
	distribution: Distribution | null;
	error: AppError | null;
	live: LiveQueue | null;
}

export class MultiPurge {
	#store: KeyValueStore | null;
	#scope: DraftScope;
	#text = $state('');
	#sending = $state(false);
	#messages = $state.raw<Record<string, string>>({});
	readonly targets: Target[];
	readonly batches: (PathBatch | null)[];

	constructor(
		store: KeyValueStore | null,
		owner: { subject: string; email: string },
		targets: Target[]
	) {
		this.#store = store;
		this.targets = targets;
		// Keyed by the set of distributions, not the order the link names them in: `?d=A&d=B` and
		// `?d=B&d=A` are one purge, so they share one draft.
		const ids = targets.map((t) => t.id).sort();
		this.#scope = { ...owner, distributionId: `multi:${ids.join('+')}` };
		this.#text = store ? loadDraft(store, this.#scope).text : '';
		this.batches = $derived(
			this.targets.map((t) =>
				t.distribution
					? parsePaste(this.#text, {
							hosts: distributionHosts(t.distribution),
							tagsEnabled: t.distribution.tagsEnabled
						})
					: null
			)
		);
	}

	get text() {
		return this.#text;
	}
	set text(value: string) {
		this.#text = value;
		if (this.#store) saveDraft(this.#store, this.#scope, { text: value });
	}
	get sending() {
		return this.#sending;
	}
	/** Why a distribution's queue did not start, by distribution ID. */
	get messages() {
		return this.#messages;
	}
	/** Readable distributions with something to send. */
	get ready(): number[] {
		return this.targets.flatMap((t, i) =>
			t.live && (this.batches[i]?.items.length ?? 0) > 0 ? [i] : []
		);
	}
	get errorCount(): number {
		return this.batches.reduce((n, b) => n + (b?.errorCount ?? 0), 0);
	}

	/** One queue per distribution, made at once; each runs on its own. */
	send = async () => {
		const ready = this.ready;
		if (this.#sending || ready.length === 0 || this.errorCount > 0) return;
		this.#sending = true;
		try {
			const results = await Promise.all(
				ready.map(async (i) => {
					const result = await this.targets[i].live!.create(this.batches[i]!.items);
					return [this.targets[i].id, queueStartMessage(result)] as const;
				})
			);
			const messages: Record<string, string> = {};
			for (const [id, message] of results) if (message) messages[id] = message;
			this.#messages = messages;
			if (Object.keys(messages).length === 0) this.text = ''; // every queue holds the list now
		} finally {
			this.#sending = false;
		}
	};
}
