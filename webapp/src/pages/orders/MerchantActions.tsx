import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { formatDateTime, formatMoney } from '../../i18n/format';
import { merchantActions, refundPlan } from '../../lib/orders';
import { ShopError } from '../shop/ShopError';
import { useAction } from './action';
import { step, type Order } from './data';

/** The merchant's next steps: ship (carrier, tracking number), cancel before shipping, refund within the window. */
export function MerchantActions({ o, onChange }: { o: Order; onChange: (o: Order) => void }) {
  const { t, locale } = useI18n();
  const { run, busy, errorOf } = useAction();
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  const [shipBad, setShipBad] = useState(false);
  const [qty, setQty] = useState<Record<number, string>>({});
  const [reason, setReason] = useState('');
  const [refundBad, setRefundBad] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const actions = merchantActions(o);
  const lines = (o.lines ?? []).map((l) => ({ lineNo: l.lineNo!, quantity: l.quantity!, unitPrice: l.unitPrice!, name: l.name }));
  const plan = refundPlan(lines, qty);
  const act = async (action: 'shipment' | 'cancellation' | 'refund', body: object, done: string) => {
    const next = await run(action, body, (key) => step(o.id!, action, key, body));
    if (next) {
      setNotice(done);
      onChange(next);
    }
  };
  const ship = (e: Event) => {
    e.preventDefault();
    const body = { carrier: carrier.trim(), trackingNumber: tracking.trim() };
    if (!body.carrier || !body.trackingNumber) return setShipBad(true);
    setShipBad(false);
    void act('shipment', body, t('orders.ship.done'));
  };
  const refund = (e: Event) => {
    e.preventDefault();
    if ('bad' in plan) return setRefundBad(t('orders.refund.badQty', { line: String(plan.bad) }));
    if ('none' in plan) return setRefundBad(t('orders.refund.none'));
    setRefundBad(undefined);
    const r = reason.trim();
    void act('refund', r ? { lines: plan.lines, reason: r } : { lines: plan.lines }, t('orders.refund.done'));
  };
  return (
    <section class="card" aria-labelledby="merchant-actions-title">
      <h2 id="merchant-actions-title">{t('orders.actions.title')}</h2>
      <div role="status" aria-live="polite">{notice && <p class="notice" id="order-notice">{notice}</p>}</div>
      {actions.includes('ship') && (
        <form class="form-grid action" id="ship-form" onSubmit={ship} noValidate>
          <h3>{t('orders.ship.title')}</h3>
          <label for="ship-carrier">{t('orders.ship.carrier')}</label>
          <input id="ship-carrier" maxLength={100} autoComplete="off" value={carrier} aria-invalid={shipBad}
            onInput={(e) => setCarrier((e.currentTarget as HTMLInputElement).value)} />
          <label for="ship-tracking">{t('orders.ship.tracking')}</label>
          <input id="ship-tracking" maxLength={100} autoComplete="off" value={tracking} aria-invalid={shipBad}
            onInput={(e) => setTracking((e.currentTarget as HTMLInputElement).value)} />
          {shipBad && <p class="bad" role="alert" id="ship-invalid">{t('orders.ship.needBoth')}</p>}
          {errorOf('shipment') !== undefined && <ShopError error={errorOf('shipment')} id="ship-error" />}
          <div class="actions">
            <button type="submit" class="primary" id="ship-submit" disabled={busy !== undefined}>
              {busy === 'shipment' ? t('orders.working') : t('orders.ship.button')}
            </button>
          </div>
        </form>
      )}
      {actions.includes('cancel') && (
        <div class="action">
          <p>{t('orders.merchantCancel.lead')}</p>
          <button type="button" class="danger" id="merchant-cancel" disabled={busy !== undefined}
            onClick={() => act('cancellation', { reason: t('orders.merchantCancel.reason') }, t('orders.cancel.done'))}>
            {busy === 'cancellation' ? t('orders.working') : t('orders.merchantCancel.button')}
          </button>
          {errorOf('cancellation') !== undefined && <ShopError error={errorOf('cancellation')} id="merchant-cancel-error" />}
        </div>
      )}
      {actions.includes('refund') && (
        <form class="form-grid action" id="refund-form" onSubmit={refund} noValidate>
          <h3>{t('orders.refund.title')}</h3>
          <p class="muted">{t('orders.refund.lead', { until: o.returnUntil ? formatDateTime(locale, o.returnUntil) : '' })}</p>
          {lines.map((l) => (
            <div key={l.lineNo}>
              <label for={`refund-qty-${l.lineNo}`}>{t('orders.refund.qty', { name: l.name ?? '', n: String(l.quantity) })}</label>
              <input id={`refund-qty-${l.lineNo}`} inputMode="numeric" autoComplete="off" value={qty[l.lineNo] ?? ''}
                onInput={(e) => setQty({ ...qty, [l.lineNo]: (e.currentTarget as HTMLInputElement).value })} />
              {'perLine' in plan && plan.perLine[l.lineNo] && (
                <p class="hint" id={`refund-line-${l.lineNo}`} data-amount={plan.perLine[l.lineNo]}>
                  {formatMoney(locale, plan.perLine[l.lineNo]!, o.currency!)}
                </p>
              )}
            </div>
          ))}
          <label for="refund-reason">{t('orders.refund.reason')}</label>
          <input id="refund-reason" maxLength={100} value={reason} onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} />
          <p id="refund-total" data-amount={'total' in plan ? plan.total : '0'}>
            {t('orders.refund.total', { amount: formatMoney(locale, 'total' in plan ? plan.total : 0, o.currency!) })}
          </p>
          {refundBad && <p class="bad" role="alert" id="refund-invalid">{refundBad}</p>}
          {errorOf('refund') !== undefined && <ShopError error={errorOf('refund')} id="refund-error" />}
          <div class="actions">
            <button type="submit" class="primary" id="refund-submit" disabled={busy !== undefined}>
              {busy === 'refund' ? t('orders.working') : t('orders.refund.button')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
