import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  anchorCovering, ballotsOf, barPercent, bpsToPercent, deriveWeight, percentToBps, readProblemDetail,
} from '../src/lib/gov';
import { ballot, delegation, wallet } from './verify/test-wallet';

describe('my weight, derived from the public snapshot', () => {
  const [me, d1, d2, d3] = [wallet(), wallet('ES256K'), wallet(), wallet()];
  const voters = [
    { voter: me.did, base: '1000', tierBps: 12500, weight: '1250' },
    { voter: d1.did, base: '100', tierBps: 10000, weight: '100' },
    { voter: d2.did, base: '7', tierBps: 10000, weight: '7' },
    { voter: d3.did, base: '3', tierBps: 10000, weight: '3' },
  ];
  const delegations = [
    { receivedAt: '2026-12-01T09:00:00Z', statement: delegation(d1, [{ delegate: me.did, shareBps: 3333 }]) },
    { receivedAt: '2026-12-01T09:00:01Z', statement: delegation(d2, [{ delegate: me.did, shareBps: 10000 }], ['PRODUCT_LISTING']) },
    { receivedAt: '2026-12-01T09:00:02Z', statement: delegation(d3, [{ delegate: d1.did, shareBps: 10000 }]) },
  ];

  it('adds floor(weight × share / 10000) of each applicable delegation naming me', () => {
    const w = deriveWeight(me.did, 'GENERAL', 'ONE_MEMBER_ONE_VOTE', voters, delegations);
    expect(w.eligible).toBe(true);
    expect(w.own).toBe(1250n);
    expect(w.tierBps).toBe(12500);
    expect(w.delegated).toEqual([{ delegator: d1.did, shareBps: 3333, amount: 33n }]); // floor(100 × 0.3333)
    expect(w.total).toBe(1283n);
  });

  it('applies a statement for the proposal kind only to that kind, and none under QUADRATIC', () => {
    expect(deriveWeight(me.did, 'PRODUCT_LISTING', 'CAPPED_CONTRIBUTION', voters, delegations).total).toBe(1250n + 33n + 7n);
    expect(deriveWeight(me.did, 'PRODUCT_LISTING', 'QUADRATIC', voters, delegations).total).toBe(1250n);
  });

  it('knows who is not in the snapshot', () => {
    const w = deriveWeight(wallet().did, 'GENERAL', 'ONE_MEMBER_ONE_VOTE', voters, delegations);
    expect(w.eligible).toBe(false);
    expect(w.total).toBe(0n);
  });
});

describe('the voter\u2019s ballots and their anchoring', () => {
  it('picks the voter\u2019s ballots in receive order, with their choices', () => {
    const [me, other] = [wallet(), wallet()];
    const item = (id: string, jws: string) => ({ ballotId: id, ballot: jws, receivedAt: '2026-12-01T10:00:00Z', counted: false, auditIndex: null });
    const mine = ballotsOf(me.did, [item('1', ballot(me, 'p', 'for')), item('2', ballot(other, 'p', 'for')),
      item('3', ballot(me, 'p', 'against')), item('4', 'not-a-jws')]);
    expect(mine.map((b) => [b.ballotId, b.choice])).toEqual([['1', 'for'], ['3', 'against']]);
  });

  it('finds the earliest anchor whose tree holds the leaf', () => {
    const anchors = [{ treeSize: 40, blockNumber: 9, txHash: '0x9' }, { treeSize: 20, blockNumber: 5, txHash: '0x5' }, { treeSize: 10, blockNumber: 2, txHash: '0x2' }];
    expect(anchorCovering(10, anchors)?.blockNumber).toBe(5); // leaf 10 is the 11th: a tree of 10 does not hold it
    expect(anchorCovering(9, anchors)?.blockNumber).toBe(2);
    expect(anchorCovering(40, anchors)).toBeUndefined();
  });
});

describe('numbers and problems on the forms', () => {
  it('reads the server\u2019s validation details into translatable parts', () => {
    expect(readProblemDetail('policy.platformFeeBps must be within 0..5000 but was 6000'))
      .toEqual({ kind: 'bounds', field: 'policy.platformFeeBps', min: '0', max: '5000', value: '6000' });
    expect(readProblemDetail('policy.commissionBps is required')).toEqual({ kind: 'required', field: 'policy.commissionBps' });
    expect(readProblemDetail('the referral commissions sum to 3500 bps; at most 3000')).toBeUndefined();
    expect(readProblemDetail(undefined)).toBeUndefined();
  });

  it('turns basis points into exact percentages and back', () => {
    expect([10000, 5000, 1250, 3333, 1, 0].map(bpsToPercent)).toEqual(['100', '50', '12.5', '33.33', '0.01', '0']);
    expect(['100', '50', '12.5', '33,33', '0.01', ' 7 '].map(percentToBps)).toEqual([10000, 5000, 1250, 3333, 1, 700]);
    expect(['0', '100.01', '-1', '1.234', 'abc', ''].map(percentToBps)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('sizes the tally bars without losing large integers', () => {
    expect(barPercent('1', '3')).toBe(33.33);
    expect(barPercent('9007199254740993', '18014398509481986')).toBe(50);
    expect(barPercent('5', '0')).toBe(0);
  });
});

describe('allowedActions', () => {
  const member = { did: 'did:key:z6MkMember', subject: 'sub-1', roles: ['partner'] };
  const author = { did: 'did:key:z6MkAuthor', subject: 'sub-2', roles: ['partner'] };
  const admin = { subject: 'sub-admin', roles: ['admin'] };
  const merchant = { subject: 'sub-m', roles: ['merchant'] };
  const now = Date.parse('2026-12-02T10:00:00Z');
  const p = (state: string, extra: Record<string, string> = {}) => ({ state, author: author.did, ...extra });

  it('offers nothing signed out, and nothing on a decided proposal', () => {
    expect(allowedActions(p('SUCCEEDED'), undefined, now)).toEqual([]);
    for (const s of ['EXECUTED', 'CANCELED', 'DEFEATED', 'EXPIRED']) expect(allowedActions(p(s), admin, now)).toEqual([]);
  });
  it('lets members and admins queue a succeeded proposal, the author or an admin cancel it', () => {
    expect(allowedActions(p('SUCCEEDED'), member, now)).toEqual(['queue']);
    expect(allowedActions(p('SUCCEEDED'), author, now)).toEqual(['queue', 'cancel']);
    expect(allowedActions(p('SUCCEEDED'), admin, now)).toEqual(['queue', 'cancel']);
    expect(allowedActions(p('SUCCEEDED'), merchant, now)).toEqual([]);
  });
  it('offers execute only once the eta has passed', () => {
    expect(allowedActions(p('QUEUED', { eta: '2026-12-02T10:00:05Z' }), member, now)).toEqual([]);
    expect(allowedActions(p('QUEUED', { eta: '2026-12-02T09:59:59Z' }), member, now)).toEqual(['execute']);
    expect(allowedActions(p('QUEUED', { eta: '2026-12-02T09:59:59Z' }), author, now)).toEqual(['execute', 'cancel']);
  });
  it('knows a password author by party id', () => {
    expect(allowedActions({ state: 'PENDING', author: 'party:sub-m' }, merchant, now)).toEqual(['cancel']);
    expect(allowedActions(p('ACTIVE'), author, now)).toEqual(['cancel']);
    expect(allowedActions(p('ACTIVE'), member, now)).toEqual([]);
  });
});
