import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { useI18n, type MessageKey } from '../../i18n';
import { formatDateTime, formatMoney, formatNumber } from '../../i18n/format';
import { isPoints, jwsHeader, pointer, proofIndex, shortId, type Report } from '../../lib/economy';
import { Link } from '../../ui/Link';
import { keyFor } from '../../ui/labels';
import { Empty, Show, useAsync } from '../../ui/states';
import { EconError } from './EconError';
import './economy.css';

type Item = { periodId?: string; start?: string; end?: string; state?: string };

/** The public transparency reports (issue 12, item 6): /transparency (periods), /transparency/:periodId (a report). */
export default function Transparency({ path }: { path: string }) {
  const id = path.replace(/\/+$/, '').split('/')[2];
  return id ? <ReportPage id={decodeURIComponent(id)} /> : <Periods />;
}

function Periods() {
  const { t, locale } = useI18n();
  const [items, setItems] = useState<Item[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [page, reload] = useAsync(async () => {
    const p = (await api.GET('/api/v1/reports', { params: { query: { cursor } } })).data!;
    setItems((old) => [...(cursor ? old : []), ...((p.items ?? []) as Item[])]);
    return p;
  }, [cursor]);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('econ.report.title')}</h1>
      <p class="lead">{t('econ.report.lead')}</p>
      {items.length > 0 && (
        <ul class="balances" id="report-periods">
          {items.map((p) => {
            const k = keyFor('econ.period.state', p.state ?? '');
            return (
              <li key={p.periodId} data-period={p.periodId} data-state={p.state}>
                <span>
                  <Link href={`/transparency/${encodeURIComponent(p.periodId ?? '')}`}>
                    {p.start ? formatDateTime(locale, p.start) : p.periodId} – {p.end ? formatDateTime(locale, p.end) : ''}
                  </Link>
                </span>
                <span class="badge">{k ? t(k) : p.state}</span>
              </li>
            );
          })}
        </ul>
      )}
      <Show value={page} retry={reload}>
        {(p) => (
          <>
            {items.length === 0 && <Empty>{t('econ.report.noPeriods')}</Empty>}
            {p.next && (
              <div class="actions">
                <button type="button" class="secondary" id="report-more" onClick={() => setCursor(p.next)}>{t('econ.more')}</button>
              </div>
            )}
          </>
        )}
      </Show>
    </section>
  );
}

async function loadReport(id: string): Promise<Report> {
  return (await api.GET('/api/v1/reports/{periodId}', { params: { path: { periodId: id } } })).data as unknown as Report;
}

function ReportPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const [report] = useAsync(() => loadReport(id), [id]);
  return (
    <section aria-labelledby="page-title">
      <p><Link href="/transparency">{t('econ.report.back')}</Link></p>
      <h1 id="page-title">{t('econ.report.one')}</h1>
      <p class="mono">{id}</p>
      {report.state === 'error' ? <EconError error={report.error} id="report-error" /> : (
        <Show value={report}>{(r) => <ReportBody r={r} locale={locale} />}</Show>
      )}
    </section>
  );
}

const ASSET_FIGURES = ['revenue', 'platformFee', 'partnerPool', 'distributed', 'undistributed'] as const;
const PAYOUT_FIGURES = ['count', 'min', 'median', 'max', 'gini'] as const;
const COMMISSION_FIGURES = ['earned', 'clawedBack', 'paid'] as const;
const POINT_FIGURES = ['issued', 'redeemed', 'expired', 'exchanged'] as const;

