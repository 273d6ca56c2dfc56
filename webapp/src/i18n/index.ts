import { useEffect, useState } from 'preact/hooks';
import { catalogues, type MessageKey } from './catalogue';
import { initialLocale, rememberLocale, type Locale } from './locale';

export type { MessageKey } from './catalogue';
export type { Locale } from './locale';

let current: Locale = initialLocale();
const listeners = new Set<(l: Locale) => void>();

export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  current = locale;
  rememberLocale(locale);
  applyToDocument(locale);
  listeners.forEach((l) => l(locale));
}

export function applyToDocument(locale: Locale): void {
  if (typeof document !== 'undefined') {
    document.documentElement.lang = locale;
    document.title = translate(locale, 'app.name');
  }
}

/** The text of a key in a locale, with {name} placeholders filled in. */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const text = catalogues[locale][key] ?? catalogues.en[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m)) : text;
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(current, key, params);
}

/** Re-renders the component when the language changes; returns the locale and a bound translate. */
export function useI18n(): { locale: Locale; t: typeof t } {
  const [locale, set] = useState(current);
  useEffect(() => {
    listeners.add(set);
    return () => void listeners.delete(set);
  }, []);
  return { locale, t: (key, params) => translate(locale, key, params) };
}
