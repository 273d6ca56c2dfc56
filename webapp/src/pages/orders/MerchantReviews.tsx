import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { Empty, Show, useAsync } from '../../ui/states';
import type { Product } from '../shop/data';
import { ShopError } from '../shop/ShopError';
import { useAction } from './action';
import { reviews, type Review } from './data';
import { ReviewItem } from './ReviewItem';

/** Reviews of the merchant's products, each product's newest first; a review without a reply can be answered once. */
export default function MerchantReviews() {
  const { t } = useI18n();
  const [mine, retry] = useAsync(async () => {
    const out: Product[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 5; i++) {
      const page = (await api.GET('/api/v1/merchants/me/products', { params: { query: { cursor, limit: '100' } } })).data!;
      out.push(...(page.items ?? []));
      cursor = page.next ?? undefined;
      if (!cursor) break;
    }
    return out;
  });
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('merchantReviews.title')}</h1>
      <p class="muted">{t('merchantReviews.lead')}</p>
      <Show value={mine} retry={retry}>
        {(products) => products.length === 0
          ? <div id="merchant-reviews-none"><Empty>{t('merchant.none')}</Empty></div>
          : products.map((p) => <ProductReviews key={p.id} p={p} />)}
      </Show>
    </section>
  );
}

function ProductReviews({ p }: { p: Product }) {
  const { t } = useI18n();
  const [page, retry] = useAsync(() => reviews(p.id!), [p.id]);
  return (
    <section aria-labelledby={`reviews-of-${p.id}`} data-product={p.id} class="product-reviews">
      <h2 id={`reviews-of-${p.id}`}>{p.name}</h2>
      <Show value={page} retry={retry}>
        {(pg) => (pg.items ?? []).length === 0 ? <Empty>{t('reviews.none')}</Empty> : (
          <ul class="products">
            {pg.items!.map((r) => <ReviewItem key={r.reviewId} r={r}>{!r.reply && <ReplyForm r={r} onDone={retry} />}</ReviewItem>)}
          </ul>
        )}
      </Show>
    </section>
  );
}

function ReplyForm({ r, onDone }: { r: Review; onDone: () => void }) {
  const { t } = useI18n();
  const { run, busy, errorOf } = useAction();
  const [text, setText] = useState('');
  const [bad, setBad] = useState(false);
  const id = r.reviewId!;
  const submit = async (e: Event) => {
    e.preventDefault();
    const body = { text: text.trim() };
    if (!body.text) return setBad(true);
    setBad(false);
    const done = await run('reply', body, async (key) => (await api.POST('/api/v1/reviews/{id}/reply', {
      params: { path: { id }, header: { 'Idempotency-Key': key } }, body: body as never,
    })).data!);
    if (done) onDone();
  };
  return (
    <form class="inline-form" id={`reply-form-${id}`} onSubmit={submit} noValidate>
      <label for={`reply-text-${id}`}>{t('merchantReviews.reply')}</label>
      <textarea id={`reply-text-${id}`} maxLength={2000} value={text} aria-invalid={bad}
        onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      {bad && <p class="bad" role="alert">{t('merchantReviews.needText')}</p>}
      {errorOf('reply') !== undefined && <ShopError error={errorOf('reply')} id={`reply-error-${id}`} />}
      <div class="actions">
        <button type="submit" class="primary" id={`reply-submit-${id}`} disabled={busy !== undefined}>
          {busy ? t('orders.working') : t('merchantReviews.send')}
        </button>
      </div>
    </form>
  );
}