function ReportBody({ r, locale }: { r: Report; locale: string }) {
  const { t } = useI18n();
  const proofs = proofIndex(r.proofs);
  const placed = new Set<string>();
  const fig = (ptr: string, label: MessageKey, value: string) => {
    placed.add(ptr);
    return <Figure key={ptr} ptr={ptr} label={t(label)} value={value} indexes={proofs.get(ptr)} />;
  };
  const currencies = Object.keys(r.byAsset ?? {});
  const payoutAsset = currencies.length === 1 ? currencies[0]! : undefined;
  const money = (v: string | undefined, asset: string) => (isPoints(asset) ? formatNumber(locale as never, v ?? '0') : formatMoney(locale as never, v ?? '0', asset));
  const header = jwsHeader(r.signature);
  const sections = (
    <>
      <p>{t('econ.report.span', { start: r.start ? formatDateTime(locale as never, r.start) : '', end: r.end ? formatDateTime(locale as never, r.end) : '' })}</p>
      <p class="muted">{t('econ.report.proofNote')}</p>
      {Object.entries(r.byAsset ?? {}).map(([asset, f]) => (
        <section class="card" key={asset} data-asset={asset} aria-labelledby={`asset-${asset}`}>
          <h2 id={`asset-${asset}`}>{t('econ.report.byAsset', { asset })}</h2>
          <dl class="econ-figures">
            {ASSET_FIGURES.map((k) => fig(pointer('byAsset', asset, k), `econ.report.f.${k}` as MessageKey, money(f[k], asset)))}
          </dl>
        </section>
      ))}
      {r.payouts && (
        <section class="card" aria-labelledby="payouts-title">
          <h2 id="payouts-title">{t('econ.report.payouts')}</h2>
          <dl class="econ-figures">
            {PAYOUT_FIGURES.map((k) => fig(pointer('payouts', k), `econ.report.p.${k}` as MessageKey,
              k === 'count' || k === 'gini' || !payoutAsset ? (r.payouts![k] ?? '') : money(r.payouts![k], payoutAsset)))}
          </dl>
        </section>
      )}
      {r.commissions && (
        <section class="card" aria-labelledby="commissions-title">
          <h2 id="commissions-title">{t('econ.report.commissions')}</h2>
          <dl class="econ-figures">
            {COMMISSION_FIGURES.map((k) => fig(pointer('commissions', k), `econ.commissions.total.${k}` as MessageKey,
              payoutAsset ? money(r.commissions![k], payoutAsset) : (r.commissions![k] ?? '')))}
          </dl>
        </section>
      )}
      {Object.keys(r.points ?? {}).length > 0 && (
        <section class="card" aria-labelledby="points-title">
          <h2 id="points-title">{t('econ.report.points')}</h2>
          {Object.entries(r.points!).map(([brand, f]) => (
            <div key={brand} data-brand={brand}>
              <h3 class="mono" title={brand}>{shortId(brand)}</h3>
              <dl class="econ-figures">
                {POINT_FIGURES.map((k) => fig(pointer('points', brand, k), `econ.report.pt.${k}` as MessageKey, formatNumber(locale as never, f[k] ?? '0')))}
              </dl>
            </div>
          ))}
        </section>
      )}
      {(r.dataUse ?? []).length > 0 && (
        <section class="card" aria-labelledby="datause-title">
          <h2 id="datause-title">{t('econ.report.dataUse')}</h2>
          <dl class="econ-figures" id="data-use">
            {r.dataUse!.map((d, i) => fig(pointer('dataUse', i, 'count'), 'econ.report.dataUseCount', `${d.purpose ?? ''} (${[d.dataCategories ?? []].flat().join(', ')}): ${d.count ?? 0}`))}
          </dl>
        </section>
      )}
    </>
  );
  // Figures the server proves that no section above shows: listed, not lost.
  const extra = (r.proofs ?? []).filter((p) => p.figure && !placed.has(p.figure));
  return (
    <>
      {sections}
      {extra.length > 0 && (
        <section class="card" aria-labelledby="other-title">
          <h2 id="other-title">{t('econ.report.other')}</h2>
          <dl class="econ-figures">
            {extra.map((p) => <Figure key={p.figure} ptr={p.figure!} label={p.figure!} value="" indexes={p.auditIndexes} />)}
          </dl>
        </section>
      )}
      {(r.notes ?? []).length > 0 && (
        <section class="card" aria-labelledby="notes-title">
          <h2 id="notes-title">{t('econ.report.notes')}</h2>
          <ul>{r.notes!.map((n) => <li key={n}>{n}</li>)}</ul>
        </section>
      )}
      <section class="card" aria-labelledby="signature-title" id="report-signature">
        <h2 id="signature-title">{t('econ.report.signature')}</h2>
        {r.auditIndex != null && (
          <p>{t('econ.report.ownEntry')} <Link href={`/audit/entries/${r.auditIndex}`}>#{r.auditIndex}</Link></p>
        )}
        {r.signature ? (
          <>
            <p>{t('econ.report.signedBy', { alg: header?.alg ?? '?', kid: header?.kid ?? '?' })}</p>
            <p class="mono signature" id="signature-value">{r.signature}</p>
            <details open>
              <summary>{t('econ.report.howToVerify')}</summary>
              <ol>
                <li>{t('econ.report.verify1')}</li>
                <li>{t('econ.report.verify2')}</li>
                <li>{t('econ.report.verify3')}</li>
                <li>{t('econ.report.verify4')}</li>
              </ol>
            </details>
          </>
        ) : <p class="warning">{t('econ.report.unsigned')}</p>}
      </section>
    </>
  );
}

/** One figure and the audit entries it is recomputed from, each a link into the audit explorer. */
function Figure({ ptr, label, value, indexes }: { ptr: string; label: string; value: string; indexes?: number[] }) {
  const { t } = useI18n();
  const list = indexes ?? [];
  const shown = list.slice(0, 6);
  return (
    <div data-figure={ptr} data-proofs={list.join(',')}>
      <dt>{label}</dt>
      <dd>
        {value}{' '}
        <span class="proof-links">
          {list.length === 0 ? <span class="muted">{t('econ.report.noEntries')}</span> : (
            <>
              <span class="visually-hidden">{t('econ.report.provenBy')}</span>
              {shown.map((i) => (
                <Link key={i} href={`/audit/entries/${i}`}>#{i}</Link>
              ))}
              {list.length > shown.length && (
                <details>
                  <summary>{t('econ.report.moreEntries', { n: list.length - shown.length })}</summary>
                  {list.slice(shown.length).map((i) => <Link key={i} href={`/audit/entries/${i}`}>#{i} </Link>)}
                </details>
              )}
            </>
          )}
        </span>
      </dd>
    </div>
  );
}
