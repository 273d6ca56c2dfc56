// The partnership economy's arithmetic as the screens show it (issue 12, item 8). Pure functions, Vitest-checked:
// amounts are decimal-integer strings or JSON integers in minor units and are only ever handled as BigInt.

export type Int = string | number | bigint | undefined | null;

const big = (v: Int): bigint => (v === undefined || v === null || v === '' ? 0n : BigInt(v));

/** One line of a revenue-share statement, as `GET /api/v1/me/statements/{periodId}` gives it. */
export interface StatementLine {
  asset?: string;
  mySpend?: string;
  myReferrals?: string;
  myWeight?: string;
  totalWeight?: string;
  pool?: string;
  myShare?: string;
  payoutStatus?: string;
  myCoCreation?: string;
  /** The policy's contribution weights the close used (bps) and their greatest common divisor. */
  contributionWeights?: { spendBps?: number; referralsBps?: number; coCreationBps?: number; divisor?: number };
}

/**
 * The arithmetic of a share: exact = pool × myWeight / totalWeight; everyone first gets ⌊exact⌋, the units left
 * over go one each to the largest remainders, so my share is ⌊exact⌋ or ⌊exact⌋ + 1. `consistent` says the
 * server's figures agree with that (weight = max(0, spend × spendBps + referrals × referralsBps + co-creation ×
 * coCreationBps) / divisor, which is spend + referrals with the default weights; share − floor ∈ {0, 1}).
 */
export interface ShareArithmetic {
  weight: bigint;
  weightFromParts: bigint;
  totalWeight: bigint;
  pool: bigint;
  floor: bigint;
  /** pool × myWeight mod totalWeight: the remainder that competes for the leftover units. */
  remainder: bigint;
  /** the exact share as a decimal with `digits` places, rounded down (display only). */
  exact: string;
  extraUnit: boolean;
  share: bigint;
  consistent: boolean;
}

export function shareArithmetic(line: StatementLine, digits = 4): ShareArithmetic {
  const weight = big(line.myWeight);
  const f = line.contributionWeights;
  const parts = f
    ? (big(line.mySpend) * big(f.spendBps) + big(line.myReferrals) * big(f.referralsBps)
      + big(line.myCoCreation) * big(f.coCreationBps)) / (big(f.divisor) > 0n ? big(f.divisor) : 1n)
    : big(line.mySpend) + big(line.myReferrals);
  const weightFromParts = parts > 0n ? parts : 0n;
  const totalWeight = big(line.totalWeight);
  const pool = big(line.pool);
  const share = big(line.myShare);
  const numerator = pool * weight;
  const floor = totalWeight > 0n ? numerator / totalWeight : 0n;
  const remainder = totalWeight > 0n ? numerator % totalWeight : 0n;
  const extra = share - floor;
  return {
    weight,
    weightFromParts,
    totalWeight,
    pool,
    floor,
    remainder,
    exact: totalWeight > 0n ? decimalQuotient(numerator, totalWeight, digits) : '0',
    extraUnit: extra === 1n,
    share,
    consistent: totalWeight > 0n && weight === weightFromParts && (extra === 0n || extra === 1n) && (extra === 0n || remainder > 0n),
  };
}

/** a / b (both ≥ 0) as a decimal string with `digits` places, rounded down; trailing zeros dropped. */
export function decimalQuotient(a: bigint, b: bigint, digits: number): string {
  const whole = a / b;
  let rest = a % b;
  let frac = '';
  for (let i = 0; i < digits; i++) {
    rest *= 10n;
    frac += (rest / b).toString();
    rest %= b;
  }
  frac = frac.replace(/0+$/, '');
  return frac ? `${whole}.${frac}${rest > 0n ? '…' : ''}` : `${whole}${rest > 0n ? '.…' : ''}`;
}

/** Whole seconds left until `expiresAt` (never negative); rounds up, so "0" means expired. */
export function secondsLeft(expiresAt: string, nowMs: number): number {
  const end = Date.parse(expiresAt);
  if (Number.isNaN(end)) return 0;
  return Math.max(0, Math.ceil((end - nowMs) / 1000));
}

/** m:ss for a countdown. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A rate in basis points as "1 → x" points, exact (8000 bps → "0.8"). */
export function rateOf(bps: Int): string {
  return decimalQuotient(big(bps), 10000n, 4);
}

/** Basis points as a percentage, exact (1000 → "10", 250 → "2.5"). */
export function percentOf(bps: Int): string {
  return decimalQuotient(big(bps), 100n, 2);
}

/** receive = ⌊amount × rateBps / 10000⌋, as the server quotes it. */
export function receiveFor(amount: Int, bps: Int): bigint {
  return (big(amount) * big(bps)) / 10000n;
}

/** Commission totals of one asset (`GET /api/v1/me/commissions` totals). */
export interface CommissionTotals {
  pending?: number;
  withheld?: number;
  earned?: number;
  clawedBack?: number;
  paid?: number;
  payable?: number;
  debt?: number;
}

/**
 * My commission balance in one asset: what is still to be paid (payable) less what I owe (debt, a commission that
 * was paid and then clawed back). Negative means later commissions repay it first; the wallet is never touched.
 */
export function commissionBalance(t: CommissionTotals): { balance: bigint; negative: boolean } {
  const balance = big(t.payable) - big(t.debt);
  return { balance, negative: balance < 0n || big(t.debt) > 0n };
}

/** RFC 6901: a key as one JSON-pointer segment. */
export const pointerSegment = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

export const pointer = (...keys: (string | number)[]): string => keys.map((k) => '/' + pointerSegment(String(k))).join('');

export interface Proof {
  figure?: string;
  auditIndexes?: number[];
}

/** The proofs of a report by JSON pointer. */
export function proofIndex(proofs: Proof[] | undefined): Map<string, number[]> {
  const m = new Map<string, number[]>();
  for (const p of proofs ?? []) if (p.figure) m.set(p.figure, [...(m.get(p.figure) ?? []), ...(p.auditIndexes ?? [])]);
  return m;
}

/** The transparency report of a closed period (the pinned public contract of issue 12). */
export interface Report {
  periodId: string;
  start?: string;
  end?: string;
  byAsset?: Record<string, Record<string, string>>;
  payouts?: Record<string, string>;
  commissions?: Record<string, string>;
  points?: Record<string, Record<string, string>>;
  dataUse?: { purpose?: string; dataCategories?: string[] | string; count?: string | number }[];
  notes?: string[];
  proofs?: Proof[];
  auditIndex?: number;
  signature?: string;
}

/** Every figure of a report that has a proof entry but no place on the page: shown in a final list, not lost. */
export function unplacedProofs(report: Report, placed: Set<string>): Proof[] {
  return (report.proofs ?? []).filter((p) => p.figure && !placed.has(p.figure));
}

/** The protected header of a compact JWS (alg, kid), or undefined when it is not one. */
export function jwsHeader(compact: string | undefined): { alg?: string; kid?: string; typ?: string } | undefined {
  const head = compact?.split('.')[0];
  if (!head || compact!.split('.').length !== 3) return undefined;
  try {
    const b64 = head.replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0))));
  } catch {
    return undefined;
  }
}

/** A points asset (PTS:<brand>) or a currency; points are whole numbers. */
export const isPoints = (asset: string): boolean => asset.startsWith('PTS:');

/** A long id shortened for a phone, the full id stays in the title attribute. */
export const shortId = (id: string | undefined): string => (!id ? '' : id.length > 14 ? `${id.slice(0, 8)}…${id.slice(-4)}` : id);
