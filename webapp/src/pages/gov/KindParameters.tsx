import { useI18n, type MessageKey } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { bpsToPercent, KINDS } from '../../lib/gov';
import type { KindParams, Params, Policy, Proposal } from './data';

/** What the proposal would do, by kind: the listing's product, the revenue policy, or the new parameters. */
export function KindParameters({ p }: { p: Proposal }) {
  const { t } = useI18n();
  if (p.kind === 'GENERAL') return null;
  return (
    <section class="card" aria-labelledby="kind-params-title" id="kind-params">
      <h2 id="kind-params-title">{t(`gov.params.title.${p.kind}` as MessageKey)}</h2>
      {p.kind === 'PRODUCT_LISTING' && (
        <dl class="facts">
          <dt>{t('gov.field.productRef')}</dt>
          <dd class="mono">{p.productRef}</dd>
          <dt>{t('gov.field.merchantDid')}</dt>
          <dd class="mono">{p.merchantDid ?? '—'}</dd>
        </dl>
      )}
      {p.kind === 'REVENUE_POLICY' && p.policy && <PolicyFacts policy={p.policy} />}
      {p.kind === 'GOVERNANCE_PARAMETERS' && p.parameters && <ParamsFacts params={p.parameters} />}
    </section>
  );
}

export function PolicyFacts({ policy }: { policy: Policy }) {
  const { t, locale } = useI18n();
  const pct = (v: number | undefined) => t('gov.percent', { v: bpsToPercent(v ?? 0) });
  return (
    <dl class="facts" id="policy-facts">
      <dt>{t('gov.field.partnerPoolBps')}</dt>
      <dd>{pct(policy.partnerPoolBps)}</dd>
      <dt>{t('gov.field.platformFeeBps')}</dt>
      <dd>{pct(policy.platformFeeBps)}</dd>
      <dt>{t('gov.field.commissionBps')}</dt>
      <dd>{(policy.commissionBps ?? []).map((c, i) => t('gov.params.level', { n: i + 1, v: pct(c) })).join(' · ') || '—'}</dd>
      <dt>{t('gov.field.purchaseRewardBps')}</dt>
      <dd>{pct(policy.purchaseRewardBps)}</dd>
      <dt>{t('gov.field.reviewRewardPoints')}</dt>
      <dd>{formatNumber(locale, policy.reviewRewardPoints ?? 0)}</dd>
      <dt>{t('gov.field.shareRewardPoints')}</dt>
      <dd>{formatNumber(locale, policy.shareRewardPoints ?? 0)}</dd>
      <dt>{t('gov.field.pointExchangeRates')}</dt>
      <dd>
        {(policy.pointExchangeRates ?? []).length === 0
          ? '—'
          : (policy.pointExchangeRates ?? []).map((r) => `${r.from} → ${r.to}: ${pct(r.rateBps as number)}`).join(' · ')}
      </dd>
    </dl>
  );
}

export function ParamsFacts({ params }: { params: Params }) {
  const { t, locale } = useI18n();
  const rows: (keyof KindParams)[] = ['strategy', 'votingDelaySeconds', 'votingPeriodSeconds', 'quorumBps', 'thresholdBps',
    'timelockSeconds', 'graceSeconds', 'lateQuorumSeconds', 'proposalThresholdSeconds', 'contributionCap', 'contributionWindowSeconds'];
  const show = (k: keyof KindParams, v: unknown): string => {
    if (k === 'strategy') return t(`gov.strategy.${v}` as MessageKey);
    if (String(k).endsWith('Bps')) return t('gov.percent', { v: bpsToPercent(Number(v)) });
    if (String(k).endsWith('Seconds')) return t('gov.seconds', { n: formatNumber(locale, Number(v)) });
    return formatNumber(locale, Number(v));
  };
  return (
    <>
      <div class="table-wrap" tabIndex={0}>
        <table id="params-table">
          <thead>
            <tr>
              <th scope="col">{t('gov.params.parameter')}</th>
              {KINDS.map((k) => <th scope="col" key={k}>{t(`gov.kind.${k}` as MessageKey)}</th>)}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r}>
                <th scope="row">{t(`gov.field.${r}` as MessageKey)}</th>
                {KINDS.map((k) => <td key={k}>{params.kinds?.[k] ? show(r, params.kinds[k][r]) : '—'}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl class="facts">
        <dt>{t('gov.field.maxReferralLevels')}</dt>
        <dd>{params.maxReferralLevels}</dd>
        <dt>{t('gov.field.tierSchedule')}</dt>
        <dd>
          {(params.tierSchedule ?? []).map((s) => t('gov.params.tier', { after: formatNumber(locale, s.afterSeconds ?? 0), v: bpsToPercent(s.bps ?? 0) })).join(' · ')}
        </dd>
      </dl>
    </>
  );
}
