import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { formatDateTime, formatMoney } from '../../i18n/format';
import { merchantReceivable, sumByCurrency } from '../../lib/orders';
import { Link } from '../../ui/Link';
import { Empty, Loading } from '../../ui/states';
import { ShopError } from '../shop/ShopError';
import { orders, type Order } from './data';
import { StatusBadge } from './StatusBadge';

const PAGES = 10; // at most 200 orders read for the summary; "Show more" reads on

/**
 * The merchant's receivables: the MERCHANT_RECEIVABLE ledger accounts the API lets the caller read (if any), and
 * each settled order (COMPLETED or REFUNDED) with what it released to the merchant at its frozen rates.
 */
export default function Receivables() {
  const { t, locale } = useI18n();
  const [settled, setSettled] = useState<Order[]>();
  const [next, setNext] = useState<string | null>(null);
  const [accounts, setAccounts] = useState<{ id?: string; asset?: string; balance?: number }[]>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const load = async (cursor?: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const found: Order[] = [];
      let c = cursor;
      for (let i = 0; i < PAGES; i++) {
        const page = await orders('merchant', c);
        found.push(...page.items.filter((o) => merchantReceivable(o) !== undefined));
        c = page.next ?? undefined;
        if (!c) break;
      }
      setSettled((old) => [...(cursor ? old ?? [] : []), ...found]);
      setNext(c ?? null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    void load();
    api.GET('/api/v1/ledger/accounts', {}).then(
      (r) => setAccounts(((r.data ?? []) as { kind?: string }[]).filter((a) => a.kind === 'MERCHANT_RECEIVABLE') as never),
      () => setAccounts([]),
    );
  }, []);
  const totals = sumByCurrency((settled ?? []).map((o) => ({ currency: o.currency!, amount: merchantReceivable(o)! })));
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('receivables.title')}</h1>
      <p class="muted">{t('receivables.lead')}</p>
      {accounts && accounts.length > 0 && (
        <ul class="balances" id="receivable-accounts">
          {accounts.map((a) => (
            <li key={a.id} data-currency={a.asset} data-balance={String(a.balance)}>
              <span>{t('receivables.ledger', { asset: a.asset ?? '' })}</span>
              <strong>{formatMoney(locale, a.balance ?? 0, a.asset!)}</strong>
            </li>
          ))}
        </ul>
      )}
      {error !== undefined && <ShopError error={error} id="receivables-error" />}
      {settled === undefined && error === undefined && <Loading />}
      {settled?.length === 0 && <div id="receivables-none"><Empty>{t('receivables.none')}</Empty></div>}
      {settled && settled.length > 0 && (
        <>
          <h2>{t('receivables.totals')}</h2>
          <ul class="balances" id="receivable-totals">
            {Object.entries(totals).map(([c, v]) => (
              <li key={c} data-currency={c} data-amount={v}><span>{c}</span><strong>{formatMoney(locale, v, c)}</strong></li>
            ))}
          </ul>
          <h2>{t('receivables.orders')}</h2>
          <div class="table-wrap" tabIndex={0} role="region" aria-label={t('receivables.orders')}>
            <table id="receivable-orders">
              <thead>
                <tr>
                  <th scope="col">{t('receivables.order')}</th>
                  <th scope="col">{t('receivables.state')}</th>
                  <th scope="col" class="num">{t('receivables.total')}</th>
                  <th scope="col" class="num">{t('receivables.refunded')}</th>
                  <th scope="col" class="num">{t('receivables.mine')}</th>
                </tr>
              </thead>
              <tbody>
                {settled.map((o) => (
                  <tr key={o.id} data-order={o.id} data-receivable={merchantReceivable(o)}>
                    <th scope="row">
                      <Link href={`/merchant/orders/${encodeURIComponent(o.id!)}`}>
                        {o.settledAt ? formatDateTime(locale, o.settledAt) : o.id!.slice(0, 8)}
                      </Link>
                    </th>
                    <td><StatusBadge status={o.status} /></td>
                    <td class="num">{formatMoney(locale, o.total ?? 0, o.currency!)}</td>
                    <td class="num">{formatMoney(locale, o.refunded ?? 0, o.currency!)}</td>
                    <td class="num">{formatMoney(locale, merchantReceivable(o)!, o.currency!)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="muted">{t('receivables.rates')}</p>
        </>
      )}
      {next && (
        <div class="actions">
          <button type="button" class="secondary" id="receivables-more" disabled={busy} onClick={() => load(next)}>
            {busy ? t('shop.loadingMore') : t('shop.more')}
          </button>
        </div>
      )}
    </section>
  );
}
