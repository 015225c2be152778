/** The credential's name and default Base URL; the credential class reads them from here too. */
export const CREDENTIAL_NAME = 'trutoApi';
export const DEFAULT_BASE_URL = 'https://api.truto.one';
