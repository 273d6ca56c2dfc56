import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { ProblemError } from '../../api/problem';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { formatMoney, formatNumber } from '../../i18n/format';
import { tracePath } from '../../lib/orders';
import { navigate } from '../../router';
import { Link } from '../../ui/Link';
import { Empty, Loading } from '../../ui/states';
import type { Product } from '../shop/data';
import { ShopError } from '../shop/ShopError';
import { useAction } from './action';
import { reviews, type Review } from './data';
import { ReviewItem } from './ReviewItem';
import './orders.css';

/** What the product page adds for buying and trust: buy now (partners), the public reviews, the trace of an item. */
export default function ProductExtras({ p }: { p: Product }) {
  return (
    <>
      <BuyBox p={p} />
      <ProductReviews id={p.id!} />
      <TraceLookup gtin={p.gtin!} />
    </>
  );
}

function BuyBox({ p }: { p: Product }) {
  const { t, locale } = useI18n();
  const session = useSession();
  const { run, busy, errorOf } = useAction();
  const prices = p.prices ?? [];
  const [currency, setCurrency] = useState(prices[0]?.currency ?? 'CNY');
  const [quantity, setQuantity] = useState('1');
  const [bad, setBad] = useState(false);
  // The buyer's points of this brand (the merchant): they may pay part of this brand's order.
  const [held, setHeld] = useState(0);
  const [points, setPoints] = useState('');
  const partner = !!session?.roles.includes('partner');
  useEffect(() => {
    if (!partner || !p.merchantId) return;
    void api.GET('/api/v1/me/points').then(
      (r) => setHeld(Number(r.data?.find((b) => b.brand === p.merchantId)?.balance ?? 0)),
      () => setHeld(0),
    );
  }, [partner, p.merchantId]);
  if (p.status !== 'LIVE' || prices.length === 0) return null;
  if (!session?.roles.includes('partner')) {
    return <p class="muted" id="buy-partners-only">{t('buy.partnersOnly')}</p>;
  }
  const price = prices.find((x) => x.currency === currency);
  const q = /^\d{1,4}$/.test(quantity.trim()) ? Number(quantity.trim()) : 0;
  const usePoints = points.trim() === '' ? 0 : /^\d{1,15}$/.test(points.trim()) ? Number(points.trim()) : -1;
  const badPoints = usePoints < 0 || usePoints > held;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (q < 1 || q > 1000 || badPoints) return setBad(true);
    setBad(false);
    const body = {
      currency,
      lines: [{ productId: p.id!, quantity: q }],
      ...(usePoints > 0 ? { redeemPoints: [{ brand: p.merchantId!, points: usePoints }] } : {}),
    };
    const c = await run('checkout', body, async (key) =>
      (await api.POST('/api/v1/checkouts', { params: { header: { 'Idempotency-Key': key } }, body: body as never })).data!);
    const placed = c?.orders?.[0];
    if (placed) navigate(`/orders/${encodeURIComponent(placed.id!)}?placed=1`);
  };
  const err = errorOf('checkout');
  const broke = err instanceof ProblemError && (err.problem.type ?? '').endsWith('/insufficient-funds');
  return (
    <form class="card form-grid" id="buy-form" onSubmit={submit} noValidate aria-labelledby="buy-title">
      <h2 id="buy-title">{t('buy.title')}</h2>
      {prices.length > 1 && (
        <>
          <label for="buy-currency">{t('buy.currency')}</label>
          <select id="buy-currency" value={currency} onChange={(e) => setCurrency((e.currentTarget as HTMLSelectElement).value)}>
            {prices.map((x) => <option key={x.currency} value={x.currency}>{x.currency}</option>)}
          </select>
        </>
      )}
      <label for="buy-quantity">{t('buy.quantity')}</label>
      <input id="buy-quantity" inputMode="numeric" autoComplete="off" value={quantity} aria-invalid={bad}
        onInput={(e) => setQuantity((e.currentTarget as HTMLInputElement).value)} />
      {bad && !badPoints && <p class="bad" role="alert" id="buy-invalid">{t('buy.badQuantity')}</p>}
      {held > 0 && (
        <>
          <label for="buy-points">{t('buy.points', { count: String(held) })}</label>
          <input id="buy-points" inputMode="numeric" autoComplete="off" value={points} aria-invalid={bad && badPoints}
            placeholder="0" onInput={(e) => setPoints((e.currentTarget as HTMLInputElement).value)} />
          {bad && badPoints && <p class="bad" role="alert" id="buy-points-invalid">{t('buy.badPoints', { count: String(held) })}</p>}
          <p class="muted" id="buy-points-note">{t('buy.pointsNote')}</p>
        </>
      )}
      {price && q > 0 && (
        <p id="buy-total" data-amount={String(BigInt(price.amount!) * BigInt(q))}>
          {t('buy.total', { amount: formatMoney(locale, (BigInt(price.amount!) * BigInt(q)).toString(), currency) })}
        </p>
      )}
      <p class="muted">{t('buy.escrow')}</p>
      {err !== undefined && <ShopError error={err} id="buy-error" />}
      {broke && <p><Link href="/shop/wallet">{t('buy.topUp')}</Link></p>}
      <div class="actions">
        <button type="submit" class="primary" id="buy-submit" disabled={busy !== undefined}>
          {busy ? t('orders.working') : t('buy.submit')}
        </button>
      </div>
    </form>
  );
}

