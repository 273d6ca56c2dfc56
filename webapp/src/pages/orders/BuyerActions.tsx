import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { buyerActions } from '../../lib/orders';
import { ShopError } from '../shop/ShopError';
import { useAction } from './action';
import { step, type Order } from './data';
import { ReviewForm } from './ReviewForm';

/** The buyer's next steps on an order: cancel (before shipping), confirm delivery, accept early, review each line. */
export function BuyerActions({ o, onChange }: { o: Order; onChange: (o: Order) => void }) {
  const { t } = useI18n();
  const { run, busy, errorOf } = useAction();
  const [reason, setReason] = useState('');
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [notice, setNotice] = useState<string>();
  const actions = buyerActions(o);
  const act = async (action: 'delivery' | 'completion' | 'cancellation', body: object, done: string) => {
    const next = await run(action, body, (key) => step(o.id!, action, key, body));
    if (next) {
      setNotice(done);
      setConfirmCancel(false);
      onChange(next);
    }
  };
  return (
    <section class="card" aria-labelledby="buyer-actions-title">
      <h2 id="buyer-actions-title">{t('orders.actions.title')}</h2>
      <div role="status" aria-live="polite">{notice && <p class="notice" id="order-notice">{notice}</p>}</div>
      {actions.includes('confirmDelivery') && (
        <div class="action">
          <p>{t('orders.confirm.lead')}</p>
          <button type="button" class="primary" id="confirm-delivery" disabled={busy !== undefined}
            onClick={() => act('delivery', {}, t('orders.confirm.done'))}>
            {busy === 'delivery' ? t('orders.working') : t('orders.confirm.button')}
          </button>
          {errorOf('delivery') !== undefined && <ShopError error={errorOf('delivery')} id="confirm-error" />}
        </div>
      )}
      {actions.includes('complete') && (
        <div class="action">
          <p>{t('orders.complete.lead')}</p>
          <button type="button" class="secondary" id="complete-order" disabled={busy !== undefined}
            onClick={() => act('completion', {}, t('orders.complete.done'))}>
            {busy === 'completion' ? t('orders.working') : t('orders.complete.button')}
          </button>
          {errorOf('completion') !== undefined && <ShopError error={errorOf('completion')} id="complete-error" />}
        </div>
      )}
      {actions.includes('cancel') && (
        <form class="form-grid" id="cancel-form" onSubmit={(e) => {
          e.preventDefault();
          if (!confirmCancel) return setConfirmCancel(true);
          const r = reason.trim();
          void act('cancellation', r ? { reason: r } : {}, t('orders.cancel.done'));
        }}>
          <p>{t('orders.cancel.lead')}</p>
          <label for="cancel-reason">{t('orders.cancel.reason')}</label>
          <input id="cancel-reason" maxLength={100} value={reason}
            onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} />
          {confirmCancel && <p class="warning" role="alert" id="cancel-confirm-note">{t('orders.cancel.sure')}</p>}
          <div class="actions">
            <button type="submit" class="danger" id="cancel-order" disabled={busy !== undefined}>
              {busy === 'cancellation' ? t('orders.working') : confirmCancel ? t('orders.cancel.confirm') : t('orders.cancel.button')}
            </button>
          </div>
          {errorOf('cancellation') !== undefined && <ShopError error={errorOf('cancellation')} id="cancel-error" />}
        </form>
      )}
      {actions.includes('review') && (o.lines ?? []).map((l) => <ReviewForm key={l.lineNo} orderId={o.id!} line={l} />)}
    </section>
  );
}
