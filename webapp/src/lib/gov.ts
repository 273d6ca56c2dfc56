/**
 * The governance screens' pure logic (no DOM, no fetch), so Vitest checks it: the derivation of a voter's
 * weight from the public snapshot, a voter's ballots picked from the published list, the ballot's progress
 * stages, the hard bounds the server enforces (shown on the proposal form) and the reading of a validation
 * problem's detail into a translatable message.
 */
import { decodeJws } from './verify/jws';

export const KINDS = ['GENERAL', 'PRODUCT_LISTING', 'REVENUE_POLICY', 'GOVERNANCE_PARAMETERS'] as const;
export type Kind = (typeof KINDS)[number];
export const STATES = ['PENDING', 'ACTIVE', 'CANCELED', 'DEFEATED', 'SUCCEEDED', 'QUEUED', 'EXECUTED', 'EXPIRED'] as const;

export interface SnapshotVoter {
  voter: string;
  base: string;
  tierBps: number;
  weight: string;
}

export interface SnapshotDelegation {
  statement: string;
  receivedAt: string;
}

export interface WeightDerivation {
  eligible: boolean;
  base: bigint;
  tierBps: number;
  own: bigint;
  /** Delegated to me by delegators in the snapshot whose statement applies to this kind (if they do not vote). */
  delegated: { delegator: string; shareBps: number; amount: bigint }[];
  /** own + every delegated amount: the most this voter's ballot can carry. */
  total: bigint;
}

const applies = (kinds: unknown, kind: string): boolean =>
  Array.isArray(kinds) && (kinds.includes('*') || kinds.includes(kind));

/**
 * A voter's weight as the pinned rule derives it: floor(base × tier / 10000) of their own, plus
 * floor(delegator weight × share / 10000) for each applicable delegation naming them (never for QUADRATIC).
 * A delegator who votes directly takes their share back; the screen says so.
 */
export function deriveWeight(
  me: string, kind: string, strategy: string, voters: SnapshotVoter[], delegations: SnapshotDelegation[],
): WeightDerivation {
  const mine = voters.find((v) => v.voter === me);
  const weightOf = new Map(voters.map((v) => [v.voter, BigInt(v.weight)]));
  const delegated: WeightDerivation['delegated'] = [];
  if (strategy !== 'QUADRATIC') {
    for (const d of delegations) {
      let p: Record<string, unknown>;
      try {
        p = decodeJws(d.statement).payload;
      } catch {
        continue;
      }
      const from = String(p.delegator ?? '');
      if (!applies(p.kinds, kind) || !Array.isArray(p.delegations)) continue;
      for (const s of p.delegations as { delegate?: unknown; shareBps?: unknown }[]) {
        if (s.delegate === me && typeof s.shareBps === 'number') {
          const amount = ((weightOf.get(from) ?? 0n) * BigInt(s.shareBps)) / 10000n;
          delegated.push({ delegator: from, shareBps: s.shareBps, amount });
        }
      }
    }
  }
  const own = mine ? BigInt(mine.weight) : 0n;
  return {
    eligible: !!mine,
    base: mine ? BigInt(mine.base) : 0n,
    tierBps: mine?.tierBps ?? 10000,
    own,
    delegated,
    total: own + delegated.reduce((n, d) => n + d.amount, 0n),
  };
}

export interface PublishedBallot {
  ballotId: string;
  ballot: string;
  receivedAt: string;
  counted: boolean;
  auditIndex: number | null;
}

export interface MyBallot extends PublishedBallot {
  choice: string;
}

/** The voter's ballots, oldest first (the last one is the one that counts while voting is open). */
export function ballotsOf(voter: string, items: PublishedBallot[]): MyBallot[] {
  const out: MyBallot[] = [];
  for (const b of items) {
    try {
      const p = decodeJws(b.ballot).payload;
      if (p.voter === voter) out.push({ ...b, choice: String(p.choice) });
    } catch {
      // not a JWS: the verify panel reports it
    }
  }
  return out;
}

export type Stage = 'sending' | 'received' | 'logged' | 'anchored';

export interface Anchor {
  treeSize: number;
  blockNumber: number;
  txHash: string;
}

