import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

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
