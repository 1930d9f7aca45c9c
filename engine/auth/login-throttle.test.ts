/** The sign-in throttle: limits, doubling waits, tries in flight, forgetting, bounded memory. */
import { describe, expect, it } from 'vitest';
import { LoginThrottle, type LoginAttempt } from './login-throttle.js';

function throttle(options: Partial<ConstructorParameters<typeof LoginThrottle>[0]> = {}) {
  let now = 0;
  const t = new LoginThrottle({ now: () => now, ...options });
  return {
    t,
    advance: (ms: number) => (now += ms),
    fail(username: string, address = 'addr') {
      const attempt = t.attempt(username, address);
      if (attempt.kind === 'allowed') attempt.finish(false);
      return attempt.kind;
    },
  };
}

const waitOf = (a: LoginAttempt) => (a.kind === 'throttled' ? a.retryAfterMs : 0);

describe('the login throttle', () => {
  it('allows five failures, then makes the username wait 30 s, 60 s, 120 s...', () => {
    const { t, advance, fail } = throttle();
    const kinds = Array.from({ length: 5 }, () => fail('ada'));

    const first = waitOf(t.attempt('ada', 'addr'));
    advance(30_000);
    fail('ada');
    const second = waitOf(t.attempt('ada', 'addr'));
    advance(60_000);
    fail('ada');
    const third = waitOf(t.attempt('ada', 'addr'));

    expect(kinds).toEqual(Array(5).fill('allowed'));
    expect([first, second, third]).toEqual([30_000, 60_000, 120_000]);
  });

  it('never makes anyone wait longer than the cap', () => {
    const { t, advance, fail } = throttle({ maxLockMs: 100_000 });
    for (let i = 0; i < 5; i++) fail('ada');
    for (let i = 0; i < 10; i++) {
      advance(100_000);
      fail('ada');
    }

    expect(waitOf(t.attempt('ada', 'addr'))).toBe(100_000);
  });

  it('counts tries in flight, so parallel guesses stop at the limit', () => {
    const { t } = throttle();

    const attempts = Array.from({ length: 8 }, () => t.attempt('ada', 'addr'));

    expect(attempts.map((a) => a.kind)).toEqual([
      ...Array(5).fill('allowed'),
      ...Array(3).fill('throttled'),
    ]);
  });

  it('past the limit, lets one try at a time through after each wait', () => {
    const { t, advance, fail } = throttle();
    for (let i = 0; i < 5; i++) fail('ada');
    advance(30_000);

    const one = t.attempt('ada', 'addr');
    const two = t.attempt('ada', 'addr');

    expect([one.kind, two.kind]).toEqual(['allowed', 'throttled']);
  });

  it('forgets a username after a success, but not the failures of its address', () => {
    const { t, fail } = throttle({ maxFailuresPerAddress: 6 });
    for (let i = 0; i < 4; i++) fail('ada');
    const ok = t.attempt('ada', 'addr');
    if (ok.kind === 'allowed') ok.finish(true);

    const kinds = [fail('ada'), fail('ada'), fail('bo')];

    expect(kinds).toEqual(['allowed', 'allowed', 'throttled']);
  });

  it('forgets failures after a quiet quarter of an hour', () => {
    const { t, advance, fail } = throttle();
    for (let i = 0; i < 4; i++) fail('ada');

    advance(15 * 60_000 + 1);
    for (let i = 0; i < 4; i++) fail('ada');

    expect(t.attempt('ada', 'addr').kind).toBe('allowed');
  });

  it('keeps at most the configured number of usernames, dropping the stalest', () => {
    const { t, fail } = throttle({
      maxTracked: 2,
      maxFailuresPerUser: 1,
      maxFailuresPerAddress: 99,
    });
    fail('ada');
    fail('bo');

    fail('cy');

    expect(t.attempt('ada', 'addr').kind).toBe('allowed');
    expect(t.attempt('cy', 'addr').kind).toBe('throttled');
  });
});
