import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { ProblemError } from '../../api/problem';
import { useI18n } from '../../i18n';
import { Link } from '../../ui/Link';
import { ShopError } from '../shop/ShopError';
import { useAction } from './action';
import type { OrderLine, Review } from './data';

const MAX = 2000;

/**
 * A verified-purchase review of one delivered line: rating 1..5 and text. Reviews are immutable, so what is sent is
 * shown back with its audit entry; a line reviewed before answers 409 review-exists, shown in words.
 */
export function ReviewForm({ orderId, line }: { orderId: string; line: OrderLine }) {
  const { t } = useI18n();
  const { run, busy, errorOf } = useAction();
  const [rating, setRating] = useState('5');
  const [text, setText] = useState('');
  const [bad, setBad] = useState(false);
  const [done, setDone] = useState<Review>();
  const n = line.lineNo!;
  const submit = async (e: Event) => {
    e.preventDefault();
    const body = { orderId, lineNo: n, rating: Number(rating), text: text.trim() };
    if (!body.text || [...body.text].length > MAX) return setBad(true);
    setBad(false);
    const r = await run('review', body, async (key) =>
      (await api.POST('/api/v1/reviews', { params: { header: { 'Idempotency-Key': key } }, body: body as never })).data!);
    if (r) setDone(r);
  };
  const err = errorOf('review');
  const exists = err instanceof ProblemError && (err.problem.type ?? '').endsWith('/review-exists');
  if (done) {
    return (
      <div class="action review-done" id={`review-done-${n}`} data-review={done.reviewId} role="status">
        <p class="notice">{t('orders.review.done', { name: line.name ?? '' })}</p>
        <p><span class="stars" aria-label={t('reviews.rating', { n: String(done.rating) })}>{'★'.repeat(done.rating ?? 0)}</span> {done.text}</p>
        <p><Link href={`/shop/products/${encodeURIComponent(line.productId!)}`}>{t('orders.review.see')}</Link></p>
      </div>
    );
  }
  return (
    <form class="form-grid action" id={`review-form-${n}`} onSubmit={submit} noValidate>
      <h3>{t('orders.review.title', { name: line.name ?? '' })}</h3>
      <p class="muted">{t('orders.review.lead')}</p>
      <label for={`review-rating-${n}`}>{t('orders.review.rating')}</label>
      <select id={`review-rating-${n}`} value={rating} onChange={(e) => setRating((e.currentTarget as HTMLSelectElement).value)}>
        {[5, 4, 3, 2, 1].map((v) => <option key={v} value={String(v)}>{t('reviews.rating', { n: String(v) })}</option>)}
      </select>
      <label for={`review-text-${n}`}>{t('orders.review.text')}</label>
      <textarea id={`review-text-${n}`} maxLength={MAX} value={text} aria-invalid={bad}
        onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      {bad && <p class="bad" role="alert" id={`review-invalid-${n}`}>{t('orders.review.needText')}</p>}
      {err !== undefined && <ShopError error={err} id={`review-error-${n}`} />}
      {!exists && (
        <div class="actions">
          <button type="submit" class="primary" id={`review-submit-${n}`} disabled={busy !== undefined}>
            {busy ? t('orders.working') : t('orders.review.submit')}
          </button>
        </div>
      )}
    </form>
  );
}
