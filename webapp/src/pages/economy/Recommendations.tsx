import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { ProblemError } from '../../api/problem';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n';
import { formatDateTime, formatMoney, formatNumber } from '../../i18n/format';
import { Link } from '../../ui/Link';
import { Empty, Show, type Async } from '../../ui/states';
import { act, EconError } from './EconError';

type Consents = components['schemas']['ConsentView'];
type RecommendationList = components['schemas']['RecommendationList'];
type Recommendation = components['schemas']['Recommendation'];

/**
 * Consents and recommendations (issue 12 items 7 and 8): what the recommendations use, off until the partner turns
 * them on; while on, products with the reason for each; turning off deletes the derived profile at once.
 */
export default function Recommendations() {
  const { t, locale } = useI18n();
  const [consents, setConsents] = useState<Async<Consents>>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const reload = () =>
    void api.GET('/api/v1/me/consents').then(
      (r) => setConsents({ state: 'ready', value: r.data! }),
      (e) => setConsents({ state: 'error', error: e }),
    );
  useEffect(reload, []);

  const change = (on: boolean) =>
    act(setBusy, setError, async () => {
      const r = await api.PUT('/api/v1/me/consents', { body: { recommendations: on } as never });
      setConsents({ state: 'ready', value: r.data! });
      setNotice(on ? t('econ.reco.turnedOn') : t('econ.reco.turnedOff', { n: String(previousSize(consents)) }));
    });

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('econ.reco.title')}</h1>
      <Show value={consents} retry={reload}>
        {(c) => (
          <>
            {/* On: the list first (what a phone shows without scrolling), the consent below with its terms folded. */}
            {c.recommendations && <List key={c.updatedAt ?? ''} />}
            <section class="card" aria-labelledby="consent-title" id="consent" data-consent={String(!!c.recommendations)}>
              <h2 id="consent-title">{t('econ.reco.consentTitle')}</h2>
              {c.recommendations ? (
                <details>
                  <summary>{t('econ.reco.whatUsed')}</summary>
                  <Uses />
                </details>
              ) : <Uses />}
              <p id="consent-state">
                <strong>{c.recommendations ? t('econ.reco.on') : t('econ.reco.off')}</strong>
                {c.updatedAt && <> · {t('econ.reco.since', { at: formatDateTime(locale, c.updatedAt) })}</>}
                {c.auditEntryId != null && <> · <Link href={`/audit/receipts/${c.auditEntryId}`}>{t('econ.auditProof')}</Link></>}
              </p>
              {c.recommendations && (
                <p class="muted" id="profile-size">{t('econ.reco.profile', { n: formatNumber(locale, c.profileSize ?? 0) })}</p>
              )}
              <button type="button" id="consent-toggle" disabled={busy} aria-pressed={!!c.recommendations}
                class={c.recommendations ? 'secondary' : undefined} onClick={() => void change(!c.recommendations)}>
                {c.recommendations ? t('econ.reco.turnOff') : t('econ.reco.turnOn')}
              </button>
              {notice && <p class="notice" role="status" id="consent-notice">{notice}</p>}
              {error !== undefined && <EconError error={error} id="consent-error" />}
            </section>
            {!c.recommendations && <p class="muted" id="reco-off">{t('econ.reco.offNote')}</p>}
          </>
        )}
      </Show>
    </section>
  );
}

function Uses() {
  const { t } = useI18n();
  return (
    <>
      <p>{t('econ.reco.uses')}</p>
      <ul>
        <li>{t('econ.reco.use1')}</li>
        <li>{t('econ.reco.use2')}</li>
        <li>{t('econ.reco.use3')}</li>
      </ul>
    </>
  );
}

function previousSize(c: Async<Consents>): number {
  return c.state === 'ready' ? c.value.profileSize ?? 0 : 0;
}

function List() {
  const { t } = useI18n();
  const [list, setList] = useState<Async<RecommendationList>>({ state: 'loading' });
  const reload = () =>
    void api.GET('/api/v1/me/recommendations', { params: { query: { limit: 20 } } }).then(
      (r) => setList({ state: 'ready', value: r.data! }),
      (e) => setList({ state: 'error', error: e }),
    );
  useEffect(reload, []);
  if (list.state === 'error' && list.error instanceof ProblemError) {
    return <EconError error={list.error} id="reco-error" />;
  }
  return (
    <section aria-labelledby="reco-title">
      <h2 id="reco-title">{t('econ.reco.listTitle')}</h2>
      <Show value={list} retry={reload}>
        {(l) => ((l.items ?? []).length === 0 ? <div id="reco-none"><Empty>{t('econ.reco.none')}</Empty></div> : (
          <ul class="reco-list" id="reco-items">
            {(l.items ?? []).map((r) => <Item key={r.productId} r={r} />)}
          </ul>
        ))}
      </Show>
    </section>
  );
}

function Item({ r }: { r: Recommendation }) {
  const { t, locale } = useI18n();
  const price = (r.prices ?? [])[0];
  const because = r.becauseName ?? '';
  const why = r.reason === 'CO_PURCHASED'
    ? t('econ.reco.whyCoPurchased', { because, n: formatNumber(locale, r.coBuyers ?? 0) })
    : t('econ.reco.whySameMerchant', { because });
  return (
    <li class="card reco" data-product={r.productId} data-reason={r.reason}>
      <h3><Link href={`/shop/products/${encodeURIComponent(r.productId!)}`}>{r.name}</Link></h3>
      {price && <p class="price">{formatMoney(locale, price.amount ?? 0, price.currency ?? 'CNY')}</p>}
      <p class="why">{why}</p>
    </li>
  );
}
