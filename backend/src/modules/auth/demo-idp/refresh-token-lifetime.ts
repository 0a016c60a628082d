/**
 * 等保 level 3 session limits for the built-in provider: a refresh token lives `idleSeconds` from its issue (each
 * use rotates it, so inactivity ends the session), but never past `maxSeconds` after the first sign-in, whose time
 * (`initialIssuedAt`) survives rotation.
 */
export function refreshTokenLifetime(
  limits: { idleSeconds: number; maxSeconds: number },
  initialIssuedAt: number | undefined,
  nowSeconds: number,
): number {
  const used = initialIssuedAt === undefined ? 0 : nowSeconds - initialIssuedAt;
  return Math.max(1, Math.min(limits.idleSeconds, limits.maxSeconds - used));
}
