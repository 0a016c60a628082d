import { refreshTokenLifetime } from './refresh-token-lifetime.ts';

const limits = { idleSeconds: 15 * 60, maxSeconds: 12 * 3600 };

describe('refreshTokenLifetime', () => {
  it('gives a fresh sign-in the idle timeout', () => {
    expect(refreshTokenLifetime(limits, undefined, 1_000)).toBe(900);
    expect(refreshTokenLifetime(limits, 1_000, 1_000)).toBe(900);
  });

  it('renews the idle timeout while the session is young', () => {
    expect(refreshTokenLifetime(limits, 0, 6 * 3600)).toBe(900);
  });

  it('never lets a rotated token outlive the absolute session limit', () => {
    expect(refreshTokenLifetime(limits, 0, 12 * 3600 - 300)).toBe(300);
    expect(refreshTokenLifetime(limits, 0, 12 * 3600 + 5)).toBe(1);
  });
});
