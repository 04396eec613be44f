/**
 * What `dmesh init` writes where only the owning team knows the answer. The
 * documentation policy recognises these texts and warns until they are
 * replaced, so a scaffold validates and publishes as it is, yet nobody mistakes
 * it for a finished product.
 */
export const PLACEHOLDER_MARK = 'TODO:';

/** `.invalid` is reserved for addresses that are certainly not real (RFC 2606); example.com stays usable for demos. */
export const PLACEHOLDER_EMAIL_DOMAIN = 'example.invalid';

/** The sentence earlier scaffolds wrote into `metadata.description`. */
const LEGACY_SENTENCE = 'Describe what one record means';

export function placeholderDescription(subject: string): string {
  return `${PLACEHOLDER_MARK} say what one ${subject} record means, how often it is updated and who should use it.`;
}

export function placeholderEmail(team: string): string {
  return `${team}@${PLACEHOLDER_EMAIL_DOMAIN}`;
}

/** A text still holding a scaffold placeholder. */
export function isPlaceholderText(text: string | undefined): boolean {
  if (!text) return false;
  return text.trimStart().toUpperCase().startsWith(PLACEHOLDER_MARK) || text.includes(LEGACY_SENTENCE);
}

/** An address nobody can receive mail at: any `.invalid` domain. */
export function isPlaceholderEmail(email: string | undefined): boolean {
  const domain = email?.split('@')[1]?.toLowerCase();
  return domain !== undefined && (domain === 'invalid' || domain.endsWith('.invalid'));
}
