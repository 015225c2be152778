import type {
	IDataObject,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

/**
 * The one webhook of each trigger. Response Data is set empty on purpose: left out, n8n falls
 * back to "firstEntryJson" and sends those very words as the body of its answer; empty, it
 * answers {"message":"Workflow was started"} like every other answer here, in JSON.
 */
export const deliveryWebhook: IWebhookDescription = {
	name: 'default',
	httpMethod: 'POST',
	responseMode: 'onReceived',
	responseData: '',
	path: 'webhook',
};

/** Answers the request directly, for refusals (401, 400) that n8n's default answer cannot carry. */
export function refuse(
	ctx: IWebhookFunctions,
	statusCode: number,
	body: IDataObject,
): IWebhookResponseData {
	const response = ctx.getResponseObject();
	response.writeHead(statusCode, { 'content-type': 'application/json; charset=utf-8' });
	response.end(JSON.stringify(body));
	return { noWebhookResponse: true };
}

/** A 200 answer that starts no execution. */
export function acknowledge(body: IDataObject): IWebhookResponseData {
	return { webhookResponse: body };
}

/** The first value of a request header (names in lower case). */
export function header(ctx: IWebhookFunctions, name: string): string | undefined {
	const value = ctx.getHeaderData()[name];
	return Array.isArray(value) ? value[0] : value;
}

/**
 * Runs `receive` for one request; anything it throws is logged and answered 500 without
 * details, so that bad input is never turned into an n8n error page or a stack trace.
 */
export async function answerSafely(
	ctx: IWebhookFunctions,
	triggerName: string,
	receive: () => Promise<IWebhookResponseData>,
): Promise<IWebhookResponseData> {
	try {
		return await receive();
	} catch (error) {
		ctx.logger.error(`${triggerName} could not process a delivery: ${(error as Error).message}`);
		return refuse(ctx, 500, { message: 'The trigger could not process this delivery' });
	}
}
