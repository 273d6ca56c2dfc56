import { describe, expect, it } from 'vitest';
import { canonicalize, isCanonical } from '../../src/lib/verify/jcs';

describe('RFC 8785 canonical JSON', () => {
  it('gives the output of the example in RFC 8785 §3.2.2', () => {
    const input = '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],'
      + '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}';
    expect(canonicalize(JSON.parse(input))).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],'
      + '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it('sorts members by UTF-16 code units as in RFC 8785 §3.2.3', () => {
    const obj = { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' };
    const keys = [...canonicalize(obj).matchAll(/"([^"]*)":/g)].map((m) => JSON.parse(`"${m[1]}"`));
    expect(keys).toEqual(['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
  });

  it('knows canonical text from non-canonical text', () => {
    expect(isCanonical('{"a":1,"b":[true,"x"]}')).toBe(true);
    expect(isCanonical('{"b":1,"a":2}')).toBe(false);
    expect(isCanonical('{"a": 1}')).toBe(false);
    expect(isCanonical('{"a":1.0}')).toBe(false);
    expect(isCanonical('not json')).toBe(false);
  });

  it('refuses what RFC 8785 cannot express', () => {
    expect(() => canonicalize(NaN)).toThrow();
    expect(() => canonicalize('\ud800')).toThrow();
  });
});
