/**
 * The console page's Content-Security-Policy: scripts only from Kefu's own files (no inline script, no eval), styles
 * from Kefu or carrying this response's nonce (Ant Design writes its styles at run time and stamps them with it),
 * network calls only to Kefu and the identity provider, nothing embedded and no framing of the console.
 */
export function consoleSecurityPolicy(nonce: string, issuer: string): string {
  const issuerOrigin = new URL(issuer).origin;
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${issuerOrigin}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
