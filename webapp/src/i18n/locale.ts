// The two languages of the app. The browser's preference picks the first one; the switcher changes it for the
// session (remembered in localStorage: a preference, not a secret).
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'copartner.locale';

export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export function initialLocale(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as Locale;
  } catch {
    // storage disabled: fall back to the browser's languages
  }
  const nav = globalThis.navigator;
  return pickLocale(nav?.languages?.length ? nav.languages : [nav?.language ?? 'en']);
}

export function rememberLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // not remembered; the switch still applies now
  }
}

/** Keycloak's ui_locales value for a locale of ours (the realm supports zh-CN and en). */
export function keycloakLocale(locale: Locale): string {
  return locale;
}
