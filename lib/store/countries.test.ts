import { describe, expect, it } from 'vitest';
import { countryChoices, isCountryCode, ISO_COUNTRY_CODES } from './countries';

describe('countries', () => {
  it('knows the 249 assigned codes, not made-up ones', () => {
    expect(ISO_COUNTRY_CODES).toHaveLength(249);
    expect(isCountryCode('DE')).toBe(true);
    expect(isCountryCode('ZQ')).toBe(false);
    expect(isCountryCode('de')).toBe(false);
  });

  it('names every country, sorted by name, for the picker', () => {
    const choices = countryChoices();
    expect(choices).toHaveLength(249);
    expect(choices.find((choice) => choice.value === 'DE')?.label).toBe('Germany');
    expect(choices.find((choice) => choice.value === 'CI')?.label).toMatch(/Côte d’Ivoire|Ivory Coast/);
    const labels = choices.map((choice) => choice.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'en')));
    expect(labels.every((label) => !/^[A-Z]{2}$/.test(label))).toBe(true);
  });
});
