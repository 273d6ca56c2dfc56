import { api } from '../../api/client';
import { problemOf } from '../../api/problem';
import { useI18n, type MessageKey } from '../../i18n';
import { Show, useAsync } from '../../ui/states';

interface Health {
  status: string;
  checks: { name: string; status: string; data?: Record<string, unknown> }[];
}

async function health(): Promise<Health> {
  // MicroProfile Health answers 503 with the same body when a part is down: that is data here, not an error.
  const res = await fetch('/health', { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!res.ok && res.status !== 503) throw await problemOf(res);
  return (await res.json()) as Health;
}

export default function SystemHealth() {
  const { t } = useI18n();
  const [state, retry] = useAsync(async () => {
    const [h, s] = await Promise.all([health(), api.GET('/api/v1/admin/system', {}).then((r) => r.data!)]);
    return { h, s };
  });
  const label = (name: string): string =>
    ['database', 'keycloak', 'chain'].includes(name) ? t(`admin.system.${name}` as MessageKey) : name;
  const up = (status: string) => (
    <span class={status === 'UP' ? 'ok' : 'bad'} data-health={status}>
      <span aria-hidden="true">{status === 'UP' ? '✔ ' : '✘ '}</span>
      {status === 'UP' || status === 'DOWN' ? t(`admin.system.${status}` as MessageKey) : status}
    </span>
  );
  return (
    <section aria-labelledby="system-title">
      <h2 id="system-title">{t('admin.system.title')}</h2>
      <Show value={state} retry={retry}>
        {({ h, s }) => (
          <>
            <p id="health-overall">
              {t('admin.system.overall')}: {up(h.status)}
            </p>
            <div class="table-wrap" tabIndex={0}>
              <table id="health-checks">
                <thead>
                  <tr>
                    <th scope="col">{t('admin.system.check')}</th>
                    <th scope="col">{t('admin.system.state')}</th>
                    <th scope="col">{t('admin.system.details')}</th>
                  </tr>
                </thead>
                <tbody>
                  {h.checks.map((c) => (
                    <tr key={c.name} data-check={c.name}>
                      <td>{label(c.name)}</td>
                      <td>{up(c.status)}</td>
                      <td class="mono">
                        {Object.entries(c.data ?? {}).map(([k, v]) => (
                          <div key={k}>
                            {k}: {String(v)}
                          </div>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <dl class="facts">
              <dt>{t('admin.system.issuer')}</dt>
              <dd class="mono">{s.issuer}</dd>
              <dt>{t('admin.system.chainId')}</dt>
              <dd>{s.chainId}</dd>
              <dt>{t('admin.system.contract')}</dt>
              <dd class="mono">{s.anchorContract}</dd>
            </dl>
          </>
        )}
      </Show>
      <div class="actions">
        <button type="button" class="secondary" onClick={retry}>
          {t('admin.system.refresh')}
        </button>
      </div>
    </section>
  );
}
