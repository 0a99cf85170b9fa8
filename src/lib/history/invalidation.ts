/** Invalidations as the console shows them; the AWS layer maps SDK output into these. */

/**
 * CloudFront documents `InProgress` and `Completed`; anything else is kept as sent and shown as
 * it is, never guessed to be one of the two.
 * https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_Invalidation.html
 */
// `string & {}` keeps the two documented names in editor hints while admitting any other.
export type InvalidationStatus = 'InProgress' | 'Completed' | (string & {});

/** Only a documented `InProgress` is followed live; anything else is final as far as we know. */
export const isInProgress = (status: InvalidationStatus) => status === 'InProgress';

export interface InvalidationSummary {
	id: string;
	status: InvalidationStatus;
	createTime: Date;
}

export interface Invalidation extends InvalidationSummary {
	callerReference: string;
	paths: string[];
}

/** One page of ListInvalidations: newest first; `next` is the marker of the following page. */
export interface InvalidationPage {
	items: InvalidationSummary[];
	next?: string;
}