/** The first anchor whose tree holds leaf `index` (anchors come newest first; any covering one will do, the oldest is the earliest proof). */
export function anchorCovering(index: number, anchors: Anchor[]): Anchor | undefined {
  return [...anchors].sort((a, b) => a.treeSize - b.treeSize).find((a) => a.treeSize > index);
}

/** The server's hard bounds (governance GovernanceRules), shown on the proposal form. */
export const POLICY_BOUNDS = {
  partnerPoolBps: [0, 10000],
  platformFeeBps: [0, 5000],
  commissionBpsPerLevel: [0, 2000],
  commissionBpsTotal: [0, 3000],
  purchaseRewardBps: [0, 10000],
  reviewRewardPoints: [0, 1_000_000_000],
  shareRewardPoints: [0, 1_000_000_000],
  rateBps: [1, 100_000_000],
} as const;

const DAY = 86400;
export const KIND_BOUNDS = {
  votingDelaySeconds: [0, 30 * DAY],
  votingPeriodSeconds: [1, 90 * DAY],
  quorumBps: [0, 10000],
  thresholdBps: [0, 9999],
  timelockSeconds: [0, 30 * DAY],
  graceSeconds: [1, 90 * DAY],
  proposalThresholdSeconds: [0, 3650 * DAY],
} as const;
export const MAX_REFERRAL_LEVELS = 3;

/** A validation problem's detail, read into parts a screen translates; undefined when it is not one we know. */
export type ProblemReading =
  | { kind: 'bounds'; field: string; min: string; max: string; value: string }
  | { kind: 'required'; field: string };

export function readProblemDetail(detail: string | undefined): ProblemReading | undefined {
  if (!detail) return undefined;
  let m = /^(\S+) must be within (-?\d+)\.\.(-?\d+) but was (-?\d+)$/.exec(detail);
  if (m) return { kind: 'bounds', field: m[1], min: m[2], max: m[3], value: m[4] };
  m = /^(\S+) is required$/.exec(detail);
  if (m) return { kind: 'required', field: m[1] };
  return undefined;
}

/** Basis points as a percentage string with up to two decimals, exactly (10000 bps = 100 %). */
export function bpsToPercent(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const frac = Math.abs(bps % 100);
  return frac === 0 ? String(whole) : `${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}

/** A share of the total as a bar width (0..100), for the quorum and tally bars only (display, not a result). */
export function barPercent(part: string | bigint, whole: string | bigint): number {
  const w = BigInt(whole);
  if (w <= 0n) return 0;
  const p = (BigInt(part) * 10000n) / w;
  return Math.min(100, Number(p) / 100);
}

/** "12.5" (percent) → 1250 bps; undefined unless 0.01..100 with at most two decimals. */
export function percentToBps(s: string): number | undefined {
  const m = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*$/.exec(s);
  if (!m) return undefined;
  const bps = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bps >= 1 && bps <= 10000 ? bps : undefined;
}

export type ProposalAction = 'queue' | 'execute' | 'cancel';

/**
 * What the signed-in user may do to a proposal now, as the API decides it: queue (SUCCEEDED) and execute (QUEUED,
 * once the eta has passed) for any member (a DID session) or admin; cancel for the author (by DID or by party id
 * `party:<subject>`) or an admin, while PENDING, ACTIVE, SUCCEEDED or QUEUED. A signed-out user gets nothing.
 */
export function allowedActions(
  p: { state?: string; author?: string; eta?: string | null },
  session: { did?: string; subject: string; roles: string[] } | undefined,
  now: number,
): ProposalAction[] {
  if (!session) return [];
  const admin = session.roles.includes('admin');
  const member = admin || !!session.did;
  const author = p.author !== undefined && (p.author === session.did || p.author === `party:${session.subject}`);
  const out: ProposalAction[] = [];
  if (member && p.state === 'SUCCEEDED') out.push('queue');
  if (member && p.state === 'QUEUED' && p.eta && Date.parse(p.eta) <= now) out.push('execute');
  if ((author || admin) && ['PENDING', 'ACTIVE', 'SUCCEEDED', 'QUEUED'].includes(p.state ?? '')) out.push('cancel');
  return out;
}
