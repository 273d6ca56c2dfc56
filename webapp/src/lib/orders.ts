/**
 * The order screens' pure logic (no DOM, no fetch), checked by Vitest: which steps an order allows to whom, what a
 * refund pays back per line, how released escrow divides (as the server's EscrowSplit), and the Idempotency-Key of
 * a user action (fresh per action, the same on a retry of that action).
 */

export type OrderStatus = 'PLACED' | 'PAID' | 'SHIPPED' | 'DELIVERED' | 'COMPLETED' | 'CANCELED' | 'REFUNDED';

export interface OrderFacts {
  status?: string;
  returnUntil?: string | null;
}

export type BuyerAction = 'cancel' | 'confirmDelivery' | 'complete' | 'review';
export type MerchantAction = 'ship' | 'cancel' | 'refund';

const open = (o: OrderFacts, now: Date) => !!o.returnUntil && Date.parse(o.returnUntil) > now.getTime();

/** The buyer's next steps, as the API allows them: cancel before shipping, confirm a shipment, accept or review. */
export function buyerActions(o: OrderFacts, now: Date = new Date()): BuyerAction[] {
  switch (o.status) {
    case 'PAID':
      return ['cancel'];
    case 'SHIPPED':
      return ['confirmDelivery'];
    case 'DELIVERED':
      return open(o, now) ? ['complete', 'review'] : ['review'];
    case 'COMPLETED':
      return ['review'];
    default:
      return [];
  }
}

/** The merchant's next steps: ship or cancel a paid order, refund a delivered one within the return window. */
export function merchantActions(o: OrderFacts, now: Date = new Date()): MerchantAction[] {
  if (o.status === 'PAID') return ['ship', 'cancel'];
  if (o.status === 'DELIVERED' && open(o, now)) return ['refund'];
  return [];
}

export interface Line {
  lineNo: number;
  quantity: number;
  unitPrice: number | string;
}

/**
 * Units to refund per line (typed as text) → the request's lines and the amount per line and in total, in minor
 * units as exact decimal strings; or the line whose quantity does not read (not a whole number 0..its quantity).
 * Lines left at 0 are not sent; nothing chosen at all is `{ none: true }`.
 */
export function refundPlan(
  lines: Line[],
  typed: Record<number, string>,
): { lines: { lineNo: number; quantity: number }[]; perLine: Record<number, string>; total: string } | { bad: number } | { none: true } {
  const out: { lineNo: number; quantity: number }[] = [];
  const perLine: Record<number, string> = {};
  let total = 0n;
  for (const l of lines) {
    const text = (typed[l.lineNo] ?? '').trim();
    if (text === '' || text === '0') continue;
    if (!/^\d{1,6}$/.test(text)) return { bad: l.lineNo };
    const q = Number(text);
    if (q < 1 || q > l.quantity) return { bad: l.lineNo };
    const amount = BigInt(l.unitPrice) * BigInt(q);
    perLine[l.lineNo] = amount.toString();
    total += amount;
    out.push({ lineNo: l.lineNo, quantity: q });
  }
  if (out.length === 0) return { none: true };
  return { lines: out, perLine, total: total.toString() };
}

/**
 * Released escrow split as the server does it (EscrowSplit): fee and pool are floor(amount × bps / 10000), the
 * merchant gets the rest, so the parts always sum to the amount. Exact for any long (BigInt).
 */
export function escrowSplit(amount: number | string, platformFeeBps: number, partnerPoolBps: number):
  { merchant: string; platformFee: string; partnerPool: string } {
  const a = BigInt(amount);
  const fee = (a * BigInt(platformFeeBps)) / 10000n;
  const pool = (a * BigInt(partnerPoolBps)) / 10000n;
  return { merchant: (a - fee - pool).toString(), platformFee: fee.toString(), partnerPool: pool.toString() };
}

/**
 * What a settled order brought its merchant: COMPLETED releases the total, REFUNDED what the buyer kept; other
 * states have released nothing (undefined).
 */
export function merchantReceivable(o: {
  status?: string; total?: number | string; refunded?: number | string;
  rates?: { platformFeeBps?: number; partnerPoolBps?: number };
}): string | undefined {
  if (o.status !== 'COMPLETED' && o.status !== 'REFUNDED') return undefined;
  const kept = BigInt(o.total ?? 0) - BigInt(o.status === 'REFUNDED' ? o.refunded ?? 0 : 0);
  return escrowSplit(kept.toString(), o.rates?.platformFeeBps ?? 0, o.rates?.partnerPoolBps ?? 0).merchant;
}

/** Sums exact minor-unit strings per currency. */
export function sumByCurrency(items: { currency: string; amount: string }[]): Record<string, string> {
  const out: Record<string, bigint> = {};
  for (const i of items) out[i.currency] = (out[i.currency] ?? 0n) + BigInt(i.amount);
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.toString()]));
}

/**
 * Idempotency-Keys of user actions: the first attempt of an action gets a fresh key; trying the same action with
 * the same request again (after an error or a lost answer) reuses it, so the server answers the first result instead
 * of acting twice; a changed request or a new action after a success gets a new key.
 */
export class ActionKeys {
  private readonly pending = new Map<string, { body: string; key: string }>();

  constructor(private readonly fresh: () => string = () => crypto.randomUUID()) {}

  key(action: string, body: unknown): string {
    const text = JSON.stringify(body ?? null);
    const last = this.pending.get(action);
    if (last && last.body === text) return last.key;
    const key = this.fresh();
    this.pending.set(action, { body: text, key });
    return key;
  }

  /** The action succeeded: its next attempt is a new action. */
  done(action: string): void {
    this.pending.delete(action);
  }
}

/** A GS1 Digital Link path of an item (serial) or batch (lot), serial and lot percent-encoded. */
export function tracePath(gtin: string, kind: 'serial' | 'lot', value: string): string {
  return `/trace/01/${encodeURIComponent(gtin)}/${kind === 'serial' ? '21' : '10'}/${encodeURIComponent(value.trim())}`;
}
