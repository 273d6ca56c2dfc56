import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { captureDocument, eventTime, objectEvent, offsetText, signEvent, signingInput } from '../src/lib/epcis';
import {
  ActionKeys, buyerActions, escrowSplit, merchantActions, merchantReceivable, refundPlan, sumByCurrency, tracePath,
} from '../src/lib/orders';
import { b64url, fromB64url } from '../src/wallet/encoding';
import { generate } from '../src/wallet/keys';

const now = new Date('2026-12-03T08:00:00Z');
const later = '2026-12-10T08:00:00Z';
const earlier = '2026-12-01T08:00:00Z';

describe('next steps of an order, as the API allows them', () => {
  it('gives the buyer cancel before shipping, confirm after, accept and review after delivery', () => {
    expect(buyerActions({ status: 'PAID' }, now)).toEqual(['cancel']);
    expect(buyerActions({ status: 'SHIPPED' }, now)).toEqual(['confirmDelivery']);
    expect(buyerActions({ status: 'DELIVERED', returnUntil: later }, now)).toEqual(['complete', 'review']);
    // the scheduler completes it when the window ends; a review is still allowed
    expect(buyerActions({ status: 'DELIVERED', returnUntil: earlier }, now)).toEqual(['review']);
    expect(buyerActions({ status: 'COMPLETED' }, now)).toEqual(['review']);
    expect(buyerActions({ status: 'REFUNDED' }, now)).toEqual([]);
    expect(buyerActions({ status: 'CANCELED' }, now)).toEqual([]);
  });
  it('gives the merchant ship and cancel on a paid order, refund only within the return window', () => {
    expect(merchantActions({ status: 'PAID' }, now)).toEqual(['ship', 'cancel']);
    expect(merchantActions({ status: 'SHIPPED' }, now)).toEqual([]);
    expect(merchantActions({ status: 'DELIVERED', returnUntil: later }, now)).toEqual(['refund']);
    expect(merchantActions({ status: 'DELIVERED', returnUntil: earlier }, now)).toEqual([]);
    expect(merchantActions({ status: 'DELIVERED', returnUntil: null }, now)).toEqual([]);
    expect(merchantActions({ status: 'COMPLETED' }, now)).toEqual([]);
  });
});

describe('refund per line', () => {
  const lines = [
    { lineNo: 1, quantity: 2, unitPrice: 6800 },
    { lineNo: 2, quantity: 3, unitPrice: '9007199254740993' }, // beyond a double's exact integers
  ];
  it('pays back unit price × units per line and in total, exactly', () => {
    const p = refundPlan(lines, { 1: '1', 2: '2' });
    expect(p).toEqual({
      lines: [{ lineNo: 1, quantity: 1 }, { lineNo: 2, quantity: 2 }],
      perLine: { 1: '6800', 2: '18014398509481986' },
      total: '18014398509488786',
    });
  });
  it('leaves out lines at zero or empty', () => {
    expect(refundPlan(lines, { 1: '2', 2: '0' })).toEqual({ lines: [{ lineNo: 1, quantity: 2 }], perLine: { 1: '13600' }, total: '13600' });
    expect(refundPlan(lines, { 1: ' ', 2: '' })).toEqual({ none: true });
  });
  it('names the line whose quantity is not 1..ordered', () => {
    expect(refundPlan(lines, { 1: '3' })).toEqual({ bad: 1 });
    expect(refundPlan(lines, { 1: '1', 2: '1.5' })).toEqual({ bad: 2 });
    expect(refundPlan(lines, { 2: '-1' })).toEqual({ bad: 2 });
  });
});

