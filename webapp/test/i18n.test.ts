import { describe, expect, it } from 'vitest';
import { catalogues } from '../src/i18n/catalogue';
import { translate } from '../src/i18n';
import { pickLocale } from '../src/i18n/locale';
import { formatMoney, minorToDecimal } from '../src/i18n/format';

describe('catalogues', () => {
  it('have the same keys in Chinese and English', () => {
    const en = Object.keys(catalogues.en).sort();
    const zh = Object.keys(catalogues['zh-CN']).sort();
    expect(zh).toEqual(en);
  });

  it('have no empty text and the same placeholders in both languages', () => {
    for (const key of Object.keys(catalogues.en)) {
      const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(catalogues.en[key]!.trim(), key).not.toBe('');
      expect(catalogues['zh-CN'][key]!.trim(), key).not.toBe('');
      expect(placeholders(catalogues['zh-CN'][key]!), key).toEqual(placeholders(catalogues.en[key]!));
    }
  });

  it('fill placeholders', () => {
    expect(translate('en', 'auth.signedInAs', { name: 'Li' })).toBe('Signed in as Li');
    expect(translate('zh-CN', 'auth.signedInAs', { name: 'Li' })).toBe('已登录：Li');
  });
});

describe('locale', () => {
  it('follows the browser, Chinese for any zh tag, else English', () => {
    expect(pickLocale(['zh-TW', 'en'])).toBe('zh-CN');
    expect(pickLocale(['en-GB'])).toBe('en');
    expect(pickLocale(['fr', 'zh-CN'])).toBe('zh-CN');
    expect(pickLocale(['fr'])).toBe('en');
  });
});

describe('money from minor units', () => {
  it('is exact for amounts beyond 2^53', () => {
    expect(minorToDecimal('900719925474099312', 2)).toBe('9007199254740993.12');
    expect(minorToDecimal(-5, 2)).toBe('-0.05');
    expect(minorToDecimal(7, 0)).toBe('7');
  });

  it('is formatted per locale', () => {
    expect(formatMoney('en', 123456, 'CNY')).toBe('CN¥1,234.56');
    expect(formatMoney('zh-CN', 123456, 'CNY')).toBe('¥1,234.56');
    expect(formatMoney('en', '900719925474099312', 'USD')).toBe('$9,007,199,254,740,993.12');
  });
});
