import { catalogues } from '../i18n/catalogue';
import type { MessageKey } from '../i18n';

/** The message key for a value from the API (a role, an account kind), if the catalogue has one. */
export function keyFor(prefix: string, value: string): MessageKey | undefined {
  const k = `${prefix}.${value}`;
  return k in catalogues.en ? (k as MessageKey) : undefined;
}
