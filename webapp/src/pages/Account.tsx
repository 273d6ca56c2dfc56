import { api } from '../api/client';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { formatDateTime } from '../i18n/format';
import { bpsToPercent } from '../lib/gov';
import { CopyValue } from '../ui/Copy';
import { keyFor } from '../ui/labels';
import { Link } from '../ui/Link';
import { Show, useAsync } from '../ui/states';

export default function Account() {
  const { t, locale } = useI18n();
  const session = useSession();
  const [me, reload] = useAsync(async () => (await api.GET('/api/v1/me')).data!, [session?.accessToken]);
  return (
    <section>
      <h1 id="page-title">{t('account.title')}</h1>
      <Show value={me} retry={reload}>
        {(m) => (
          <div class="card">
            <dl class="facts">
              <dt>{t('account.did')}</dt>
              <dd>
                {m.did ? (
                  <>
                    <CopyValue value={m.did} id="account-did" />
                    <br />
                    <a href={`/api/v1/dids/${encodeURIComponent(m.did)}`} target="_blank" rel="noopener">
                      {t('account.didDocument')}
                    </a>
                  </>
                ) : (
                  <span id="account-did">{t('account.noDid')}</span>
                )}
              </dd>
              <dt>{t('account.roles')}</dt>
              <dd id="account-roles">
                {(m.roles ?? []).map((r) => {
                  const k = keyFor('role', r);
                  return (
                    <span class="badge" key={r}>
                      {k ? t(k) : r}
                    </span>
                  );
                })}
              </dd>
              <dt>{t('account.memberSince')}</dt>
              <dd id="account-member-since" data-value={m.memberSince ?? ''}>
                {m.memberSince ? formatDateTime(locale, m.memberSince) : t('account.notMember')}
              </dd>
              <dt>{t('account.tier')}</dt>
              <dd id="account-tier" data-bps={m.tierBps ?? ''}>
                {m.tierBps != null ? t('account.tierBps', { percent: bpsToPercent(m.tierBps), bps: m.tierBps }) : '—'}
              </dd>
              <dt>{t('account.method')}</dt>
              <dd>{t(session?.method === 'did' ? 'account.method.did' : 'account.method.password')}</dd>
              <dt>{t('account.username')}</dt>
              <dd class="mono">{m.username}</dd>
              <dt>{t('account.subject')}</dt>
              <dd class="mono" id="account-subject">
                {m.subject}
              </dd>
            </dl>
            <p class="muted">
              {t('account.membershipHint')} <Link href="/credentials">{t('nav.credentials')}</Link>
            </p>
          </div>
        )}
      </Show>
    </section>
  );
}
