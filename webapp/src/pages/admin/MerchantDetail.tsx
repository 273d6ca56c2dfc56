import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { useI18n, type MessageKey } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { Link } from '../../ui/Link';
import { ErrorBox, Loading, Show, useAsync } from '../../ui/states';
import { newKey, StatusBadge } from './AdminConsole';
import { RevokeForm } from './Credentials';
import type { components } from '../../api/schema';

type Merchant = components['schemas']['MerchantView'];

export default function MerchantDetail({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const [n, setN] = useState(0);
  // Not useAsync: a reload after an action keeps the page (and its notices) mounted instead of flashing 'loading'.
  const [merchant, setMerchant] = useState<Merchant>();
  const [loadError, setLoadError] = useState<unknown>();
  useEffect(() => {
    let live = true;
    api.GET('/api/v1/admin/merchants/{id}', { params: { path: { id } } }).then(
      (r) => live && (setMerchant(r.data), setLoadError(undefined)),
      (e) => live && setLoadError(e),
    );
    return () => {
      live = false;
    };
  }, [id, n]);
  const refresh = () => setN((x) => x + 1);
  // Kept here, above the reload: the detail below is re-read (and re-mounted) after every action.
  const [done, setDone] = useState<string>();
  const acted = (status: string | undefined) => {
    setDone(status);
    refresh();
  };
  return (
    <section aria-labelledby="merchant-title">
      <p>
        <Link href="/admin">{t('admin.merchant.back')}</Link>
      </p>
      <div role="status" aria-live="polite">
        {done && <p class="notice" id="action-done">{t('admin.merchant.done', { status: t(`admin.status.${done}` as MessageKey) })}</p>}
      </div>
      {loadError !== undefined && <ErrorBox error={loadError} onRetry={refresh} />}
      {!merchant && loadError === undefined && <Loading />}
      {merchant && ((m: Merchant) => (
          <>
            <h2 id="merchant-title">
              {m.name || m.username} <StatusBadge status={m.status} />
            </h2>
            <dl class="facts" id="merchant-facts">
              <dt>{t('admin.merchant.id')}</dt>
              <dd class="mono">{m.id}</dd>
              <dt>{t('admin.merchant.did')}</dt>
              <dd class="mono">{m.did}</dd>
              <dt>{t('admin.merchants.username')}</dt>
              <dd class="mono">{m.username}</dd>
              <dt>{t('admin.merchant.email')}</dt>
              <dd>{m.contactEmail}</dd>
              <dt>{t('admin.merchant.licence')}</dt>
              <dd class="mono">{m.businessLicence}</dd>
              <dt>{t('admin.merchant.credential')}</dt>
              <dd class="mono">{m.credentialId ?? '—'}</dd>
              <dt>{t('admin.merchants.created')}</dt>
              <dd>{m.createdAt ? formatDateTime(locale, m.createdAt) : ''}</dd>
              <dt>{t('admin.merchant.updated')}</dt>
              <dd>{m.updatedAt ? formatDateTime(locale, m.updatedAt) : ''}</dd>
            </dl>
            <Actions m={m} onDone={acted} />
            <Roles id={id} />
            {m.credentialId && (
              <details>
                <summary>{t('admin.credentials.merchant')}</summary>
                <RevokeForm initialId={m.credentialId} onRevoked={refresh} />
              </details>
            )}
            <History id={id} n={n} />
          </>
        ))(merchant)}
    </section>
  );
}

function Actions({ m, onDone }: { m: Merchant; onDone: (status: string | undefined) => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const id = m.id ?? '';
  const act = async (call: () => Promise<{ data?: Merchant }>) => {
    setBusy(true);
    setError(undefined);
    try {
      const { data } = await call();
      setReason('');
      onDone(data?.status);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const header = () => ({ 'Idempotency-Key': newKey() });
  return (
    <section aria-labelledby="actions-title" class="card">
      <h3 id="actions-title">{t('admin.merchant.actions')}</h3>
      {error !== undefined && <ErrorBox error={error} />}
      {m.status === 'PENDING' && (
        <div class="actions">
          <button type="button" class="primary" id="verify-merchant" disabled={busy}
            onClick={() => act(() => api.POST('/api/v1/admin/merchants/{id}/verification', { params: { path: { id }, header: header() } }))}>
            {t('admin.merchant.verify')}
          </button>
        </div>
      )}
      {m.status !== 'SUSPENDED' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            act(() => api.POST('/api/v1/admin/merchants/{id}/suspension', {
              params: { path: { id }, header: header() }, body: { reason: reason.trim() || undefined },
            }));
          }}
        >
          <label for="suspend-reason">{t('admin.merchant.reason')}</label>
          <textarea id="suspend-reason" maxLength={500} value={reason} aria-describedby="suspend-help"
            onInput={(e) => setReason((e.currentTarget as HTMLTextAreaElement).value)} />
          <p id="suspend-help" class="muted">{t('admin.merchant.reasonHelp')}</p>
          <div class="actions">
            <button type="submit" class="danger" id="suspend-merchant" disabled={busy}>
              {t('admin.merchant.suspend')}
            </button>
          </div>
        </form>
      )}
      {m.status === 'SUSPENDED' && (
        <div class="actions">
          <button type="button" class="primary" id="reinstate-merchant" disabled={busy}
            onClick={() => act(() => api.POST('/api/v1/admin/merchants/{id}/reinstatement', { params: { path: { id }, header: header() } }))}>
            {t('admin.merchant.reinstate')}
          </button>
        </div>
      )}
    </section>
  );
}

const ASSIGNABLE = ['partner', 'auditor'] as const;

function Roles({ id }: { id: string }) {
  const { t } = useI18n();
  const [roles, retry] = useAsync(async () => {
    const { data } = await api.GET('/api/v1/admin/merchants/{id}/roles', { params: { path: { id } } });
    return data?.roles ?? [];
  }, [id]);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (roles.state === 'ready') setChosen(roles.value);
  }, [roles.state]);
  const save = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    setError(undefined);
    try {
      const body = { roles: Array.from(new Set(['merchant', ...(chosen ?? [])])) };
      const { data } = await api.PUT('/api/v1/admin/merchants/{id}/roles', { params: { path: { id } }, body });
      setChosen(data?.roles ?? body.roles);
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="roles-title">
      <h3 id="roles-title">{t('admin.roles.title')}</h3>
      <Show value={roles} retry={retry}>
        {() => (
          <form onSubmit={save}>
            <fieldset>
              <legend class="visually-hidden">{t('admin.roles.title')}</legend>
              <label class="check">
                <input type="checkbox" checked disabled /> {t('admin.roles.merchant')}
              </label>
              {ASSIGNABLE.map((r) => (
                <label class="check" key={r}>
                  <input
                    type="checkbox"
                    id={`role-${r}`}
                    checked={chosen?.includes(r) ?? false}
                    onChange={(e) => {
                      const on = (e.currentTarget as HTMLInputElement).checked;
                      setChosen((c) => (on ? [...(c ?? []), r] : (c ?? []).filter((x) => x !== r)));
                    }}
                  />{' '}
                  {t(`admin.roles.${r}` as MessageKey)}
                </label>
              ))}
            </fieldset>
            <div class="actions">
              <button type="submit" class="secondary" id="save-roles">
                {t('admin.roles.save')}
              </button>
            </div>
            <div role="status" aria-live="polite">
              {saved && <p class="notice">{t('admin.roles.saved')}</p>}
            </div>
            {error !== undefined && <ErrorBox error={error} />}
          </form>
        )}
      </Show>
    </section>
  );
}

