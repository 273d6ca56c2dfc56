/**
 * The shop screens' pure logic (no DOM, no fetch), checked by Vitest: amounts typed by people (decimal text) to long
 * minor units without floating point, the browse query from the search form, and what a product change sends.
 */
import { currencyDigits } from '../i18n/format';

/** Currencies the platform tops up and prices in (those with an EXTERNAL_FUNDING account in the ledger). */
export const CURRENCIES = ['CNY', 'USD'] as const;

/**
 * "68", "68.5", "68.50", "1,234.5" → minor units as a decimal string (e.g. "6850"), exactly; undefined for anything
 * that is not a non-negative amount with at most the currency's minor digits. Commas and spaces group thousands.
 */
export function decimalToMinor(text: string, currency: string): string | undefined {
  const digits = currencyDigits(currency);
  const s = text.trim().replace(/[,\s\u00a0]/g, '');
  const m = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) return undefined;
  const frac = m[2] ?? '';
  if (frac.length > digits) return undefined;
  const minor = BigInt(m[1] + frac.padEnd(digits, '0'));
  // long on the server: refuse what would not fit rather than let it wrap
  if (minor > 9223372036854775807n) return undefined;
  return minor.toString();
}

/** Minor units back to the plain decimal text a form field shows ("6850" CNY → "68.50"). */
export function minorToInput(minor: string | number | bigint, currency: string): string {
  const digits = currencyDigits(currency);
  const s = BigInt(minor).toString().padStart(digits + 1, '0');
  return digits > 0 ? `${s.slice(0, s.length - digits)}.${s.slice(s.length - digits)}` : s;
}

export interface SearchForm {
  q: string;
  category: string;
  currency: string;
  min: string;
  max: string;
}

export type BrowseQuery = { q?: string; category?: string; currency?: string; minPrice?: string; maxPrice?: string };

/**
 * The browse API's query from the form: empty fields are left out; a price bound needs a currency and is sent in
 * minor units. Returns the field that is wrong instead when a bound does not read as an amount.
 */
export function browseQuery(f: SearchForm): { query: BrowseQuery } | { invalid: 'min' | 'max' } {
  const query: BrowseQuery = {};
  if (f.q.trim()) query.q = f.q.trim();
  if (f.category.trim()) query.category = f.category.trim();
  if (f.min.trim() || f.max.trim() || f.currency) {
    const currency = f.currency || 'CNY';
    query.currency = currency;
    if (f.min.trim()) {
      const v = decimalToMinor(f.min, currency);
      if (v === undefined) return { invalid: 'min' };
      query.minPrice = v;
    }
    if (f.max.trim()) {
      const v = decimalToMinor(f.max, currency);
      if (v === undefined) return { invalid: 'max' };
      query.maxPrice = v;
    }
  }
  return { query };
}

export interface Price {
  currency: string;
  amount: number | string;
}

/**
 * The body of a product change: only the fields that differ from the current version (the server writes a new
 * version only for a real change), with baseVersion so a concurrent edit is refused instead of overwritten.
 */
export function productChange(
  current: { version: number; description: string; stock: number | string; prices: Price[] },
  edited: { description: string; stock: string; prices: Price[] },
): { baseVersion: number; description?: string; stock?: number; prices?: Price[] } {
  const out: { baseVersion: number; description?: string; stock?: number; prices?: Price[] } = { baseVersion: current.version };
  if (edited.description !== current.description) out.description = edited.description;
  if (edited.stock.trim() !== String(current.stock)) out.stock = Number(edited.stock.trim());
  const key = (ps: Price[]) => ps.map((p) => `${p.currency}=${BigInt(p.amount).toString()}`).sort().join(';');
  if (key(edited.prices) !== key(current.prices)) out.prices = edited.prices;
  return out;
}
