/**
 * The estimate panel's figures for the items being typed. The charge needs this month's count;
 * until it is in, the panel shows the worst case (no free path left). Each figure is derived on
 * demand: the worst case is computed only while it is on screen (before the count), never on
 * every edit of the field once the month is counted, and the path count needs no estimate.
 */
import {
	costQuestion,
	estimateCost,
	noneFree,
	type CostEstimate,
	type UsageSoFar
} from '$lib/cost/estimate';
import type { AccountPricing } from '$lib/cost/pricing';

export interface EstimateInputs {
	distributionId: () => string;
	items: () => readonly string[];
	/** This month's usage; null until counted. */
	usage: () => UsageSoFar | null;
}

export class PurgeEstimate {
	#account: AccountPricing;
	#in: EstimateInputs;
	/** As if no free path were left, so costs read "up to". */
	#noneFree: UsageSoFar;
	/** The estimate from this month's count; null until counted. */
	readonly counted: CostEstimate | null;
	/** The most it can cost, for the panel until the month is counted. Read it only then. */
	readonly worst: CostEstimate;

	constructor(account: AccountPricing, inputs: EstimateInputs) {
		this.#account = account;
		this.#in = inputs;
		this.#noneFree = noneFree(account);
		this.counted = $derived(this.#estimateFor(inputs.items()));
		this.worst = $derived(this.#worstFor(inputs.items()));
	}

	/** Items in this purge, each billed as one path. */
	get paths() {
		return this.#in.items().length;
	}

	/** The question before sending `list`, or null; the worst case until the month is counted. */
	questionFor(list: readonly string[]): string | null {
		return costQuestion(this.#in.usage(), this.#account, this.#purgeOf(list));
	}

	#purgeOf = (list: readonly string[]) => [
		{ distributionId: this.#in.distributionId(), items: list }
	];

	#estimateFor(list: readonly string[]): CostEstimate | null {
		const usage = this.#in.usage();
		return usage ? estimateCost(usage, this.#account, this.#purgeOf(list)) : null;
	}

	#worstFor(list: readonly string[]): CostEstimate {
		return estimateCost(this.#noneFree, this.#account, this.#purgeOf(list));
	}
}
