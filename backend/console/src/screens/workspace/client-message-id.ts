/**
 * A fresh id for one reply draft. getRandomValues rather than randomUUID: randomUUID exists only in secure contexts,
 * and a bank's intranet may serve the console over plain HTTP.
 */
export function newClientMessageId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `c-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