function ProductReviews({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const [items, setItems] = useState<Review[]>();
  const [summary, setSummary] = useState<{ average?: number | null; count?: number }>({});
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const load = async (cursor?: string) => {
    setError(undefined);
    try {
      const page = await reviews(id, cursor);
      setItems((old) => [...(cursor ? old ?? [] : []), ...(page.items ?? [])]);
      setSummary({ average: page.average, count: page.count });
      setNext(page.next ?? null);
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => void load(), [id]);
  return (
    <section aria-labelledby="reviews-title">
      <h2 id="reviews-title">{t('reviews.title')}</h2>
      {summary.count ? (
        <p id="reviews-summary" data-average={String(summary.average)} data-count={String(summary.count)}>
          {t('reviews.summary', { average: summary.average == null ? '–' : formatNumber(locale, summary.average.toFixed(2)), count: String(summary.count) })}
        </p>
      ) : null}
      <p class="muted">{t('reviews.lead')}</p>
      {error !== undefined && <ShopError error={error} id="reviews-error" />}
      {items === undefined && error === undefined && <Loading />}
      {items?.length === 0 && <div id="reviews-none"><Empty>{t('reviews.none')}</Empty></div>}
      {items && items.length > 0 && <ul class="products" id="reviews-list">{items.map((r) => <ReviewItem key={r.reviewId} r={r} />)}</ul>}
      {next && (
        <div class="actions">
          <button type="button" class="secondary" id="reviews-more" onClick={() => load(next)}>{t('shop.more')}</button>
        </div>
      )}
    </section>
  );
}

/** The public trace page of an item (serial) or batch (lot) of this product: a link to the server's /trace page. */
export function TraceLookup({ gtin }: { gtin: string }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<'serial' | 'lot'>('serial');
  const [value, setValue] = useState('');
  const href = value.trim() ? tracePath(gtin, kind, value) : undefined;
  return (
    <section class="card" aria-labelledby="trace-title">
      <h2 id="trace-title">{t('trace.title')}</h2>
      <p class="muted">{t('trace.lead')}</p>
      <div class="form-grid">
        <label for="trace-kind">{t('trace.kind')}</label>
        <select id="trace-kind" value={kind} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as 'serial' | 'lot')}>
          <option value="serial">{t('trace.serial')}</option>
          <option value="lot">{t('trace.lot')}</option>
        </select>
        <label for="trace-value">{t(kind === 'serial' ? 'trace.serial' : 'trace.lot')}</label>
        <input id="trace-value" autoComplete="off" value={value} onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)} />
      </div>
      {href && <p><a href={href} id="trace-link">{t('trace.open')}</a></p>}
    </section>
  );
}
