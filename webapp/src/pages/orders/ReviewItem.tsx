import type { ComponentChildren } from 'preact';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { Link } from '../../ui/Link';
import type { Review } from './data';

/** One review as the public listing has it: rating, text or why it was hidden, the merchant's reply, its audit entry. */
export function ReviewItem({ r, children }: { r: Review; children?: ComponentChildren }) {
  const { t, locale } = useI18n();
  return (
    <li class="card review-item" data-review={r.reviewId} data-hidden={r.hidden ? 'true' : 'false'}>
      <p class="meta">
        <span class="stars" aria-label={t('reviews.rating', { n: String(r.rating) })}>
          {'★'.repeat(r.rating ?? 0)}{'☆'.repeat(5 - (r.rating ?? 0))}
        </span>
        {r.verifiedPurchase && <span class="badge verified">{t('reviews.verified')}</span>}
        <span>{r.createdAt ? formatDateTime(locale, r.createdAt) : ''}</span>
      </p>
      {r.hidden ? (
        <p class="hidden-note review-hidden">{t('reviews.hidden', { reason: r.hidden.reason ?? '' })}</p>
      ) : (
        <p class="review-text">{r.text}</p>
      )}
      {r.reply && <p class="reply review-reply"><strong>{t('reviews.reply')}</strong> {r.reply}</p>}
      <p class="muted">
        {r.auditIndex == null ? t('shop.versions.pending') : (
          <Link href={`/audit/entries/${r.auditIndex}`}>{t('shop.versions.open', { index: String(r.auditIndex) })}</Link>
        )}
        {' · '}<span class="mono-wrap" title={t('reviews.hash')}>{t('reviews.hashShort', { hash: (r.textHash ?? '').slice(0, 12) })}</span>
      </p>
      {children}
    </li>
  );
}
