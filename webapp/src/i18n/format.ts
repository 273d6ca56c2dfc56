import type { Locale } from './locale';

/**
 * Amounts are long minor units (strings in JSON when large). They are turned into an exact decimal string and
 * formatted by Intl from that string, so no amount passes through a binary fraction.
 */
export function minorToDecimal(minor: string | number | bigint, fractionDigits: number): string {
  let v = BigInt(minor);
  const negative = v < 0n;
  if (negative) v = -v;
  const s = v.toString().padStart(fractionDigits + 1, '0');
  const whole = s.slice(0, s.length - fractionDigits);
  const frac = fractionDigits > 0 ? '.' + s.slice(s.length - fractionDigits) : '';
  return (negative ? '-' : '') + whole + frac;
}

/** Minor-unit digits of a currency per ISO 4217, as Intl knows them (CNY 2, JPY 0, ...). */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function formatMoney(locale: Locale, minor: string | number | bigint, currency: string): string {
  const digits = currencyDigits(currency);
  const decimal = minorToDecimal(minor, digits);
  try {
    // Intl accepts decimal strings exactly (ES2023 Intl.NumberFormat v3).
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(decimal as unknown as number);
  } catch {
    // not an ISO currency (e.g. a brand's points): plain number and the code
    return `${formatNumber(locale, decimal)} ${currency}`;
  }
}

export function formatNumber(locale: Locale, value: string | number | bigint): string {
  return new Intl.NumberFormat(locale).format(value as unknown as number);
}

export function formatDateTime(locale: Locale, iso: string | number | Date): string {
  const d = iso instanceof Date ? iso : new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function formatDate(locale: Locale, iso: string | number | Date): string {
  const d = iso instanceof Date ? iso : new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(d);
}
