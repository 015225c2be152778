/** What a person can do about each Apideck error type. */
export const ERROR_HINTS: Record<string, string> = {
	UnauthorizedError:
		'Check the API key and application ID in the Apideck credential (Apideck dashboard → Configuration → API Keys).',
	ConnectionNotFoundError:
		'Connect the CRM for this consumer in Apideck Vault, and check the consumer ID and service ID used by this node.',
	ConnectorCredentialsError:
		'The CRM connection of this consumer needs to be re-authorised: open Apideck Vault for this consumer and reconnect the CRM.',
	ConnectorDisabledError: 'Enable this connector for your application in the Apideck dashboard.',
	UnsupportedFiltersError:
		'This CRM connector cannot filter on that field. Remove it from Filters, or filter afterwards with an n8n Filter node.',
	UnsupportedSortFieldError:
		'This CRM connector cannot sort on that field. Pick another Sort field, or sort afterwards with an n8n Sort node.',
	InvalidCursorError:
		'The page cursor is invalid or has expired. Run the node again so it starts from the first page.',
	ConnectorRateLimitError:
		"The CRM's own rate limit was reached. Run fewer requests at a time (lower the batch size or add a wait) or try again later.",
	RequestLimitError:
		'Your Apideck plan has reached its request limit. Wait for the limit to reset, or raise it in the Apideck dashboard.',
	ConnectorExecutionError:
		'The CRM itself rejected the request; its own errors are listed above. Fix the values it names and run again.',
	EntityNotFoundError:
		'Check the ID: the record may not exist for this consumer and connector, or was deleted.',
	RequestValidationError: 'Check the fields named in the detail above and run again.',
	UnsupportedFieldsError:
		'This connector does not support one of the fields sent. Remove it and run again.',
	PaymentRequiredError:
		'Your Apideck plan does not include this feature or has run out; check billing in the Apideck dashboard.',
	NotImplementedError:
		'This connector does not support this operation. Use another connector or operation.',
};

export const STATUS_HINTS: Record<number, string> = {
	401: ERROR_HINTS.UnauthorizedError,
	402: ERROR_HINTS.PaymentRequiredError,
	404: ERROR_HINTS.EntityNotFoundError,
	429: 'Too many requests. Lower the batch size, add a wait between items, or try again later.',
	501: ERROR_HINTS.NotImplementedError,
};

export const FRIENDLY_TITLES: Record<string, string> = {
	UnauthorizedError: 'Apideck rejected the credentials',
	ConnectionNotFoundError: 'No CRM is connected for this consumer and service',
	ConnectorCredentialsError: "The CRM connection's credentials are invalid or expired",
	UnsupportedFiltersError: 'The connector does not support this filter',
	UnsupportedSortFieldError: 'The connector does not support sorting on this field',
	InvalidCursorError: 'The page cursor is invalid',
	ConnectorRateLimitError: "The CRM's rate limit was reached",
	RequestLimitError: 'The Apideck request limit was reached',
	ConnectorExecutionError: 'The CRM rejected the request',
	EntityNotFoundError: 'The record was not found',
	RequestValidationError: 'Apideck rejected the request as invalid',
};
