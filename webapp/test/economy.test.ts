import { describe, expect, it } from 'vitest';
import {
  clock, commissionBalance, decimalQuotient, jwsHeader, percentOf, pointer, proofIndex, rateOf, receiveFor,
  secondsLeft, shareArithmetic,
} from '../src/lib/economy';

describe('a revenue-share statement’s arithmetic', () => {
  it('shows weight ÷ total × pool, the whole units and the leftover unit', () => {
    // the API's example: 6800 of 13600 of a pool of 1360 is exactly 680
    const a = shareArithmetic({ mySpend: '6800', myReferrals: '0', myWeight: '6800', totalWeight: '13600', pool: '1360', myShare: '680' });
    expect(a.floor).toBe(680n);
    expect(a.remainder).toBe(0n);
    expect(a.exact).toBe('680');
    expect(a.extraUnit).toBe(false);
    expect(a.consistent).toBe(true);
  });
  it('explains a share that got one of the leftover units (largest remainder)', () => {
    // pool 100 over weights 1, 1, 1: 33.33… each, floors 33+33+33 = 99, one unit left for the largest remainder
    const a = shareArithmetic({ mySpend: '1', myReferrals: '0', myWeight: '1', totalWeight: '3', pool: '100', myShare: '34' });
    expect(a.floor).toBe(33n);
    expect(a.remainder).toBe(1n);
    expect(a.exact).toBe('33.3333…');
    expect(a.extraUnit).toBe(true);
    expect(a.consistent).toBe(true);
  });
  it('counts referrals into the weight and never below zero', () => {
    expect(shareArithmetic({ mySpend: '500', myReferrals: '250', myWeight: '750', totalWeight: '1000', pool: '40', myShare: '30' }).consistent).toBe(true);
    const clawed = shareArithmetic({ mySpend: '0', myReferrals: '-50', myWeight: '0', totalWeight: '1000', pool: '40', myShare: '0' });
    expect(clawed.weightFromParts).toBe(0n);
    expect(clawed.consistent).toBe(true);
  });
  it('weighs co-creation as the policy defines', () => {
    // weights 10000/10000/5000 (divisor 5000): 2 × spend + 2 × referrals + co-creation
    const w = { spendBps: 10000, referralsBps: 10000, coCreationBps: 5000, divisor: 5000 };
    const a = shareArithmetic({ mySpend: '0', myReferrals: '0', myCoCreation: '833', myWeight: '833',
      totalWeight: '34163', pool: '4999', myShare: '121', contributionWeights: w });
    expect(a.weightFromParts).toBe(833n);
    expect(a.consistent).toBe(true);
    expect(shareArithmetic({ mySpend: '100', myReferrals: '0', myCoCreation: '0', myWeight: '100',
      totalWeight: '1000', pool: '40', myShare: '4', contributionWeights: w }).consistent).toBe(false);
  });
  it('flags figures that do not follow the rule', () => {
    // two extra units, or an extra unit with no remainder, or a weight that is not spend + referrals
    expect(shareArithmetic({ mySpend: '1', myReferrals: '0', myWeight: '1', totalWeight: '3', pool: '100', myShare: '35' }).consistent).toBe(false);
    expect(shareArithmetic({ mySpend: '1', myReferrals: '0', myWeight: '1', totalWeight: '2', pool: '100', myShare: '51' }).consistent).toBe(false);
    expect(shareArithmetic({ mySpend: '2', myReferrals: '0', myWeight: '1', totalWeight: '2', pool: '100', myShare: '50' }).consistent).toBe(false);
  });
  it('is exact beyond 2^53', () => {
    const a = shareArithmetic({ mySpend: '9007199254740993', myReferrals: '0', myWeight: '9007199254740993', totalWeight: '18014398509481986', pool: '9007199254740993', myShare: '4503599627370497' });
    expect(a.floor).toBe(4503599627370496n);
    expect(a.extraUnit).toBe(true);
    expect(a.consistent).toBe(true);
  });
  it('writes quotients exactly, rounded down', () => {
    expect(decimalQuotient(2n, 3n, 4)).toBe('0.6666…');
    expect(decimalQuotient(1n, 4n, 4)).toBe('0.25');
    expect(decimalQuotient(10n, 5n, 4)).toBe('2');
    expect(decimalQuotient(1n, 30000n, 4)).toBe('0.…');
  });
});

describe('the exchange quote', () => {
  const at = Date.parse('2026-12-02T10:00:00Z');
  it('counts down whole seconds and never below zero', () => {
    expect(secondsLeft('2026-12-02T10:01:00Z', at)).toBe(60);
    expect(secondsLeft('2026-12-02T10:01:00Z', at + 59_001)).toBe(1);
    expect(secondsLeft('2026-12-02T10:01:00Z', at + 60_000)).toBe(0);
    expect(secondsLeft('2026-12-02T10:01:00Z', at + 90_000)).toBe(0);
    expect(secondsLeft('not a time', at)).toBe(0);
    expect(clock(60)).toBe('1:00');
    expect(clock(5)).toBe('0:05');
    expect(clock(0)).toBe('0:00');
  });
  it('shows rates exactly and receives ⌊amount × rate⌋ as the server does', () => {
    expect(rateOf(8000)).toBe('0.8');
    expect(rateOf(12500)).toBe('1.25');
    expect(receiveFor(333, 8000)).toBe(266n);
    expect(percentOf(1000)).toBe('10');
    expect(percentOf(250)).toBe('2.5');
  });
});

describe('commission balance', () => {
  it('is payable less what is owed; a debt is explained', () => {
    expect(commissionBalance({ payable: 2000, debt: 0 })).toEqual({ balance: 2000n, negative: false });
    expect(commissionBalance({ payable: 0, debt: 300 })).toEqual({ balance: -300n, negative: true });
  });
});

describe('report proofs', () => {
  it('finds each figure’s audit entries by JSON pointer, keys escaped per RFC 6901', () => {
    expect(pointer('byAsset', 'CNY', 'revenue')).toBe('/byAsset/CNY/revenue');
    expect(pointer('points', 'a/b~c', 'issued')).toBe('/points/a~1b~0c/issued');
    const m = proofIndex([{ figure: '/byAsset/CNY/revenue', auditIndexes: [1301, 1302] }, { figure: '/payouts/count', auditIndexes: [] }]);
    expect(m.get('/byAsset/CNY/revenue')).toEqual([1301, 1302]);
    expect(m.get('/payouts/count')).toEqual([]);
  });
  it('reads the signature’s protected header', () => {
    const head = Buffer.from(JSON.stringify({ alg: 'EdDSA', kid: 'did:web:x#key-1' })).toString('base64url');
    expect(jwsHeader(`${head}.e30.c2ln`)).toEqual({ alg: 'EdDSA', kid: 'did:web:x#key-1' });
    expect(jwsHeader('not-a-jws')).toBeUndefined();
    expect(jwsHeader(undefined)).toBeUndefined();
  });
});
