import { z } from 'zod';

const text = (max: number) => z.string().min(1).max(max);
const optionalText = (max: number) =>
	z
		.string()
		.max(max)
		.nullish()
		.transform((value) => value ?? undefined);

/** One CRM event as Apideck delivers it; unknown extra fields are kept. */
const crmEventSchema = z
	.object({
		event_type: text(200),
		entity_id: text(1000),
		event_id: optionalText(200),
		consumer_id: optionalText(1000),
		service_id: optionalText(200),
		entity_type: optionalText(200),
		entity_url: optionalText(4000),
		occurred_at: optionalText(100),
		unified_api: optionalText(100),
		execution_attempt: z
			.number()
			.int()
			.nonnegative()
			.nullish()
			.transform((value) => value ?? undefined),
	})
	.passthrough();

export type CrmEvent = z.infer<typeof crmEventSchema>;

type ParsedDelivery = { kind: 'event'; event: CrmEvent } | { kind: 'invalid'; problems: string[] };

const MAX_PROBLEMS = 5;

/**
 * Apideck wraps the event in `payload`; a bare event object is accepted too, since the
 * published event schema describes the fields without the wrapper.
 */
export function parseDelivery(body: unknown): ParsedDelivery {
	if (body === null || typeof body !== 'object' || Array.isArray(body)) {
		return { kind: 'invalid', problems: ['The body must be a JSON object'] };
	}
	const wrapped = 'payload' in body;
	const candidate = wrapped ? (body as { payload: unknown }).payload : body;
	const result = crmEventSchema.safeParse(candidate);
	if (result.success) return { kind: 'event', event: result.data };
	return {
		kind: 'invalid',
		problems: result.error.issues.slice(0, MAX_PROBLEMS).map((issue) => {
			const path = [...(wrapped ? ['payload'] : []), ...issue.path].join('.');
			return path ? `${path}: ${issue.message}` : issue.message;
		}),
	};
}
