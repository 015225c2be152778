/** The credential's name and default Base URL; the credential class reads them from here too. */
export const CREDENTIAL_NAME = 'apideckApi';
export const DEFAULT_BASE_URL = 'https://unify.apideck.com';
