import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { CLOUDFRONT_XMLNS } from './constants';
import { malformedXml, missingBody } from './cloudfront-errors';

// Tiny XML writer (the documents are small and fixed, so string building keeps the wire obvious)
// and the one parser the API needs: the CreateInvalidation body.

/** Escapes text content; `\r` as `&#xD;` so it survives a round trip, as AWS does. */
export const escapeXml = (s: string): string =>
	s.replace(
		/[&<>"'\r]/g,
		(c) =>
			({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#xD;' })[
				c
			] ?? c
	);

/** An element with escaped text content. */
export const text = (name: string, value: string | number | boolean): string =>
	`<${name}>${escapeXml(String(value))}</${name}>`;

/** An element wrapping already-built children. */
export const node = (name: string, ...children: string[]): string =>
	`<${name}>${children.join('')}</${name}>`;

/** `Quantity` + `Items` (omitted when empty, which the SDK reads as undefined): the list pattern. */
export const list = (name: string, items: string[]): string =>
	node(name, text('Quantity', items.length), items.length ? node('Items', ...items) : '');

/** A whole response document, namespace on the root only. */
export const document = (root: string, ...children: string[]): string =>
	`<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${CLOUDFRONT_XMLNS}">${children.join('')}</${root}>`;

export interface InvalidationBatchInput {
	callerReference: string;
	quantity: number;
	items: string[];
}

const parser = new XMLParser({
	ignoreAttributes: true,
	removeNSPrefix: true,
	parseTagValue: false, // paths stay strings, exactly as sent
	trimValues: false, // a trailing raw space in a path is a path error, not whitespace
	processEntities: true,
	htmlEntities: true, // also decodes numeric references such as &#xD;
	isArray: (_name, jpath) => jpath === 'InvalidationBatch.Paths.Items.Path'
});

const nullAt = (field: string) =>
	malformedXml(
		`1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`
	);

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses `<InvalidationBatch>` order-independently (the SDK sends Paths before CallerReference). */
export function parseInvalidationBatch(body: string): InvalidationBatchInput {
	if (body.trim() === '') throw missingBody();
	if (XMLValidator.validate(body) !== true)
		throw malformedXml('The XML you provided was not well-formed.');
	const doc: unknown = parser.parse(body);
	const batch = isRecord(doc) ? doc.InvalidationBatch : undefined;
	if (!isRecord(batch)) throw nullAt('invalidationBatch');
	const paths = batch.Paths;
	if (!isRecord(paths)) throw nullAt('invalidationBatch.paths');
	const quantityText = typeof paths.Quantity === 'string' ? paths.Quantity.trim() : '';
	if (!/^\d+$/.test(quantityText)) throw nullAt('invalidationBatch.paths.quantity');
	const ref = typeof batch.CallerReference === 'string' ? batch.CallerReference : '';
	if (ref === '') throw nullAt('invalidationBatch.callerReference');
	const raw = isRecord(paths.Items) ? paths.Items.Path : undefined;
	const items = Array.isArray(raw) ? raw.map((p) => (typeof p === 'string' ? p : '')) : [];
	return { callerReference: ref, quantity: Number(quantityText), items };
}
