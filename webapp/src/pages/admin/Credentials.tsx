import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { ErrorBox } from '../../ui/states';
import { newKey } from './AdminConsole';

interface Revocation {
  id: string;
  revoked: boolean;
  revokedAt: string;
  statusListIndex: number;
}

export function RevokeForm({ initialId = '', onRevoked }: { initialId?: string; onRevoked?: () => void }) {
  const { t, locale } = useI18n();
  const [id, setId] = useState(initialId);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<Revocation>();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!id.trim()) return;
    setBusy(true);
    setError(undefined);
    try {
      const { data } = await api.POST('/api/v1/credentials/{id}/revocation', {
        params: { path: { id: id.trim() }, header: { 'Idempotency-Key': newKey() } },
        body: { reason: reason.trim() || undefined },
      });
      setDone(data as unknown as Revocation);
      onRevoked?.();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} class="form-grid">
      <label for="credential-id">{t('admin.credentials.id')}</label>
      <input id="credential-id" class="mono" value={id} required aria-required="true"
        onInput={(e) => setId((e.currentTarget as HTMLInputElement).value)} />
      <label for="credential-reason">{t('admin.credentials.reason')}</label>
      <input id="credential-reason" maxLength={500} value={reason} onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} />
      <div class="actions">
        <button type="submit" class="danger" id="revoke-credential" disabled={busy || !id.trim()}>
          {t('admin.credentials.revoke')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {done && (
          <p class="notice">{t('admin.credentials.revoked', { time: formatDateTime(locale, done.revokedAt), index: done.statusListIndex })}</p>
        )}
      </div>
      {error !== undefined && <ErrorBox error={error} />}
    </form>
  );
}

export default function Credentials() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="credentials-title">
      <h2 id="credentials-title">{t('admin.credentials.title')}</h2>
      <p>{t('admin.credentials.intro')}</p>
      <RevokeForm />
    </section>
  );
}