describe('escrow release, as the server splits it', () => {
  it('rounds fee and pool down and gives the merchant the rest, so the parts sum to the amount', () => {
    expect(escrowSplit(10001, 250, 100)).toEqual({ merchant: '9651', platformFee: '250', partnerPool: '100' });
    const s = escrowSplit('9223372036854775807', 333, 777);
    expect(BigInt(s.merchant) + BigInt(s.platformFee) + BigInt(s.partnerPool)).toBe(9223372036854775807n);
    expect(escrowSplit(99, 0, 0).merchant).toBe('99');
  });
  it('credits a completed order in full and a refunded one for what the buyer kept', () => {
    const rates = { platformFeeBps: 500, partnerPoolBps: 200 };
    expect(merchantReceivable({ status: 'COMPLETED', total: 13600, refunded: 0, rates })).toBe('12648');
    // refunded 6800 of 13600: 6800 released, fee 340, pool 136
    expect(merchantReceivable({ status: 'REFUNDED', total: 13600, refunded: 6800, rates })).toBe('6324');
    expect(merchantReceivable({ status: 'DELIVERED', total: 13600, rates })).toBeUndefined();
    expect(sumByCurrency([{ currency: 'CNY', amount: '1' }, { currency: 'USD', amount: '2' }, { currency: 'CNY', amount: '9007199254740993' }]))
      .toEqual({ CNY: '9007199254740994', USD: '2' });
  });
});

describe('Idempotency-Keys of user actions', () => {
  it('reuses the key when the same action is retried with the same input, a new one otherwise', () => {
    let n = 0;
    const keys = new ActionKeys(() => `k${++n}`);
    expect(keys.key('ship', { carrier: 'SF', trackingNumber: '1' })).toBe('k1');
    expect(keys.key('ship', { carrier: 'SF', trackingNumber: '1' })).toBe('k1'); // retry after a failure
    expect(keys.key('ship', { carrier: 'SF', trackingNumber: '2' })).toBe('k2'); // corrected input: a new request
    expect(keys.key('cancel', {})).toBe('k3'); // another action
    keys.done('ship');
    expect(keys.key('ship', { carrier: 'SF', trackingNumber: '2' })).toBe('k4'); // after success: a new action
  });
});

describe('trace links and EPCIS events', () => {
  it('builds GS1 Digital Link paths with the serial percent-encoded', () => {
    expect(tracePath('04012345678901', 'serial', 'A/1 b')).toBe('/trace/01/04012345678901/21/A%2F1%20b');
    expect(tracePath('04012345678901', 'lot', 'L42')).toBe('/trace/01/04012345678901/10/L42');
  });
  it('writes the local event time with its offset', () => {
    expect(offsetText(480)).toBe('+08:00');
    expect(offsetText(-330)).toBe('-05:30');
    expect(eventTime(new Date('2026-12-03T00:30:00Z'), 480)).toBe('2026-12-03T08:30:00+08:00');
  });
  it('signs the canonical event without signature, eventID and recordTime, payload detached (checked by Node)', async () => {
    const { key } = await generate('Ed25519');
    const e = objectEvent({ at: now, minutesEast: 480, gtin: '04012345678901', serials: ['S1'], bizStep: 'commissioning',
      readPoint: ' https://id.gs1.org/414/4012345000009 ' });
    expect(e).toMatchObject({ type: 'ObjectEvent', action: 'ADD', disposition: 'active', epcList: ['https://id.gs1.org/01/04012345678901/21/S1'],
      readPoint: { id: 'https://id.gs1.org/414/4012345000009' } });
    const signed = await signEvent(e, key);
    const [h, p, s] = (signed['copartner:signature'] as string).split('.');
    expect(p).toBe('');
    expect(JSON.parse(new TextDecoder().decode(fromB64url(h!)))).toEqual({ alg: 'EdDSA', kid: key.kid });
    // the same content with an eventID and recordTime added signs the same bytes
    const input = signingInput({ ...signed, eventID: 'ni:///sha-256;00?ver=CBV2.0', recordTime: '2026-12-03T08:00:01Z' });
    expect(input).toBe(signingInput(e));
    expect(input.startsWith('{"action":"ADD","bizStep":"commissioning"')).toBe(true);
    const pub = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: b64url(key.publicKey) }, format: 'jwk' });
    const data = Buffer.from(`${h}.${b64url(new TextEncoder().encode(input))}`);
    expect(nodeVerify(null, data, pub, Buffer.from(fromB64url(s!)))).toBe(true);
    const doc = captureDocument([signed], now);
    expect(doc).toMatchObject({ type: 'EPCISDocument', schemaVersion: '2.0', epcisBody: { eventList: [signed] } });
  });
});
