import { describe, expect, it } from 'vitest';
import { bytesToHex, sha256, utf8 } from '../../src/lib/verify/bytes';
import { checkTally, compareInstants, recompute, type BallotItem, type Proposal, type PublishedTally, type Weights } from '../../src/lib/verify/tally';
import { ballot, delegation, wallet } from './test-wallet';

const END = '2026-12-08T10:00:00.123456Z';
const proposal: Proposal = { id: 'p1', kind: 'GENERAL', strategy: 'CAPPED_CONTRIBUTION', quorumBps: 1000, thresholdBps: 5000, votingEndsAt: END };

const hashOf = async (text: string): Promise<string> => bytesToHex(await sha256(utf8(text)));

function fixture() {
  const [a, b, c, d, e] = [wallet(), wallet('ES256K'), wallet(), wallet('ES256K'), wallet()];
  // Member names sorted as RFC 8785 sorts them, so JSON.stringify of this object is its canonical form.
  const voter = (w: { did: string }, base: string, tierBps: number, weight: string) => ({ base, tierBps, voter: w.did, weight });
  const weights: Weights = {
    delegations: [
      // D splits: floor(100 × 5000 / 10000) = 50 to A, floor(100 × 3333 / 10000) = 33 to B.
      { receivedAt: '2026-12-01T09:00:00Z', statement: delegation(d, [{ delegate: a.did, shareBps: 5000 }, { delegate: b.did, shareBps: 3333 }]) },
      // C votes itself, which overrides its delegation.
      { receivedAt: '2026-12-01T09:00:01Z', statement: delegation(c, [{ delegate: b.did, shareBps: 10000 }]) },
      // E's statement is for listings only, not for this GENERAL proposal.
      { receivedAt: '2026-12-01T09:00:02Z', statement: delegation(e, [{ delegate: a.did, shareBps: 10000 }], ['PRODUCT_LISTING']) },
    ],
    snapshotAt: '2026-12-01T10:00:00Z',
    strategy: 'CAPPED_CONTRIBUTION',
    totalEligibleWeight: '2440',
    voters: [voter(a, '1000', 12500, '1250'), voter(b, '333', 10000, '333'), voter(c, '500', 15000, '750'),
      voter(d, '100', 10000, '100'), voter(e, '7', 10000, '7')],
    snapshotHash: '',
  };
  const item = (id: string, jws: string, receivedAt: string, counted: boolean): BallotItem => ({ ballotId: id, ballot: jws, receivedAt, counted, auditIndex: null });
  const ballots = [
    item('b1', ballot(a, 'p1', 'for'), '2026-12-02T10:00:00Z', false),
    item('b2', ballot(b, 'p1', 'against'), '2026-12-02T11:00:00Z', true),
    item('b3', ballot(a, 'p1', 'against'), '2026-12-03T10:00:00Z', true),
    item('b4', ballot(c, 'p1', 'abstain'), '2026-12-04T10:00:00Z', true),
    // Received exactly at the end: not strictly before, so not counted (A's "against" stays).
    item('b5', ballot(a, 'p1', 'for'), END, false),
  ];
  return { a, b, c, d, e, weights, ballots, item };
}

async function withSnapshotHash(w: Weights): Promise<Weights> {
  const { snapshotHash: _x, ...rest } = w;
  return { ...w, snapshotHash: await hashOf(JSON.stringify(rest)) };
}

