import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n';
import { formatDateTime, formatMoney } from '../../i18n/format';
import { shareArithmetic, shortId } from '../../lib/economy';
import { Link } from '../../ui/Link';
import { keyFor } from '../../ui/labels';
import { Empty, Show, useAsync } from '../../ui/states';

type Statement = components['schemas']['Statement'];
type Line = components['schemas']['StatementLine1'];
type CoLine = components['schemas']['CoCreationLine'];

/** My revenue-share statements, one per period in which I had a weight, each with its arithmetic written out. */
export default function Statements() {
  const { t } = useI18n();
  const [list, reload] = useAsync(async () => (await api.GET('/api/v1/me/statements')).data ?? [], []);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('econ.statements.title')}</h1>
      <p class="lead">{t('econ.statements.lead')}</p>
      <details class="card">
        <summary>{t('econ.statements.rules')}</summary>
        <p>{t('econ.statements.weightRule')}</p>
        <p>{t('econ.statements.remainderRule')}</p>
      </details>
      <Show value={list} retry={reload}>
        {(items) => items.length === 0 ? <div id="statements-none"><Empty>{t('econ.statements.none')}</Empty></div> : (
          <div id="statements">{items.map((s) => <StatementCard key={s.periodId} s={s} />)}</div>
        )}
      </Show>
    </section>
  );
}

function StatementCard({ s }: { s: Statement }) {
  const { t, locale } = useI18n();
  const state = keyFor('econ.period.state', s.state ?? '');
  return (
    <section class="card statement" data-period={s.periodId} aria-labelledby={`st-${s.periodId}`}>
      <h2 id={`st-${s.periodId}`}>
        {t('econ.statements.period', { start: s.start ? formatDateTime(locale, s.start) : '', end: s.end ? formatDateTime(locale, s.end) : '' })}{' '}
        <span class="badge" data-state={s.state}>{state ? t(state) : s.state}</span>
      </h2>
      <p class="muted mono">{s.periodId}</p>
      {(s.lines ?? []).map((l) => <LineView key={l.asset} l={l} />)}
      {(s.coCreation ?? []).length > 0 && (
        <div class="statement-cocreation">
          <h3>{t('econ.statements.coCreation')}</h3>
          {(s.coCreation ?? []).map((c) => <CoCreationView key={`${c.productId}-${c.asset}`} c={c} />)}
        </div>
      )}
    </section>
  );
}

/** Spend plus referrals (the seed's weights, or a server from before they were governed): the short sentence. */
function defaultWeights(l: Line): boolean {
  const w = l.contributionWeights;
  return !w || (w.spendBps === 10000 && w.referralsBps === 10000 && w.coCreationBps === 0);
}

function LineView({ l }: { l: Line }) {
  const { t, locale } = useI18n();
  const asset = l.asset ?? 'CNY';
  const m = (v: string | bigint | undefined) => formatMoney(locale, v ?? 0, asset);
  const a = shareArithmetic(l);
  const payout = keyFor('econ.payout.status', l.payoutStatus ?? '');
  return (
    <div class="statement-line" data-asset={asset} data-my-share={l.myShare} data-payout={l.payoutStatus}
      data-weight={l.myWeight} data-total-weight={l.totalWeight} data-pool={l.pool}>
      <h3>{asset}</h3>
      <h4 class="visually-hidden">{t('econ.statements.arithmetic')}</h4>
      <div class="arith">
        {defaultWeights(l)
          ? <p>{t('econ.statements.myWeight', { spend: m(l.mySpend), referrals: m(l.myReferrals), weight: m(l.myWeight) })}</p>
          : <p>{t('econ.statements.myWeightFactors', { spend: m(l.mySpend), referrals: m(l.myReferrals),
            coCreation: m(l.myCoCreation), spendBps: String(l.contributionWeights?.spendBps),
            referralsBps: String(l.contributionWeights?.referralsBps),
            coCreationBps: String(l.contributionWeights?.coCreationBps),
            divisor: String(l.contributionWeights?.divisor), weight: m(l.myWeight) })}</p>}
        <p>{t('econ.statements.exact', { weight: m(l.myWeight), total: m(l.totalWeight), pool: m(l.pool), exact: a.exact })}</p>
        <p>{t('econ.statements.floor', { floor: a.floor.toString() })}</p>
        <p>{a.extraUnit ? t('econ.statements.extraUnit') : t('econ.statements.noExtraUnit')}</p>
        <p class="my-share"><strong>{t('econ.statements.share', { share: m(l.myShare), minor: l.myShare ?? '0' })}</strong></p>
      </div>
      {!a.consistent && <p class="warning">{t('econ.statements.inconsistent')}</p>}
      <p>{t('econ.statements.payout')} <span class="badge" data-payout={l.payoutStatus}>{payout ? t(payout) : l.payoutStatus}</span></p>
    </div>
  );
}

/** A co-creator's line: their bps of what the product accrued for its co-creators in the period. */
function CoCreationView({ c }: { c: CoLine }) {
  const { t, locale } = useI18n();
  const asset = c.asset ?? 'CNY';
  const st = keyFor('econ.statements.coCreationStatus', c.status ?? '') ?? keyFor('econ.payout.status', c.status ?? '');
  return (
    <div class="statement-line cocreation-line" data-product={c.productId} data-status={c.status} data-my-share={c.myShare}>
      <p>{t('econ.statements.coCreationProduct')} <Link href={`/shop/products/${c.productId ?? ''}`} class="mono">{shortId(c.productId ?? '')}</Link></p>
      <p>{t('econ.statements.coCreationArith', { bps: ((c.shareBps ?? 0) / 100).toString(), accrued: formatMoney(locale, c.productAccrued ?? '0', asset) })}</p>
      <p class="my-share"><strong>{t('econ.statements.share', { share: formatMoney(locale, c.myShare ?? '0', asset), minor: c.myShare ?? '0' })}</strong></p>
      <p>{t('econ.statements.payout')} <span class="badge" data-status={c.status}>{st ? t(st) : c.status}</span></p>
    </div>
  );
}