function History({ id, n }: { id: string; n: number }) {
  const { t, locale } = useI18n();
  const [history, retry] = useAsync(async () => {
    const { data } = await api.GET('/api/v1/admin/merchants/{id}/history', { params: { path: { id } } });
    return data ?? [];
  }, [id, n]);
  return (
    <section aria-labelledby="history-title">
      <h3 id="history-title">{t('admin.history.title')}</h3>
      <Show value={history} retry={retry}>
        {(list) => (
          <div class="table-wrap" tabIndex={0}>
            <table id="merchant-history">
              <thead>
                <tr>
                  <th scope="col">{t('admin.history.step')}</th>
                  <th scope="col">{t('admin.merchants.status')}</th>
                  <th scope="col">{t('admin.history.actor')}</th>
                  <th scope="col">{t('admin.history.time')}</th>
                  <th scope="col">{t('admin.history.audit')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((h) => (
                  <tr key={h.auditEntryId} data-type={h.type}>
                    <td class="mono">{h.type}</td>
                    <td>
                      <StatusBadge status={h.status} />
                    </td>
                    <td class="mono">{h.actor}</td>
                    <td>{h.time ? formatDateTime(locale, h.time) : ''}</td>
                    <td>
                      <Link href={`/audit/receipts/${h.auditEntryId}`}>
                        {t('admin.history.open')}
                        <span class="visually-hidden"> ({h.type})</span>
                      </Link>
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
