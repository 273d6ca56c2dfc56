import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { Empty, Show, useAsync } from '../../ui/states';
import { useAction } from '../orders/action';
import { reviews, type Review } from '../orders/data';
import { ReviewItem } from '../orders/ReviewItem';
import type { Product } from '../shop/data';
import { ShopError } from '../shop/ShopError';
import '../orders/orders.css';

/**
 * Review moderation (issue 11): find a product, read its reviews, hide an abusive text with a reason. The API hides
 * once and offers no restore (a hidden review's hash stays verifiable in the audit log); there is no cross-product
 * review queue in the API either, so moderation starts from the product.
 */
export default function ReviewModeration() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Product[]>();
  const [error, setError] = useState<unknown>();
  const [chosen, setChosen] = useState<Product>();
  const search = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    try {
      const page = (await api.GET('/api/v1/products', { params: { query: { q: q.trim() || undefined, limit: '20' } as never } })).data!;
      setFound(page.items ?? []);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="moderation-title">
      <h2 id="moderation-title">{t('moderation.title')}</h2>
      <p class="muted">{t('moderation.lead')}</p>
      <form class="form-grid" id="moderation-search" onSubmit={search}>
        <label for="moderation-q">{t('moderation.q')}</label>
        <input id="moderation-q" value={q} onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)} />
        <div class="actions"><button type="submit" class="primary" id="moderation-search-submit">{t('shop.search.submit')}</button></div>
      </form>
      {error !== undefined && <ShopError error={error} id="moderation-error" />}
      {found?.length === 0 && <div id="moderation-none"><Empty>{t('shop.empty')}</Empty></div>}
      {found && found.length > 0 && (
        <ul class="balances" id="moderation-products">
          {found.map((p) => (
            <li key={p.id} data-product={p.id}>
              <span>{p.name}</span>
              <button type="button" class="secondary" aria-pressed={chosen?.id === p.id} onClick={() => setChosen(p)}>
                {t('moderation.open')}<span class="visually-hidden"> {p.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {chosen && <ProductReviews key={chosen.id} p={chosen} />}
    </section>
  );
}

function ProductReviews({ p }: { p: Product }) {
  const { t } = useI18n();
  const [page, retry] = useAsync(() => reviews(p.id!), [p.id]);
  return (
    <section aria-labelledby="moderation-reviews-title" id="moderation-reviews" data-product={p.id}>
      <h3 id="moderation-reviews-title">{t('moderation.reviewsOf', { name: p.name ?? '' })}</h3>
      <Show value={page} retry={retry}>
        {(pg) => (pg.items ?? []).length === 0 ? <Empty>{t('reviews.none')}</Empty> : (
          <ul class="products">
            {pg.items!.map((r) => <ReviewItem key={r.reviewId} r={r}>{!r.hidden && <HideForm r={r} onDone={retry} />}</ReviewItem>)}
          </ul>
        )}
      </Show>
    </section>
  );
}

function HideForm({ r, onDone }: { r: Review; onDone: () => void }) {
  const { t } = useI18n();
  const { run, busy, errorOf } = useAction();
  const [reason, setReason] = useState('');
  const [bad, setBad] = useState(false);
  const id = r.reviewId!;
  const submit = async (e: Event) => {
    e.preventDefault();
    const body = { reason: reason.trim() };
    if (!body.reason) return setBad(true);
    setBad(false);
    const done = await run('hide', body, async (key) => (await api.POST('/api/v1/reviews/{id}/moderation', {
      params: { path: { id }, header: { 'Idempotency-Key': key } }, body: body as never,
    })).data!);
    if (done) onDone();
  };
  return (
    <form class="inline-form" id={`hide-form-${id}`} onSubmit={submit} noValidate>
      <label for={`hide-reason-${id}`}>{t('moderation.reason')}</label>
      <input id={`hide-reason-${id}`} maxLength={500} value={reason} aria-invalid={bad}
        onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} />
      {bad && <p class="bad" role="alert">{t('moderation.needReason')}</p>}
      {errorOf('hide') !== undefined && <ShopError error={errorOf('hide')} id={`hide-error-${id}`} />}
      <div class="actions">
        <button type="submit" class="danger" id={`hide-submit-${id}`} disabled={busy !== undefined}>
          {busy ? t('orders.working') : t('moderation.hide')}
        </button>
      </div>
    </form>
  );
}
