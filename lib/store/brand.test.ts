import { describe, expect, it } from 'vitest';
import { contrastWithWhite, DEFAULT_ACCENT_COLOR, shade, tint } from './brand';

describe('brand colours', () => {
  it('measures contrast against white as WCAG does', () => {
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 1);
    expect(contrastWithWhite('#ffffff')).toBeCloseTo(1, 5);
    expect(contrastWithWhite('#767676')).toBeGreaterThanOrEqual(4.5); // the lightest grey that passes AA
    expect(contrastWithWhite('#777777')).toBeLessThan(4.5);
  });

  it('ships a default accent that passes AA with white text', () => {
    expect(contrastWithWhite(DEFAULT_ACCENT_COLOR)).toBeGreaterThanOrEqual(4.5);
  });

  it('derives darker and lighter shades', () => {
    expect(shade('#ffffff', 0.5)).toBe('#808080');
    expect(tint('#000000', 0.5)).toBe('#808080');
  });
});
