import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { formatDateTime, formatMoney } from '../../i18n/format';
import { Link } from '../../ui/Link';
import { Empty, Loading } from '../../ui/states';
import { ShopError } from '../shop/ShopError';
import { orders, type Order, type Viewer } from './data';
import { StatusBadge } from './StatusBadge';

/** The caller's orders (as buyer or as merchant), newest first; "Show more" follows the API's next cursor. */
export default function OrderList({ viewer }: { viewer: Viewer }) {
  const { t, locale } = useI18n();
  const [items, setItems] = useState<Order[]>();
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const base = viewer === 'merchant' ? '/merchant/orders' : '/orders';
  const load = async (cursor?: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const page = await orders(viewer, cursor);
      setItems((old) => [...(cursor ? old ?? [] : []), ...page.items]);
      setNext(page.next);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => void load(), [viewer]);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t(viewer === 'merchant' ? 'orders.merchant.title' : 'orders.title')}</h1>
      <p class="muted">{t(viewer === 'merchant' ? 'orders.merchant.lead' : 'orders.lead')}</p>
      {error !== undefined && (
        <>
          <ShopError error={error} id="orders-error" />
          <button type="button" class="secondary" onClick={() => load()}>{t('state.retry')}</button>
        </>
      )}
      {items === undefined && error === undefined && <Loading />}
      {items?.length === 0 && <div id="orders-none"><Empty>{t('orders.none')}</Empty></div>}
      {items && items.length > 0 && (
        <ul class="orders" id="orders-list">
          {items.map((o) => (
            <li class="card order-item" key={o.id} data-order={o.id} data-status={o.status}>
              <h2 class="order-head">
                <Link href={`${base}/${encodeURIComponent(o.id!)}`}>
                  {t('orders.item.title', { date: o.placedAt ? formatDateTime(locale, o.placedAt) : '' })}
                </Link>
              </h2>
              <p class="meta">
                <StatusBadge status={o.status} />
                <span class="price">{formatMoney(locale, o.total ?? 0, o.currency!)}</span>
              </p>
              <p class="order-lines">{(o.lines ?? []).map((l) => `${l.name} × ${l.quantity}`).join(' · ')}</p>
            </li>
          ))}
        </ul>
      )}
      {next && (
        <div class="actions">
          <button type="button" class="secondary" id="orders-more" disabled={busy} onClick={() => load(next)}>
            {busy ? t('shop.loadingMore') : t('shop.more')}
          </button>
        </div>
      )}
    </section>
  );
}
