/** Replaces every occurrence of the secret; secrets shorter than 4 characters are left alone. */
export function redact(text: string, secret?: string): string {
	if (!secret || secret.length < 4) return text;
	return text.split(secret).join('[redacted]');
}
