/**
 * Third-party recomputation of a governance tally in the browser, from the public endpoints alone, exactly per
 * the rule pinned in the governance issue (README "Recomputation rule"): for each voter the counted ballot is
 * their last accepted ballot received strictly before `votingEndsAt`; effective weight = own weight (if they
 * voted) + Σ floor(delegator weight × shareBps / 10000) over delegators who did not vote and whose statement
 * applies (not transitive; never for QUADRATIC); quorum: (for + abstain) × 10000 ≥ total × quorumBps;
 * succeeded: quorum and for × 10000 > (for + against) × thresholdBps. Hashes: ballotsHash = SHA-256 of the
 * RFC 8785 array of the accepted ballots' JWS in receive order; snapshotHash = SHA-256 of the RFC 8785 weights
 * object without its snapshotHash. Every ballot and delegation signature is checked too.
 */
import { bytesToHex, sha256, utf8 } from './bytes';
import type { Fetch } from './chain';
import { canonicalize } from './jcs';
import { decodeJws, verifyDidKeyJws, type JwsCheck } from './jws';

export type Choice = 'for' | 'against' | 'abstain';

export interface Proposal {
  id: string;
  kind: string;
  strategy?: string;
  quorumBps: number;
  thresholdBps: number;
  votingEndsAt: string | null;
}

export interface BallotItem {
  ballotId: string;
  ballot: string;
  receivedAt: string;
  counted: boolean;
  auditIndex: number | null;
}

export interface Weights {
  strategy: string;
  snapshotAt: string;
  totalEligibleWeight: string;
  voters: { voter: string; base: string; tierBps: number; weight: string }[];
  delegations: { statement: string; receivedAt: string }[];
  snapshotHash: string;
  [k: string]: unknown;
}

export interface PublishedTally {
  final: boolean;
  for: string;
  against: string;
  abstain: string;
  totalEligibleWeight: string;
  quorumReached: boolean;
  succeeded: boolean;
  ballotsHash: string;
  snapshotHash: string;
  auditIndex?: number | null;
}

export interface Recomputed {
  for: bigint;
  against: bigint;
  abstain: bigint;
  totalEligibleWeight: bigint;
  quorumReached: boolean;
  succeeded: boolean;
  ballotsHash: string;
  snapshotHash: string;
  /** ballotId → counted by our reading of the rule. */
  counted: Map<string, boolean>;
}

export type Problem =
  | { kind: 'ballot-signature'; ballotId: string; check: JwsCheck }
  | { kind: 'ballot-content'; ballotId: string; what: 'typ' | 'proposal' | 'voter' | 'choice' | 'not-eligible' }
  | { kind: 'delegation-signature'; index: number; check: JwsCheck }
  | { kind: 'delegation-content'; index: number; what: 'typ' | 'shares' | 'delegator' }
  | { kind: 'voter-weight'; voter: string }
  | { kind: 'counted-flag'; ballotId: string };

/** A field of the published tally (or weights) and whether our value equals it. */
export interface Comparison {
  field: 'for' | 'against' | 'abstain' | 'totalEligibleWeight' | 'sumOfWeights' | 'quorumReached' | 'succeeded'
    | 'ballotsHash' | 'snapshotHash' | 'weightsSnapshotHash';
  published: string;
  recomputed: string;
  equal: boolean;
}

export interface TallyCheck {
  recomputed: Recomputed;
  problems: Problem[];
  comparisons: Comparison[];
  /** Every comparison equal and no problem found. */
  matches: boolean;
}