describe('governance tally recomputation', () => {
  it('applies the pinned rule: last ballot before the end, split delegations rounded down, overrides, kinds', async () => {
    const f = fixture();
    const weights = await withSnapshotHash(f.weights);
    const { recomputed, problems } = await recompute(proposal, f.ballots, weights);
    expect(problems).toEqual([]);
    expect(recomputed.for).toBe(0n);
    expect(recomputed.against).toBe(1250n + 50n + 333n + 33n);
    expect(recomputed.abstain).toBe(750n);
    expect(recomputed.totalEligibleWeight).toBe(2440n);
    expect(recomputed.quorumReached).toBe(true);
    expect(recomputed.succeeded).toBe(false);
    expect([...recomputed.counted.entries()].filter(([, c]) => c).map(([id]) => id)).toEqual(['b2', 'b3', 'b4']);
    expect(recomputed.ballotsHash).toBe(await hashOf(JSON.stringify(f.ballots.map((b) => b.ballot))));
    expect(recomputed.snapshotHash).toBe(weights.snapshotHash);
  });

  it('matches a published tally that says the same, and names each field that differs', async () => {
    const f = fixture();
    const weights = await withSnapshotHash(f.weights);
    const { recomputed } = await recompute(proposal, f.ballots, weights);
    const published: PublishedTally = {
      final: true, for: '0', against: '1666', abstain: '750', totalEligibleWeight: '2440', quorumReached: true,
      succeeded: false, ballotsHash: recomputed.ballotsHash, snapshotHash: weights.snapshotHash, auditIndex: 9,
    };
    expect((await checkTally(proposal, f.ballots, weights, published)).matches).toBe(true);
    const lie = await checkTally(proposal, f.ballots, weights, { ...published, for: '1', succeeded: true });
    expect(lie.matches).toBe(false);
    expect(lie.comparisons.filter((c) => !c.equal).map((c) => c.field)).toEqual(['for', 'succeeded']);
    const flags = await checkTally(proposal, f.ballots.map((b) => ({ ...b, counted: b.ballotId === 'b5' || b.counted })), weights, published);
    expect(flags.problems).toEqual([{ kind: 'counted-flag', ballotId: 'b5' }]);
    const edited = await checkTally(proposal, f.ballots, { ...weights, totalEligibleWeight: '2441' }, { ...published, totalEligibleWeight: '2441' });
    expect(edited.comparisons.filter((c) => !c.equal).map((c) => c.field)).toEqual(['sumOfWeights', 'snapshotHash', 'weightsSnapshotHash']);
  });

  it('does not count a forged ballot, one for another proposal, or one whose voter is not the signer', async () => {
    const f = fixture();
    const weights = await withSnapshotHash(f.weights);
    const [h, p] = ballot(f.e, 'p1', 'for').split('.');
    const forgedSig = f.ballots[0].ballot.split('.')[2];
    const extra = [
      f.item('x1', `${h}.${p}.${forgedSig}`, '2026-12-05T10:00:00Z', false),
      f.item('x2', ballot(f.e, 'p2', 'for'), '2026-12-05T10:00:01Z', false),
      f.item('x3', f.e.sign({ typ: 'copartner-ballot+jwt' }, { proposal: 'p1', choice: 'for', voter: f.a.did, issuedAt: 1, nonce: 'n-123456789012345' }), '2026-12-05T10:00:02Z', false),
      f.item('x4', ballot(f.e, 'p1', 'maybe'), '2026-12-05T10:00:03Z', false),
      f.item('x5', ballot(wallet(), 'p1', 'for'), '2026-12-05T10:00:04Z', false),
    ];
    const { recomputed, problems } = await recompute(proposal, [...f.ballots, ...extra], weights);
    expect(recomputed.for).toBe(0n);
    expect(problems).toEqual([
      { kind: 'ballot-signature', ballotId: 'x1', check: 'bad-signature' },
      { kind: 'ballot-content', ballotId: 'x2', what: 'proposal' },
      { kind: 'ballot-content', ballotId: 'x3', what: 'voter' },
      { kind: 'ballot-content', ballotId: 'x4', what: 'choice' },
      { kind: 'ballot-content', ballotId: 'x5', what: 'not-eligible' },
    ]);
  });

  it('uses exact integers for quorum and threshold: exactly met quorum passes, a tie fails the threshold', async () => {
    const f = fixture();
    const onlyB = [f.item('q1', ballot(f.b, 'p1', 'for'), '2026-12-02T10:00:00Z', true)];
    // B alone gets D's 33 and, C not voting, C's whole 750: for = 1116, and 1116 × 10000 = 11160 × 1000 exactly.
    const w = { ...f.weights, totalEligibleWeight: '11160' };
    const exact = await recompute(proposal, onlyB, w);
    expect(exact.recomputed.for).toBe(333n + 33n + 750n);
    expect(exact.recomputed.quorumReached).toBe(true);
    const short = await recompute({ ...proposal, quorumBps: 1001 }, onlyB, w);
    expect(short.recomputed.quorumReached).toBe(false);
    // A tie: for = against with a 5000 threshold is not "more than half".
    const tieWeights: Weights = { ...f.weights, delegations: [], voters: f.weights.voters.map((v) => ({ ...v, base: '10', tierBps: 10000, weight: '10' })), totalEligibleWeight: '50' };
    const tie = await recompute(proposal, [f.item('t1', ballot(f.a, 'p1', 'for'), '2026-12-02T10:00:00Z', true),
      f.item('t2', ballot(f.b, 'p1', 'against'), '2026-12-02T10:00:01Z', true)], tieWeights);
    expect(tie.recomputed.quorumReached).toBe(true);
    expect(tie.recomputed.succeeded).toBe(false);
  });

  it('applies no delegation under QUADRATIC and flags a weight that is not floor(base × tier / 10000)', async () => {
    const f = fixture();
    const w: Weights = { ...f.weights, strategy: 'QUADRATIC' };
    w.voters = w.voters.map((v, i) => (i === 4 ? { ...v, weight: '8' } : v));
    const { recomputed, problems } = await recompute(proposal, f.ballots, w);
    expect(recomputed.against).toBe(1250n + 333n);
    expect(problems).toEqual([{ kind: 'voter-weight', voter: f.e.did }]);
  });

  it('compares instants to the nanosecond', () => {
    expect(compareInstants('2026-12-08T10:00:00.123456Z', '2026-12-08T10:00:00.1234561Z')).toBe(-1);
    expect(compareInstants('2026-12-08T10:00:00.5Z', '2026-12-08T10:00:00.500Z')).toBe(0);
    expect(compareInstants('2026-12-08T10:00:01Z', '2026-12-08T10:00:00.999999999Z')).toBe(1);
  });
});
