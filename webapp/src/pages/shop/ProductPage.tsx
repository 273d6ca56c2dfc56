import { useEffect, useState } from 'preact/hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { formatDateTime, formatMoney, formatNumber } from '../../i18n/format';
import { keyFor } from '../../ui/labels';
import { Link } from '../../ui/Link';
import { Show, useAsync } from '../../ui/states';
import { product, versions, type Product, type ProductVersion } from './data';
import ProductExtras from '../orders/ProductExtras';

/** The public product page: the current version, prices, media links and the whole version history. */
export default function ProductPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [p, retry] = useAsync(() => product(id), [id]);
  return (
    <article aria-labelledby="page-title">
      <p>
        <Link href="/shop">{t('shop.product.back')}</Link>
      </p>
      <Show value={p} retry={retry}>
        {(prod) => (
          <>
            <ProductFacts p={prod} />
            <ProductExtras p={prod} />
            <VersionHistory id={id} version={prod.version ?? 0} />
          </>
        )}
      </Show>
    </article>
  );
}

export function ProductFacts({ p, heading = 'h1' }: { p: Product; heading?: 'h1' | 'h2' }) {
  const { t, locale } = useI18n();
  const H = heading;
  return (
    <>
      <H id={heading === 'h1' ? 'page-title' : 'product-title'} data-product={p.id}>{p.name}</H>
      <p class="meta">
        <span class={`badge ${p.status === 'LIVE' ? 'verified' : ''}`} id="product-status" data-status={p.status}>
          {t(`shop.status.${p.status}` as MessageKey)}
        </span>
      </p>
      <ul class="prices" id="product-prices" aria-label={t('shop.product.prices')}>
        {(p.prices ?? []).map((x) => (
          <li key={x.currency} data-currency={x.currency} data-amount={String(x.amount)}>
            {formatMoney(locale, x.amount!, x.currency!)}
          </li>
        ))}
      </ul>
      <p class="description" id="product-description">{p.description}</p>
      <section class="card" aria-labelledby="product-facts-title">
        <h2 id="product-facts-title">{t('shop.product.facts')}</h2>
        <dl class="facts" id="product-facts">
          <dt>{t('shop.product.version')}</dt>
          <dd id="product-version" data-version={String(p.version)}>{p.version}</dd>
          <dt>{t('shop.product.stockLabel')}</dt>
          <dd id="product-stock" data-stock={String(p.stock)}>{formatNumber(locale, p.stock ?? 0)}</dd>
          <dt>{t('shop.product.category')}</dt>
          <dd>{p.category}</dd>
          <dt>{t('shop.product.gtin')}</dt>
          <dd class="mono">{p.gtin}</dd>
          <dt>{t('shop.product.merchant')}</dt>
          <dd class="mono">{p.merchantDid}</dd>
          {p.listedAt && (
            <>
              <dt>{t('shop.product.listedAt')}</dt>
              <dd>{formatDateTime(locale, p.listedAt)}</dd>
            </>
          )}
        </dl>
        {(p.mediaUrls ?? []).length > 0 && (
          <>
            <h3>{t('shop.product.media')}</h3>
            <p class="muted">{t('shop.product.mediaNote')}</p>
            <ul>
              {p.mediaUrls!.map((u) => (
                <li key={u}>
                  <a href={u} rel="noopener noreferrer" target="_blank" class="mono">{u}</a>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}

/**
 * Every version, newest first, each with its audit entry. A version the sequencer has not placed yet has no index:
 * the list is read again every two seconds until every version has one.
 */
export function VersionHistory({ id, version }: { id: string; version: number }) {
  const { t, locale } = useI18n();
  const [list, retry] = useAsync(() => versions(id), [id, version]);
  const [later, setLater] = useState<ProductVersion[]>();
  useEffect(() => setLater(undefined), [id, version]);
  const shown = later ?? (list.state === 'ready' ? list.value : undefined);
  const waiting = shown?.some((v) => v.auditIndex == null) ?? false;
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => void versions(id).then(setLater, () => undefined), 2000);
    return () => clearTimeout(timer);
  }, [waiting, shown]);
  const changed = (v: ProductVersion) =>
    (v.changed ?? []).map((f) => { const k = keyFor('shop.field', f); return k ? t(k) : f; }).join(', ');
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">{t('shop.versions.title')}</h2>
      <p class="muted">{t('shop.versions.lead')}</p>
      <Show value={list} retry={retry}>
        {() => (
          <div class="table-wrap" tabIndex={0}>
            <table id="product-versions">
              <thead>
                <tr>
                  <th scope="col">{t('shop.versions.version')}</th>
                  <th scope="col">{t('shop.versions.changed')}</th>
                  <th scope="col">{t('shop.versions.prices')}</th>
                  <th scope="col" class="num">{t('shop.versions.stock')}</th>
                  <th scope="col">{t('shop.versions.time')}</th>
                  <th scope="col">{t('shop.versions.audit')}</th>
                </tr>
              </thead>
              <tbody>
                {[...(shown ?? [])].reverse().map((v) => (
                  <tr key={v.version} data-version={String(v.version)} data-audit-index={v.auditIndex == null ? '' : String(v.auditIndex)}>
                    <th scope="row">{v.version}</th>
                    <td>{changed(v)}</td>
                    <td>{(v.prices ?? []).map((x) => formatMoney(locale, x.amount!, x.currency!)).join(' · ')}</td>
                    <td class="num">{formatNumber(locale, v.stock ?? 0)}</td>
                    <td>{v.createdAt ? formatDateTime(locale, v.createdAt) : ''}</td>
                    <td>
                      {v.auditIndex == null ? (
                        <span class="muted">{t('shop.versions.pending')}</span>
                      ) : (
                        <Link href={`/audit/entries/${v.auditIndex}`}>
                          {t('shop.versions.open', { index: String(v.auditIndex) })}
                          <span class="visually-hidden"> ({t('shop.versions.version')} {v.version})</span>
                        </Link>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Show>
    </section>
  );
}
