/**
 * What the purge form needs from the cost estimate, kept out of the estimate's chunk: when to load
 * the panel (first wanted: the paths field used, or a draft already there), and, before sending,
 * whether the user confirms the amount. The panel answers once mounted; until then `confirm` waits
 * for it, so an expensive purge is never sent unasked because the panel's code was still loading.
 */
export type ConfirmCost = (items: readonly string[]) => Promise<boolean>;

export class CostGate {
	#wanted = $state(false);
	#confirm: ConfirmCost | null = null;
	#attached: Promise<void>;
	#settle: () => void = () => {};

	constructor() {
		this.#attached = new Promise((resolve) => (this.#settle = resolve));
	}

	/** True once the panel should be on screen: its code is fetched from then on. */
	get wanted() {
		return this.#wanted;
	}

	want = () => {
		this.#wanted = true;
	};

	/** Called by the panel once mounted; returns the detach function for its teardown. */
	attach = (confirm: ConfirmCost) => {
		this.#confirm = confirm;
		this.#settle();
		return () => {
			if (this.#confirm === confirm) this.#confirm = null;
		};
	};

	/** The panel's code would not load: send without an estimate rather than block every purge. */
	giveUp = () => this.#settle();

	/** True to send `items`; false when the user declined the amount shown. */
	confirm = async (items: readonly string[]): Promise<boolean> => {
		this.want();
		await this.#attached;
		return this.#confirm ? this.#confirm(items) : true;
	};
}
