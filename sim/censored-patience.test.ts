/** Kaplan–Meier patience and draws conditioned on an answered caller's wait. */
import { describe, expect, it } from 'vitest';
import { PatienceCurve } from './censored-patience.js';
import { Random } from './random.js';

describe('PatienceCurve', () => {
  it('takes answered callers as censored, not as patient forever', () => {
    // Hang-ups at 10 and 30; answered after 20 and 40.
    const curve = new PatienceCurve([
      { waitSec: 10, abandoned: true },
      { waitSec: 20, abandoned: false },
      { waitSec: 30, abandoned: true },
      { waitSec: 40, abandoned: false },
    ]);

    // 4 at risk at 10: S = 3/4; 2 at risk at 30: S = 3/4 · 1/2.
    expect(curve.survivalAt(5)).toBe(1);
    expect(curve.survivalAt(10)).toBe(0.75);
    expect(curve.survivalAt(35)).toBe(0.375);
  });

  it('draws a patience longer than the wait the caller had', () => {
    const curve = new PatienceCurve([
      { waitSec: 10, abandoned: true },
      { waitSec: 30, abandoned: true },
      { waitSec: 50, abandoned: true },
      { waitSec: 15, abandoned: false },
    ]);
    const rng = new Random(4);

    const draws = Array.from({ length: 200 }, () => curve.drawAbove(rng, 20));

    expect(draws.every((d) => d > 20)).toBe(true);
    expect(new Set(draws)).toEqual(new Set([30, 50]));
  });
});
