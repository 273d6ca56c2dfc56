import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { formatDateTime, formatMoney } from '../../i18n/format';
import { buyerActions, merchantActions } from '../../lib/orders';
import { keyFor } from '../../ui/labels';
import { Link } from '../../ui/Link';
import { Show, useAsync } from '../../ui/states';
import { order, type Order, type Viewer } from './data';
import { BuyerActions } from './BuyerActions';
import { MerchantActions } from './MerchantActions';
import { StatusBadge } from './StatusBadge';

/** One order: its lines, state, shipment, return window, its history (each step in the audit log) and next steps. */
export default function OrderDetail({ id, viewer }: { id: string; viewer: Viewer }) {
  const { t } = useI18n();
  const [o, retry] = useAsync(() => order(id), [id]);
  const [latest, setLatest] = useState<Order>();
  useEffect(() => setLatest(undefined), [id]);
  const shown = latest ?? (o.state === 'ready' ? o.value : undefined);
  // Steps the sequencer has not placed yet have no audit index: read the order again until each has one.
  const waiting = shown?.steps?.some((s) => s.auditIndex == null) ?? false;
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => void order(id).then(setLatest, () => undefined), 2000);
    return () => clearTimeout(timer);
  }, [waiting, shown]);
  const back = viewer === 'merchant' ? '/merchant/orders' : '/orders';
  return (
    <article aria-labelledby="page-title">
      <p><Link href={back}>{t('orders.back')}</Link></p>
      <h1 id="page-title">{t('orders.detail.title')}</h1>
      <Show value={o} retry={retry}>
        {() => shown && (
          <>
            <OrderFacts o={shown} />
            <div class="order-actions">
              {viewer === 'buyer' && buyerActions(shown).length > 0 && <BuyerActions o={shown} onChange={setLatest} />}
              {viewer === 'merchant' && merchantActions(shown).length > 0 && <MerchantActions o={shown} onChange={setLatest} />}
            </div>
            <OrderLines o={shown} />
            <OrderHistory o={shown} />
          </>
        )}
      </Show>
    </article>
  );
}

function OrderFacts({ o }: { o: Order }) {
  const { t, locale } = useI18n();
  const when = (v?: string | null) => (v ? formatDateTime(locale, v) : undefined);
  const rows: [string, string | undefined, string?][] = [
    [t('orders.detail.placedAt'), when(o.placedAt)],
    [t('orders.detail.shippedAt'), when(o.shippedAt)],
    [t('orders.detail.carrier'), o.carrier ?? undefined, 'order-carrier'],
    [t('orders.detail.tracking'), o.trackingNumber ?? undefined, 'order-tracking'],
    [t('orders.detail.autoConfirmAt'), o.status === 'SHIPPED' ? when(o.autoConfirmAt) : undefined],
    [t('orders.detail.deliveredAt'), when(o.deliveredAt)],
    [t('orders.detail.returnUntil'), o.status === 'DELIVERED' ? when(o.returnUntil) : undefined, 'order-return-until'],
    [t('orders.detail.settledAt'), when(o.settledAt)],
    [t('orders.detail.discount'), o.discount ? t('orders.detail.discountValue', {
      amount: formatMoney(locale, o.discount, o.currency!), points: String(o.pointsRedeemed) }) : undefined, 'order-discount'],
    [t('orders.detail.refunded'), o.refunded ? formatMoney(locale, o.refunded, o.currency!) : undefined, 'order-refunded'],
    [t('orders.detail.pointsRestored'), o.pointsRestored ? String(o.pointsRestored) : undefined, 'order-points-restored'],
    [t('orders.detail.merchant'), o.merchantDid],
  ];
  return (
    <section class="card" aria-labelledby="order-facts-title">
      <h2 id="order-facts-title" data-order={o.id}>
        <StatusBadge status={o.status} />{' '}
        <span id="order-total" data-total={String(o.total)}>{formatMoney(locale, o.total ?? 0, o.currency!)}</span>
      </h2>
      <span id="order-status" class="visually-hidden" data-status={o.status}>{o.status}</span>
      <dl class="facts">
        {rows.filter(([, v]) => v !== undefined && v !== '').map(([k, v, id]) => (
          <Fragment key={k}>
            <dt>{k}</dt>
            <dd id={id} class={id === undefined && v === o.merchantDid ? 'mono-wrap' : undefined}>{v}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}

function OrderLines({ o }: { o: Order }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="order-lines-title">
      <h2 id="order-lines-title">{t('orders.lines.title')}</h2>
      <div class="table-wrap" tabIndex={0} role="region" aria-label={t('orders.lines.title')}>
        <table id="order-lines">
          <thead>
            <tr>
              <th scope="col">{t('orders.lines.product')}</th>
              <th scope="col" class="num">{t('orders.lines.quantity')}</th>
              <th scope="col" class="num">{t('orders.lines.unitPrice')}</th>
              <th scope="col" class="num">{t('orders.lines.amount')}</th>
              <th scope="col" class="num">{t('orders.lines.refunded')}</th>
            </tr>
          </thead>
          <tbody>
            {(o.lines ?? []).map((l) => (
              <tr key={l.lineNo} data-line={String(l.lineNo)}>
                <th scope="row"><Link href={`/shop/products/${encodeURIComponent(l.productId!)}`}>{l.name}</Link></th>
                <td class="num">{l.quantity}</td>
                <td class="num">{formatMoney(locale, l.unitPrice ?? 0, o.currency!)}</td>
                <td class="num">{formatMoney(locale, l.amount ?? 0, o.currency!)}</td>
                <td class="num" data-refunded={String(l.refundedQuantity ?? 0)}>{l.refundedQuantity ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function OrderHistory({ o }: { o: Order }) {
  const { t, locale } = useI18n();
  const role = (r?: string) => { const k = keyFor('orders.role', r ?? ''); return k ? t(k) : r; };
  return (
    <section aria-labelledby="order-history-title">
      <h2 id="order-history-title">{t('orders.history.title')}</h2>
      <p class="muted">{t('orders.history.lead')}</p>
      <ol class="progress" id="order-history">
        {(o.steps ?? []).map((s) => (
          <li key={s.auditEntryId} data-done="true" data-status={s.status}
            data-audit-index={s.auditIndex == null ? '' : String(s.auditIndex)}>
            <span class="mark" aria-hidden="true">✓</span>
            <StatusBadge status={s.status} /> {s.at ? formatDateTime(locale, s.at) : ''} · {role(s.actorRole)}{' '}
            {s.auditIndex == null ? (
              <span class="muted">{t('shop.versions.pending')}</span>
            ) : (
              <Link href={`/audit/entries/${s.auditIndex}`}>{t('shop.versions.open', { index: String(s.auditIndex) })}</Link>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
