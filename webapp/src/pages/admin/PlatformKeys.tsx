import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { ErrorBox, Show, useAsync } from '../../ui/states';

interface Method {
  id: string;
  type: string;
  expires?: string;
  publicKeyJwk?: { kty?: string; crv?: string; x?: string };
  publicKeyMultibase?: string;
}

export default function PlatformKeys() {
  const { t, locale } = useI18n();
  const [n, setN] = useState(0);
  const [doc, retry] = useAsync(async () => {
    const res = await fetch('/.well-known/did.json', { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (!res.ok) throw new Error(`did.json: HTTP ${res.status}`);
    return (await res.json()) as { id: string; verificationMethod: Method[] };
  }, [n]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [rotated, setRotated] = useState<string>();
  const rotate = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { data } = await api.POST('/api/v1/admin/dids/platform/issuer-key', {});
      setRotated((data as unknown as { activeKeyId: string }).activeKeyId);
      setN((x) => x + 1);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">{t('admin.keys.title')}</h2>
      <Show value={doc} retry={retry}>
        {(d) => (
          <>
            <dl class="facts">
              <dt>{t('admin.keys.did')}</dt>
              <dd class="mono" id="platform-did">{d.id}</dd>
            </dl>
            <h3>{t('admin.keys.methods')}</h3>
            <div class="table-wrap" tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.keys.id')}</th>
                    <th scope="col">{t('admin.keys.type')}</th>
                    <th scope="col">{t('admin.keys.expires')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.verificationMethod.map((m) => (
                    <tr key={m.id}>
                      <td class="mono">
                        {m.id.slice(m.id.indexOf('#'))}
                        <div class="muted">{m.publicKeyJwk?.x ?? m.publicKeyMultibase}</div>
                      </td>
                      <td>
                        {m.type}
                        {m.publicKeyJwk?.crv ? ` (${m.publicKeyJwk.crv})` : ''}
                      </td>
                      <td>{m.expires ? formatDateTime(locale, m.expires) : t('admin.keys.active')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </Show>
      <div class="card">
        <p>{t('admin.keys.rotateHelp')}</p>
        <div class="actions">
          <button type="button" class="secondary" id="rotate-issuer-key" onClick={rotate} disabled={busy}>
            {t('admin.keys.rotate')}
          </button>
        </div>
        <div role="status" aria-live="polite">
          {rotated && <p class="notice">{t('admin.keys.rotated', { key: rotated })}</p>}
        </div>
        {error !== undefined && <ErrorBox error={error} />}
      </div>
    </section>
  );
}
