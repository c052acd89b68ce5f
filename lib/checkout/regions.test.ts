import { describe, expect, it } from 'vitest';
import { checkPostalCode, checkRegion, regionHint, regionRule } from './regions';

describe('checkRegion', () => {
  it('takes a listed code or name (any case, accents optional) and stores the code', () => {
    expect(checkRegion('US', 'ny')).toEqual({ ok: true, value: 'NY' });
    expect(checkRegion('US', 'new  york')).toEqual({ ok: true, value: 'NY' });
    expect(checkRegion('BR', 'Sao Paulo')).toEqual({ ok: true, value: 'SP' });
    expect(checkRegion('MX', 'Nuevo León')).toEqual({ ok: true, value: 'NLE' });
    expect(checkRegion('CA', 'Québec')).toEqual({ ok: true, value: 'QC' });
  });
  it('requires one where the country has a list, and names the country when it does not fit', () => {
    expect(checkRegion('US', '')).toMatchObject({ ok: false, message: 'Enter the state (e.g. CA).' });
    expect(checkRegion('AU', 'ON')).toMatchObject({ ok: false, message: expect.stringContaining('not a state or territory of Australia') });
  });
  it('refuses any region where addresses have none, and keeps free text elsewhere', () => {
    expect(checkRegion('DE', 'CA')).toMatchObject({ ok: false, message: 'Addresses in Germany have no state or region: leave it empty.' });
    expect(checkRegion('FR', '  ')).toEqual({ ok: true, value: null });
    expect(checkRegion('GB', 'Kent')).toEqual({ ok: true, value: 'KENT' });
    expect(checkRegion('NZ', '')).toEqual({ ok: true, value: null });
  });
  it('lists Japan’s prefectures and India’s states by name', () => {
    expect(checkRegion('JP', 'tokyo')).toEqual({ ok: true, value: 'TOKYO' });
    expect(checkRegion('JP', '')).toMatchObject({ ok: false, message: 'Enter the prefecture (e.g. Tokyo).' });
    expect(checkRegion('IN', 'Tamil Nadu')).toEqual({ ok: true, value: 'TN' });
  });
  it('describes the rule for the chosen country', () => {
    expect(regionRule('CA')).toMatchObject({ kind: 'list', noun: 'province or territory' });
    expect(regionHint('NL')).toBe('Leave empty: addresses in Netherlands have no state or region.');
    expect(regionHint('IE')).toBe('Optional.');
  });
});

describe('checkPostalCode', () => {
  it('stores the canonical spacing', () => {
    expect(checkPostalCode('NL', '1012ab')).toEqual({ ok: true, value: '1012 AB' });
    expect(checkPostalCode('SE', '11122')).toEqual({ ok: true, value: '111 22' });
    expect(checkPostalCode('CA', 'k1a0b1')).toEqual({ ok: true, value: 'K1A 0B1' });
    expect(checkPostalCode('IE', 'd02x285')).toEqual({ ok: true, value: 'D02 X285' });
    expect(checkPostalCode('US', ' 94105-1234 ')).toEqual({ ok: true, value: '94105-1234' });
  });
  it('refuses shapes the country does not use, with an example', () => {
    expect(checkPostalCode('DE', '1011')).toMatchObject({ ok: false, message: 'Enter a valid postal code (e.g. 10115).' });
    expect(checkPostalCode('NL', '0123 AB')).toMatchObject({ ok: false });
    expect(checkPostalCode('PL', '00950')).toMatchObject({ ok: false });
    expect(checkPostalCode('ES', '53001')).toMatchObject({ ok: false });
  });
  it('is loose where there is no table, and allows none at all there', () => {
    expect(checkPostalCode('KE', '')).toEqual({ ok: true, value: '' });
    expect(checkPostalCode('KE', '00100')).toEqual({ ok: true, value: '00100' });
    expect(checkPostalCode('KE', '<script>')).toMatchObject({ ok: false });
  });
});
