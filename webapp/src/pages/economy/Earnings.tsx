import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { useI18n, type MessageKey } from '../../i18n';
import { formatDateTime, formatMoney } from '../../i18n/format';
import { commissionBalance, percentOf, shortId } from '../../lib/economy';
import { CopyValue } from '../../ui/Copy';
import { Link } from '../../ui/Link';
import { keyFor } from '../../ui/labels';
import { Empty, Show, useAsync } from '../../ui/states';
import { act, EconError, newKey } from './EconError';

type ShareLink = components['schemas']['ShareLinkView'];
type Product = components['schemas']['Product'];

/** My share links (make one for a product, copy its /r/{code} address) and my commissions with their totals. */
export default function Earnings() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('econ.earnings.title')}</h1>
      <p class="lead">{t('econ.earnings.lead')}</p>
      <ShareLinks />
      <Commissions />
    </section>
  );
}

function ShareLinks() {
  const { t, locale } = useI18n();
  const [links, reload] = useAsync(async () => (await api.GET('/api/v1/me/share-links', { params: { query: { limit: 50 } } })).data!, []);
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Product[]>();
  const [productId, setProductId] = useState(new URLSearchParams(location.search).get('product') ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [made, setMade] = useState<ShareLink>();
  const search = (e: Event) => {
    e.preventDefault();
    void act(setBusy, setError, async () => {
      setFound((await api.GET('/api/v1/products', { params: { query: { q: q.trim() || undefined, limit: '5' } } })).data!.items ?? []);
    });
  };
  const create = (id: string) =>
    void act(setBusy, setError, async () => {
      const link = (await api.POST('/api/v1/me/share-links', {
        params: { header: { 'Idempotency-Key': newKey() } },
        body: { productId: id.trim() },
      })).data!;
      setMade(link);
      reload();
    });
  return (
    <section class="card" aria-labelledby="links-title">
      <h2 id="links-title">{t('econ.links.title')}</h2>
      <p class="muted">{t('econ.links.lawful')}</p>
      <form role="search" class="form-grid" onSubmit={search}>
        <label for="link-q">{t('econ.links.find')}</label>
        <input id="link-q" type="search" value={q} onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)} />
        <div class="actions">
          <button type="submit" class="secondary" id="link-search" disabled={busy}>{t('econ.links.search')}</button>
        </div>
      </form>
      {found && (found.length === 0 ? <Empty>{t('econ.links.noProducts')}</Empty> : (
        <ul class="balances" id="link-products">
          {found.map((p) => (
            <li key={p.id} data-product={p.id}>
              <span>{p.name}</span>
              <button type="button" class="primary" disabled={busy} onClick={() => create(p.id!)}>{t('econ.links.share')}</button>
            </li>
          ))}
        </ul>
      ))}
      <form class="form-grid" onSubmit={(e) => { e.preventDefault(); create(productId); }}>
        <label for="link-product">{t('econ.links.productId')}</label>
        <input id="link-product" class="mono" autoComplete="off" value={productId} required
          onInput={(e) => setProductId((e.currentTarget as HTMLInputElement).value)} />
        <div class="actions">
          <button type="submit" class="secondary" id="link-create" disabled={busy}>{t('econ.links.create')}</button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {made && (
          <p class="notice" id="link-made" data-code={made.code}>
            {t('econ.links.made')} <CopyValue value={location.origin + (made.path ?? `/r/${made.code}`)} id="link-made-url" />
          </p>
        )}
      </div>
      {error !== undefined && <EconError error={error} id="link-error" />}
      <h3>{t('econ.links.mine')}</h3>
      <Show value={links} retry={reload}>
        {(page) => (page.items ?? []).length === 0 ? <div id="links-none"><Empty>{t('econ.links.none')}</Empty></div> : (
          <ul class="balances" id="share-links">
            {(page.items ?? []).map((l) => (
              <li key={l.code} data-code={l.code} data-product={l.productId}>
                <span>
                  <CopyValue value={location.origin + (l.path ?? `/r/${l.code}`)} />
                  <br />
                  <span class="muted">
                    {t('econ.links.for')} <Link href={`/shop/products/${l.productId}`}>{shortId(l.productId)}</Link>
                    {l.createdAt ? ` · ${formatDateTime(locale, l.createdAt)}` : ''}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Show>
    </section>
  );
}

const TOTALS = ['pending', 'withheld', 'earned', 'clawedBack', 'paid', 'payable'] as const;

function Commissions() {
  const { t, locale } = useI18n();
  const [cursor, setCursor] = useState<string>();
  const [page, reload] = useAsync(
    async () => (await api.GET('/api/v1/me/commissions', { params: { query: { cursor, limit: 20 } } })).data!,
    [cursor],
  );
  return (
    <section class="card" aria-labelledby="commissions-title">
      <h2 id="commissions-title">{t('econ.commissions.title')}</h2>
      <p class="muted">{t('econ.commissions.lead')}</p>
      <Show value={page} retry={reload}>
        {(p) => {
          const totals = Object.entries(p.totals ?? {});
          return (
            <>
              {totals.length === 0 && <div id="commissions-none"><Empty>{t('econ.commissions.none')}</Empty></div>}
              {totals.map(([asset, tot]) => {
                const bal = commissionBalance(tot);
                return (
                  <div key={asset} id={`totals-${asset}`} data-asset={asset}>
                    <h3>{asset}</h3>
                    <dl class="econ-figures">
                      {TOTALS.map((k) => (
                        <div key={k} data-total={k} data-value={String(tot[k] ?? 0)}>
                          <dt>{t(`econ.commissions.total.${k}` as MessageKey)}</dt>
                          <dd>{formatMoney(locale, tot[k] ?? 0, asset)}</dd>
                        </div>
                      ))}
                      <div data-total="balance" data-value={bal.balance.toString()}>
                        <dt>{t('econ.commissions.total.balance')}</dt>
                        <dd class={bal.balance < 0n ? 'bad' : ''}>{formatMoney(locale, bal.balance, asset)}</dd>
                      </div>
                    </dl>
                    {bal.negative && (
                      <p class="warning" id={`debt-${asset}`}>
                        {t('econ.commissions.debt', { debt: formatMoney(locale, tot.debt ?? 0, asset) })}
                      </p>
                    )}
                  </div>
                );
              })}
              {(p.items ?? []).length > 0 && (
                <div class="table-wrap" tabIndex={0} role="region" aria-label={t('econ.commissions.title')}>
                  <table id="commissions" class="econ-table">
                    <caption class="visually-hidden">{t('econ.commissions.title')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('econ.commissions.order')}</th>
                        <th scope="col">{t('econ.commissions.level')}</th>
                        <th scope="col">{t('econ.commissions.status')}</th>
                        <th scope="col" class="num">{t('econ.commissions.total.pending')}</th>
                        <th scope="col" class="num">{t('econ.commissions.total.earned')}</th>
                        <th scope="col" class="num">{t('econ.commissions.total.clawedBack')}</th>
                        <th scope="col" class="num">{t('econ.commissions.total.paid')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {(p.items ?? []).map((c) => {
                        const sk = keyFor('econ.commissions.state', c.status ?? '');
                        return (
                          <tr key={c.id} data-order={c.orderId} data-status={c.status} data-earned={String(c.earned ?? 0)}
                            data-clawed-back={String(c.clawedBack ?? 0)}>
                            <td>
                              <span class="mono" title={c.orderId}>{shortId(c.orderId)}</span> #{c.lineNo}
                              <br />
                              <span class="muted">
                                {t('econ.commissions.rate', { rate: percentOf(c.rateBps), line: formatMoney(locale, c.lineAmount ?? 0, c.asset!) })}
                              </span>
                            </td>
                            <td>{c.level}</td>
                            <td><span class="badge">{sk ? t(sk) : c.status}</span></td>
                            <td class="num">{formatMoney(locale, c.pending ?? 0, c.asset!)}</td>
                            <td class="num">{formatMoney(locale, c.earned ?? 0, c.asset!)}</td>
                            <td class="num">{formatMoney(locale, c.clawedBack ?? 0, c.asset!)}</td>
                            <td class="num">{formatMoney(locale, c.paid ?? 0, c.asset!)}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              )}
              <div class="actions">
                {cursor && <button type="button" class="secondary" onClick={() => setCursor(undefined)}>{t('econ.first')}</button>}
                {p.next && <button type="button" class="secondary" onClick={() => setCursor(p.next)}>{t('econ.next')}</button>}
              </div>
            </>
          );
        }}
      </Show>
    </section>
  );
}
