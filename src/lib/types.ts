/** Domain shapes the console works with; the AWS layer maps SDK output into these. */

export interface DistributionSummary {
	id: string;
	domainName: string;
	aliases: string[];
	status: string;
	comment: string;
	enabled: boolean;
}

export interface Distribution extends DistributionSummary {
	/** A CacheTagConfig is set, so `#tag` items can be invalidated. */
	tagsEnabled: boolean;
}

export type InvalidationStatus = 'InProgress' | 'Completed';

export interface InvalidationSummary {
	id: string;
	status: InvalidationStatus;
	createTime: Date;
}

export interface Invalidation {
	id: string;
	status: InvalidationStatus;
	createTime: Date;
	callerReference: string;
	paths: string[];
}
