// The CloudFront API calls the stack received, for tests that count what a page asks (how often
// it polls). Test-only, like the control API that serves it; bounded so a dev stack left running
// does not grow without end.

export interface LoggedRequest {
	operation: string;
	distributionId?: string;
	/** ListInvalidations / ListDistributions `MaxItems` as sent, when sent. */
	maxItems?: string;
	/** ISO 8601. */
	at: string;
}

export class RequestLog {
	#entries: LoggedRequest[] = [];
	readonly #limit: number;

	constructor(limit = 10_000) {
		this.#limit = limit;
	}

	record(entry: LoggedRequest) {
		this.#entries.push(entry);
		if (this.#entries.length > this.#limit) this.#entries.shift();
	}

	/** Oldest first, optionally only one operation and distribution. */
	list(filter: { operation?: string; distributionId?: string } = {}): LoggedRequest[] {
		return this.#entries.filter(
			(e) =>
				(filter.operation === undefined || e.operation === filter.operation) &&
				(filter.distributionId === undefined || e.distributionId === filter.distributionId)
		);
	}

	clear() {
		this.#entries = [];
	}
}
