/** A distribution as the console shows it; the AWS layer maps SDK output into these. */

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
