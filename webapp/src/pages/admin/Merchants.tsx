import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { Link } from '../../ui/Link';
import { Empty, Show, useAsync } from '../../ui/states';
import { StatusBadge } from './AdminConsole';

export default function Merchants() {
  const { t, locale } = useI18n();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [query, setQuery] = useState<{ q: string; status: string; cursor?: string }>({ q: '', status: '' });
  const [page, retry] = useAsync(async () => {
    const { data } = await api.GET('/api/v1/admin/merchants', {
      params: { query: { q: query.q || undefined, status: query.status || undefined, cursor: query.cursor, limit: 20 } },
    });
    return data!;
  }, [query.q, query.status, query.cursor]);
  return (
    <section aria-labelledby="merchants-title">
      <h2 id="merchants-title">{t('admin.merchants.title')}</h2>
      <div class="actions">
        <Link href="/admin/merchants/new" class="button primary">
          {t('admin.merchants.create')}
        </Link>
      </div>
      <form
        class="search-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ q: q.trim(), status });
        }}
      >
        <div>
          <label for="merchant-q">{t('admin.merchants.search')}</label>
          <input id="merchant-q" type="search" value={q} onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)} />
        </div>
        <div>
          <label for="merchant-status">{t('admin.merchants.status')}</label>
          <select id="merchant-status" value={status} onChange={(e) => setStatus((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('admin.merchants.anyStatus')}</option>
            <option value="PENDING">{t('admin.status.PENDING')}</option>
            <option value="VERIFIED">{t('admin.status.VERIFIED')}</option>
            <option value="SUSPENDED">{t('admin.status.SUSPENDED')}</option>
          </select>
        </div>
        <div>
          <button type="submit" class="secondary" id="merchant-search">
            {t('admin.merchants.find')}
          </button>
        </div>
      </form>
      <Show value={page} retry={retry}>
        {(p) =>
          (p.items ?? []).length === 0 ? (
            <Empty>{t('admin.merchants.none')}</Empty>
          ) : (
            <>
              <div class="table-wrap" tabIndex={0}>
                <table id="merchant-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('admin.merchants.name')}</th>
                      <th scope="col">{t('admin.merchants.username')}</th>
                      <th scope="col">{t('admin.merchants.status')}</th>
                      <th scope="col">{t('admin.merchants.created')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {(p.items ?? []).map((m) => (
                      <tr key={m.id} data-merchant={m.username}>
                        <td>
                          <Link href={`/admin/merchants/${encodeURIComponent(m.id ?? '')}`}>{m.name || m.username}</Link>
                        </td>
                        <td class="mono">{m.username}</td>
                        <td>
                          <StatusBadge status={m.status} />
                        </td>
                        <td>{m.createdAt ? formatDateTime(locale, m.createdAt) : ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {p.nextCursor && (
                <div class="actions">
                  <button type="button" class="secondary" onClick={() => setQuery({ ...query, cursor: p.nextCursor })}>
                    {t('admin.merchants.next')}
                  </button>
                </div>
              )}
            </>
          )
        }
      </Show>
    </section>
  );
}
