import { describe, expect, it } from 'vitest';
import { browseQuery, decimalToMinor, minorToInput, productChange } from '../src/lib/shop';

describe('amounts typed by people, to minor units exactly', () => {
  it('reads decimals per the currency’s minor digits', () => {
    expect(decimalToMinor('68', 'CNY')).toBe('6800');
    expect(decimalToMinor('68.5', 'CNY')).toBe('6850');
    expect(decimalToMinor(' 1,234.56 ', 'USD')).toBe('123456');
    expect(decimalToMinor('0.10', 'CNY')).toBe('10');
    expect(decimalToMinor('500', 'JPY')).toBe('500');
    // 0.1 + 0.2 in binary floating point is not 0.3; here it never passes through a float
    expect(decimalToMinor('0.30', 'USD')).toBe('30');
    expect(decimalToMinor('92233720368547758.07', 'CNY')).toBe('9223372036854775807');
  });
  it('refuses what is not an amount', () => {
    for (const bad of ['', '-1', '1.234', '1e3', 'abc', '1.2.3', '5.5']) {
      expect(decimalToMinor(bad, bad === '5.5' ? 'JPY' : 'CNY')).toBeUndefined();
    }
    expect(decimalToMinor('92233720368547758.08', 'CNY')).toBeUndefined();
  });
  it('writes minor units back as the field shows them', () => {
    expect(minorToInput(6850, 'CNY')).toBe('68.50');
    expect(minorToInput('5', 'USD')).toBe('0.05');
    expect(minorToInput(500, 'JPY')).toBe('500');
  });
});

describe('the browse query from the search form', () => {
  const empty = { q: '', category: '', currency: '', min: '', max: '' };
  it('leaves out empty fields', () => {
    expect(browseQuery(empty)).toEqual({ query: {} });
    expect(browseQuery({ ...empty, q: ' tea ', category: 'tea' })).toEqual({ query: { q: 'tea', category: 'tea' } });
  });
  it('sends a price range in minor units with its currency (CNY when none is chosen)', () => {
    expect(browseQuery({ ...empty, min: '10', max: '99.9' })).toEqual({ query: { currency: 'CNY', minPrice: '1000', maxPrice: '9990' } });
    expect(browseQuery({ ...empty, currency: 'USD', max: '5' })).toEqual({ query: { currency: 'USD', maxPrice: '500' } });
  });
  it('names the bound that does not read', () => {
    expect(browseQuery({ ...empty, min: 'ten' })).toEqual({ invalid: 'min' });
    expect(browseQuery({ ...empty, max: '1.001' })).toEqual({ invalid: 'max' });
  });
});

describe('a product change sends only what differs', () => {
  const current = { version: 3, description: 'First flush.', stock: 10, prices: [{ currency: 'CNY', amount: 6800 }] };
  it('nothing but the base version when nothing changed', () => {
    expect(productChange(current, { description: 'First flush.', stock: '10', prices: [{ currency: 'CNY', amount: '6800' }] }))
      .toEqual({ baseVersion: 3 });
  });
  it('each changed field', () => {
    expect(productChange(current, { description: 'Hand-picked.', stock: '7', prices: [{ currency: 'CNY', amount: 5900 }] }))
      .toEqual({ baseVersion: 3, description: 'Hand-picked.', stock: 7, prices: [{ currency: 'CNY', amount: 5900 }] });
  });
});
