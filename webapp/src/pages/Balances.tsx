import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { useI18n, type Locale } from '../i18n';
import { formatDateTime, formatMoney, formatNumber } from '../i18n/format';
import { keyFor } from '../ui/labels';
import { Empty, ErrorBox, Loading, Show, useAsync } from '../ui/states';

type Amount = number | string;

/** Money in its currency from minor units; points (asset PTS:<brand>) as a whole number with the brand. */
export function amount(locale: Locale, t: ReturnType<typeof useI18n>['t'], minor: Amount, asset: string): string {
  if (asset.startsWith('PTS:')) return t('balances.points', { n: formatNumber(locale, minor), brand: asset.slice(4) });
  return formatMoney(locale, minor, asset);
}

interface Line {
  entryId?: string;
  postedAt?: string;
  memo?: string;
  amount?: Amount;
  balanceAfter?: Amount;
}

function Statement({ id, asset }: { id: string; asset: string }) {
  const { t, locale } = useI18n();
  const [lines, setLines] = useState<Line[]>([]);
  const [next, setNext] = useState<string | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const page = async (cursor?: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const r = (await api.GET('/api/v1/ledger/accounts/{id}/statement', { params: { path: { id }, query: { cursor, limit: 20 } } })).data!;
      setLines((l) => [...l, ...((r.items ?? []) as Line[])]);
      setNext(r.nextCursor ?? null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    void page();
  }, [id]);
  if (error !== undefined) return <ErrorBox error={error} onRetry={() => page()} />;
  if (next === undefined) return <Loading />;
  if (!lines.length) return <Empty>{t('balances.noLines')}</Empty>;
  return (
    <div class="table-wrap" tabIndex={0}>
      <table>
        <caption class="visually-hidden">{t('balances.statement')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('balances.postedAt')}</th>
            <th scope="col">{t('balances.memo')}</th>
            <th scope="col" class="num">
              {t('balances.amount')}
            </th>
            <th scope="col" class="num">
              {t('balances.balanceAfter')}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.entryId}>
              <td>{l.postedAt ? formatDateTime(locale, l.postedAt) : ''}</td>
              <td>{l.memo}</td>
              <td class="num">{l.amount !== undefined ? amount(locale, t, l.amount, asset) : ''}</td>
              <td class="num">{l.balanceAfter !== undefined ? amount(locale, t, l.balanceAfter, asset) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {next && (
        <button type="button" class="secondary" onClick={() => page(next)} disabled={busy}>
          {t('balances.more')}
        </button>
      )}
    </div>
  );
}

export default function Balances() {
  const { t, locale } = useI18n();
  const [accounts, reload] = useAsync(async () => (await api.GET('/api/v1/ledger/accounts', {})).data ?? []);
  const [open, setOpen] = useState<string>();
  return (
    <section>
      <h1 id="page-title">{t('balances.title')}</h1>
      <Show value={accounts} retry={reload}>
        {(list) =>
          list.length === 0 ? (
            <Empty>
              <span id="balances-none">{t('balances.none')}</span>
            </Empty>
          ) : (
            <>
              {list.map((a) => {
                const kind = a.kind ? keyFor('kind', String(a.kind)) : undefined;
                return (
                  <div class="card" key={a.id}>
                    <h2>{a.name ?? (kind ? t(kind) : a.kind)}</h2>
                    <p>
                      <span class="badge">{kind ? t(kind) : a.kind}</span> <strong class="balance">{amount(locale, t, a.balance ?? 0, a.asset ?? 'CNY')}</strong>
                    </p>
                    {a.asOf && <p class="muted">{t('balances.asOf', { time: formatDateTime(locale, a.asOf) })}</p>}
                    <button type="button" class="secondary" aria-expanded={open === a.id} onClick={() => setOpen(open === a.id ? undefined : a.id)}>
                      {t('balances.showStatement')}
                    </button>
                    {open === a.id && a.id && <Statement id={a.id} asset={a.asset ?? 'CNY'} />}
                  </div>
                );
              })}
            </>
          )
        }
      </Show>
    </section>
  );
}
