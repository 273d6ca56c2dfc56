/**
 * GS1 EPCIS 2.0 events as the capture form builds them, and their signature as pinned in issue 11: a compact JWS with
 * detached payload (RFC 7515 App. F) over the RFC 8785 canonical JSON of the event without copartner:signature,
 * eventID and recordTime, header {alg, kid}. Pure (the key signs), so Vitest checks it against Node's crypto.
 */
import { canonicalize } from './verify/jcs';
import { b64url, b64urlJson, utf8 } from '../wallet/encoding';

export const CONTEXT = ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { copartner: 'https://copartner.io/epcis/' }];

/** The common business steps of a product's life, with the action and disposition CBV 2.0 pairs with each. */
export const STEPS = {
  commissioning: { action: 'ADD', disposition: 'active' },
  packing: { action: 'OBSERVE', disposition: 'in_progress' },
  storing: { action: 'OBSERVE', disposition: 'in_progress' },
  shipping: { action: 'OBSERVE', disposition: 'in_transit' },
  receiving: { action: 'OBSERVE', disposition: 'in_progress' },
  retail_selling: { action: 'OBSERVE', disposition: 'retail_sold' },
  decommissioning: { action: 'DELETE', disposition: 'inactive' },
} as const;
export type BizStep = keyof typeof STEPS;

/** "+08:00" for a UTC offset in minutes east (getTimezoneOffset() is west, so pass its negation). */
export function offsetText(minutesEast: number): string {
  const sign = minutesEast < 0 ? '-' : '+';
  const m = Math.abs(minutesEast);
  return `${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** The local time with its offset, to the second: what eventTime carries. */
export function eventTime(at: Date, minutesEast: number): string {
  const local = new Date(at.getTime() + minutesEast * 60000);
  return local.toISOString().slice(0, 19) + offsetText(minutesEast);
}

export function itemEpc(gtin: string, serial: string): string {
  return `https://id.gs1.org/01/${gtin}/21/${encodeURIComponent(serial)}`;
}

export interface ObjectEventInput {
  at: Date;
  minutesEast: number;
  gtin: string;
  serials: string[];
  bizStep: BizStep;
  readPoint?: string;
  bizLocation?: string;
}

export function objectEvent(i: ObjectEventInput): Record<string, unknown> {
  const e: Record<string, unknown> = {
    type: 'ObjectEvent',
    eventTime: eventTime(i.at, i.minutesEast),
    eventTimeZoneOffset: offsetText(i.minutesEast),
    epcList: i.serials.map((s) => itemEpc(i.gtin, s)),
    action: STEPS[i.bizStep].action,
    bizStep: i.bizStep,
    disposition: STEPS[i.bizStep].disposition,
  };
  if (i.readPoint?.trim()) e.readPoint = { id: i.readPoint.trim() };
  if (i.bizLocation?.trim()) e.bizLocation = { id: i.bizLocation.trim() };
  return e;
}

/** The bytes the signature covers: the event without its signature, eventID and recordTime, canonical. */
export function signingInput(event: Record<string, unknown>): string {
  const { ['copartner:signature']: _s, eventID: _i, recordTime: _r, ...content } = event;
  return canonicalize(content);
}

export interface Signer {
  alg: string;
  kid: string;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

/** The event with its copartner:signature (header..signature: the payload detached). */
export async function signEvent(event: Record<string, unknown>, key: Signer): Promise<Record<string, unknown>> {
  const header = b64urlJson({ alg: key.alg, kid: key.kid });
  const payload = b64url(utf8(signingInput(event)));
  const sig = await key.sign(utf8(`${header}.${payload}`));
  return { ...event, 'copartner:signature': `${header}..${b64url(sig)}` };
}

export function captureDocument(events: Record<string, unknown>[], now: Date = new Date()): Record<string, unknown> {
  return { '@context': CONTEXT, type: 'EPCISDocument', schemaVersion: '2.0', creationDate: now.toISOString(), epcisBody: { eventList: events } };
}
