/**
 * RFC 8785 JSON Canonicalization Scheme for values parsed by JSON.parse: members sorted by UTF-16 code units,
 * no whitespace, numbers in the ECMAScript form (which is what JSON.stringify prints), strings escaped as
 * JSON.stringify escapes them (RFC 8785 §3.2.2.2 adopts exactly that rule).
 */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function canonicalize(value: unknown): string {
  if (value === null || typeof value === 'boolean') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new Error('RFC 8785 has no form for NaN or Infinity');
    }
    return JSON.stringify(value);
  }
  if (typeof value === 'string') {
    if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)) {
      throw new Error('RFC 8785 refuses lone surrogates');
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map(canonicalize).join(',')}]`;
  }
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    // Default sort compares UTF-16 code units, as RFC 8785 §3.2.3 requires.
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalize(obj[k])}`).join(',')}}`;
  }
  throw new Error(`cannot canonicalize a ${typeof value}`);
}

/** True when text is already in canonical form (what the audit log hashes). */
export function isCanonical(text: string): boolean {
  try {
    return canonicalize(JSON.parse(text)) === text;
  } catch {
    return false;
  }
}
