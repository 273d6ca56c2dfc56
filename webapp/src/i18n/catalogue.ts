// Every feature keeps its messages in its own file (messages/<feature>.ts exporting `en` and `zhCN` with the
// same keys), so features added in parallel touch only this list. The Vitest completeness test checks both
// catalogues have the same keys and no empty text.
import * as common from './messages/common';
import * as partner from './messages/partner';
import * as wallet from './messages/wallet';
import * as audit from './messages/audit';
import * as admin from './messages/admin';
import * as tally from './messages/tally';
import * as gov from './messages/gov';
import * as shop from './messages/shop';
import * as economy from './messages/economy';
import * as orders from './messages/orders';
import type { Locale } from './locale';

const features = [common, wallet, partner, audit, admin, tally, gov, shop, economy, orders] as const;

type Keys<T> = T extends { en: infer E } ? keyof E : never;
export type MessageKey = Keys<(typeof features)[number]>;

function merge(pick: (f: (typeof features)[number]) => Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of features) {
    for (const [k, v] of Object.entries(pick(f))) {
      if (k in out) throw new Error(`message key defined twice: ${k}`);
      out[k] = v;
    }
  }
  return out;
}

export const catalogues: Record<Locale, Record<string, string>> = {
  en: merge((f) => f.en),
  'zh-CN': merge((f) => f.zhCN),
};