/** Compares ISO 8601 UTC instants exactly (fractions to the nanosecond, which Date.parse would cut to ms). */
export function compareInstants(a: string, b: string): number {
  const split = (s: string): [number, string] => {
    const m = /^(.*?:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/.exec(s);
    if (!m) {
      throw new Error(`not an ISO 8601 instant: ${s}`);
    }
    const ms = Date.parse(m[1] + m[3]);
    if (Number.isNaN(ms)) {
      throw new Error(`not an ISO 8601 instant: ${s}`);
    }
    return [ms / 1000, (m[2] ?? '').padEnd(9, '0')];
  };
  const [sa, fa] = split(a);
  const [sb, fb] = split(b);
  return sa !== sb ? Math.sign(sa - sb) : fa < fb ? -1 : fa > fb ? 1 : 0;
}

const CHOICES = new Set<string>(['for', 'against', 'abstain']);

function delegationApplies(kinds: unknown, kind: string): boolean {
  return Array.isArray(kinds) && (kinds.includes('*') || kinds.includes(kind));
}

export async function recompute(
  proposal: Proposal, ballots: BallotItem[], weights: Weights,
): Promise<{ recomputed: Recomputed; problems: Problem[] }> {
  const problems: Problem[] = [];
  const weightOf = new Map<string, bigint>();
  let total = 0n;
  for (const v of weights.voters) {
    const w = BigInt(v.weight);
    if ((BigInt(v.base) * BigInt(v.tierBps)) / 10000n !== w) {
      problems.push({ kind: 'voter-weight', voter: v.voter });
    }
    weightOf.set(v.voter, w);
    total += w;
  }

  // The last valid ballot of each voter received strictly before the end of voting.
  const counted = new Map<string, boolean>();
  const lastBallot = new Map<string, { ballotId: string; choice: Choice }>();
  for (const b of ballots) {
    counted.set(b.ballotId, false);
    let jws;
    try {
      jws = decodeJws(b.ballot);
    } catch {
      problems.push({ kind: 'ballot-signature', ballotId: b.ballotId, check: 'malformed' });
      continue;
    }
    const sig = await verifyDidKeyJws(jws);
    if (sig !== 'ok') {
      problems.push({ kind: 'ballot-signature', ballotId: b.ballotId, check: sig });
      continue;
    }
    const p = jws.payload;
    const bad = jws.header.typ !== 'copartner-ballot+jwt' ? 'typ'
      : p.proposal !== proposal.id ? 'proposal'
        : p.voter !== jws.signer ? 'voter'
          : typeof p.choice !== 'string' || !CHOICES.has(p.choice) ? 'choice'
            : !weightOf.has(p.voter as string) ? 'not-eligible' : null;
    if (bad) {
      problems.push({ kind: 'ballot-content', ballotId: b.ballotId, what: bad });
      continue;
    }
    if (proposal.votingEndsAt && compareInstants(b.receivedAt, proposal.votingEndsAt) >= 0) {
      continue;
    }
    lastBallot.set(p.voter as string, { ballotId: b.ballotId, choice: p.choice as Choice });
  }
  for (const { ballotId } of lastBallot.values()) {
    counted.set(ballotId, true);
  }

  const effective = new Map<string, bigint>();
  for (const voter of lastBallot.keys()) {
    effective.set(voter, weightOf.get(voter) ?? 0n);
  }
  if (weights.strategy !== 'QUADRATIC') {
    // One statement in force per delegator: the newest by receive order wins.
    const statements = new Map<string, { payload: Record<string, unknown> }>();
    const ordered = weights.delegations.map((d, i) => ({ d, i }))
      .sort((x, y) => compareInstants(x.d.receivedAt, y.d.receivedAt) || x.i - y.i);
    for (const { d, i } of ordered) {
      let jws;
      try {
        jws = decodeJws(d.statement);
      } catch {
        problems.push({ kind: 'delegation-signature', index: i, check: 'malformed' });
        continue;
      }
      const sig = await verifyDidKeyJws(jws);
      if (sig !== 'ok') {
        problems.push({ kind: 'delegation-signature', index: i, check: sig });
        continue;
      }
      const p = jws.payload;
      const list = Array.isArray(p.delegations) ? (p.delegations as { delegate: unknown; shareBps: unknown }[]) : null;
      const shares = list?.reduce((n, x) => n + (Number.isInteger(x.shareBps) ? (x.shareBps as number) : NaN), 0);
      const bad = jws.header.typ !== 'copartner-delegation+jwt' ? 'typ'
        : p.delegator !== jws.signer ? 'delegator'
          : list === null || shares === undefined || !(shares <= 10000)
            || list.some((x) => (x.shareBps as number) < 1 || typeof x.delegate !== 'string') ? 'shares' : null;
      if (bad) {
        problems.push({ kind: 'delegation-content', index: i, what: bad });
        continue;
      }
      statements.set(p.delegator as string, { payload: p });
    }
    for (const [delegator, { payload }] of statements) {
      if (lastBallot.has(delegator) || !delegationApplies(payload.kinds, proposal.kind)) {
        continue;
      }
      const w = weightOf.get(delegator) ?? 0n;
      for (const x of payload.delegations as { delegate: string; shareBps: number }[]) {
        if (effective.has(x.delegate)) {
          effective.set(x.delegate, (effective.get(x.delegate) as bigint) + (w * BigInt(x.shareBps)) / 10000n);
        }
      }
    }
  }

  const sums: Record<Choice, bigint> = { for: 0n, against: 0n, abstain: 0n };
  for (const [voter, { choice }] of lastBallot) {
    sums[choice] += effective.get(voter) ?? 0n;
  }
  const totalEligible = BigInt(weights.totalEligibleWeight);
  const quorumReached = (sums.for + sums.abstain) * 10000n >= totalEligible * BigInt(proposal.quorumBps);
  const succeeded = quorumReached && sums.for * 10000n > (sums.for + sums.against) * BigInt(proposal.thresholdBps);
  const { snapshotHash: _omit, ...unhashed } = weights;
  const recomputed: Recomputed = {
    ...sums,
    totalEligibleWeight: total,
    quorumReached,
    succeeded,
    ballotsHash: bytesToHex(await sha256(utf8(canonicalize(ballots.map((b) => b.ballot))))),
    snapshotHash: bytesToHex(await sha256(utf8(canonicalize(unhashed)))),
    counted,
  };
  return { recomputed, problems };
}

export function compare(r: Recomputed, published: PublishedTally, weights: Weights): Comparison[] {
  const row = (field: Comparison['field'], pub: string | boolean, ours: string | boolean | bigint): Comparison => ({
    field, published: String(pub), recomputed: String(ours), equal: String(pub).toLowerCase() === String(ours).toLowerCase(),
  });
  return [
    row('for', published.for, r.for),
    row('against', published.against, r.against),
    row('abstain', published.abstain, r.abstain),
    row('totalEligibleWeight', published.totalEligibleWeight, weights.totalEligibleWeight),
    row('sumOfWeights', weights.totalEligibleWeight, r.totalEligibleWeight),
    row('quorumReached', published.quorumReached, r.quorumReached),
    row('succeeded', published.succeeded, r.succeeded),
    row('ballotsHash', published.ballotsHash, r.ballotsHash),
    row('snapshotHash', published.snapshotHash, r.snapshotHash),
    row('weightsSnapshotHash', weights.snapshotHash, r.snapshotHash),
  ];
}

export async function checkTally(
  proposal: Proposal, ballots: BallotItem[], weights: Weights, published: PublishedTally,
): Promise<TallyCheck> {
  const { recomputed, problems } = await recompute(proposal, ballots, weights);
  if (published.final) {
    for (const b of ballots) {
      if (b.counted !== recomputed.counted.get(b.ballotId)) {
        problems.push({ kind: 'counted-flag', ballotId: b.ballotId });
      }
    }
  }
  const comparisons = compare(recomputed, published, weights);
  return { recomputed, problems, comparisons, matches: problems.length === 0 && comparisons.every((c) => c.equal) };
}

async function getJson<T>(fetchFn: Fetch, url: string): Promise<T> {
  const res = await fetchFn(url, { headers: { Accept: 'application/json' } });
  if (!res.ok) {
    throw new Error(`GET ${url}: HTTP ${res.status}`);
  }
  return (await res.json()) as T;
}

/** Reads the proposal, every page of its ballots, its weights and its tally, and checks the tally. */
export async function fetchAndCheckTally(baseUrl: string, proposalId: string, fetchFn: Fetch = fetch.bind(globalThis)): Promise<TallyCheck> {
  const api = `${baseUrl.replace(/\/$/, '')}/api/v1/governance/proposals/${encodeURIComponent(proposalId)}`;
  const proposal = await getJson<Proposal>(fetchFn, api);
  const ballots: BallotItem[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: BallotItem[]; next: string | null } = await getJson(fetchFn,
      `${api}/ballots${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
    ballots.push(...page.items);
    cursor = page.next;
  } while (cursor);
  const weights = await getJson<Weights>(fetchFn, `${api}/weights`);
  const tally = await getJson<PublishedTally>(fetchFn, `${api}/tally`);
  return checkTally(proposal, ballots, weights, tally);
}
