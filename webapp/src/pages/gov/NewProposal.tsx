import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { navigate } from '../../router';
import { useI18n, type MessageKey } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { KIND_BOUNDS, KINDS, MAX_REFERRAL_LEVELS, POLICY_BOUNDS, type Kind } from '../../lib/gov';
import { Show, useAsync } from '../../ui/states';
import { newKey, type KindParams, type Params, type Policy } from './data';
import { GovError } from './GovError';

type Num = Record<string, string>;

type PolicyField = 'partnerPoolBps' | 'platformFeeBps' | 'purchaseRewardBps' | 'reviewRewardPoints' | 'shareRewardPoints';
const POLICY_FIELDS: [PolicyField, string][] = [
  ['partnerPoolBps', 'partnerPoolBps'], ['platformFeeBps', 'platformFeeBps'], ['purchaseRewardBps', 'purchaseRewardBps'],
  ['reviewRewardPoints', 'reviewRewardPoints'], ['shareRewardPoints', 'shareRewardPoints'],
];
const KIND_FIELDS = Object.keys(KIND_BOUNDS) as (keyof typeof KIND_BOUNDS)[];

/**
 * Create a proposal (members, admins; merchants for their own listings): the four kinds, each with its fields, the
 * hard bounds shown beside them (the server checks them; its refusal is shown in the user's language). The
 * revenue policy and the parameters start from those in force. One Idempotency-Key per submitted form.
 */
export default function NewProposal() {
  const { t } = useI18n();
  const session = useSession();
  const [base] = useAsync(async () => {
    const [params, policy] = await Promise.all([
      api.GET('/api/v1/governance/parameters').then((r) => r.data!),
      api.GET('/api/v1/governance/policies/in-force', { params: { query: {} } }).then((r) => r.data!, () => undefined),
    ]);
    return { params, policy: (policy as { version?: { policy?: Policy } } | undefined)?.version?.policy };
  }, []);
  if (!session) return <p class="warning">{t('gov.vote.signIn')}</p>;
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('gov.new.title')}</h1>
      <p class="lead">{t('gov.new.lead')}</p>
      <Show value={base}>{(b) => <Form params={b.params} policy={b.policy} />}</Show>
    </section>
  );
}

function Form({ params, policy }: { params: Params; policy?: Policy }) {
  const { t, locale } = useI18n();
  const [kind, setKind] = useState<Kind>('GENERAL');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [links, setLinks] = useState('');
  const [productRef, setProductRef] = useState('');
  const [merchantDid, setMerchantDid] = useState('');
  const [pol, setPol] = useState<Num>(() => {
    const o: Num = {};
    for (const [k] of POLICY_FIELDS) o[k] = String(policy?.[k] ?? 0);
    o.commissionBps = (policy?.commissionBps ?? []).join(', ');
    return o;
  });
  const [editKind, setEditKind] = useState<Kind>('GENERAL');
  const [kp, setKp] = useState<Record<string, Num>>(() => {
    const o: Record<string, Num> = {};
    for (const k of KINDS) {
      o[k] = {};
      for (const f of KIND_FIELDS) o[k][f] = String(params.kinds?.[k]?.[f] ?? '');
    }
    return o;
  });
  const [maxLevels, setMaxLevels] = useState(String(params.maxReferralLevels ?? 2));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const int = (s: string) => (/^\s*-?\d+\s*$/.test(s) ? Number(s) : (s as unknown as number)); // the server names a non-number
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const body: Record<string, unknown> = {
      kind, title: title.trim(), description: description.trim(),
      links: links.split('\n').map((l) => l.trim()).filter(Boolean),
    };
    if (kind === 'PRODUCT_LISTING') {
      body.productRef = productRef.trim();
      if (merchantDid.trim()) body.merchantDid = merchantDid.trim();
    }
    if (kind === 'REVENUE_POLICY') {
      body.policy = {
        ...Object.fromEntries(POLICY_FIELDS.map(([k]) => [k, int(pol[k])])),
        commissionBps: pol.commissionBps.split(/[,\s]+/).filter(Boolean).map(int),
        pointExchangeRates: policy?.pointExchangeRates ?? [],
      };
    }
    if (kind === 'GOVERNANCE_PARAMETERS') {
      body.parameters = {
        kinds: Object.fromEntries(KINDS.map((k) => [k, {
          ...params.kinds?.[k],
          ...Object.fromEntries(KIND_FIELDS.map((f) => [f, int(kp[k][f])])),
        } as KindParams])),
        tierSchedule: params.tierSchedule,
        maxReferralLevels: int(maxLevels),
      };
    }
    try {
      const created = (await api.POST('/api/v1/governance/proposals', {
        params: { header: { 'Idempotency-Key': newKey() } },
        body: body as never,
      })).data!;
      navigate(`/governance/proposals/${encodeURIComponent(created.id!)}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const bounds = (b: readonly [number, number]) => t('gov.new.bounds', { min: formatNumber(locale, b[0]), max: formatNumber(locale, b[1]) });
  const numField = (id: string, label: MessageKey, value: string, set: (v: string) => void, hint: string) => (
    <div key={id}>
      <label for={id}>{t(label)}</label>
      <input id={id} inputMode="numeric" value={value} aria-describedby={`${id}-hint`}
        onInput={(e) => set((e.currentTarget as HTMLInputElement).value)} />
      <p class="hint" id={`${id}-hint`}>{hint}</p>
    </div>
  );
  return (
    <form class="card form-grid" onSubmit={submit} id="new-proposal">
      <label for="np-kind">{t('gov.list.kind')}</label>
      <select id="np-kind" value={kind} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as Kind)}>
        {KINDS.map((k) => <option key={k} value={k}>{t(`gov.kind.${k}` as MessageKey)}</option>)}
      </select>
      <p class="hint">{t(`gov.kindHint.${kind}` as MessageKey)}</p>
      <label for="np-title">{t('gov.new.titleField')}</label>
      <input id="np-title" value={title} maxLength={200} required onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)} />
      <label for="np-description">{t('gov.new.description')}</label>
      <textarea id="np-description" rows={5} value={description} onInput={(e) => setDescription((e.currentTarget as HTMLTextAreaElement).value)} />
      <label for="np-links">{t('gov.new.links')}</label>
      <textarea id="np-links" rows={2} value={links} aria-describedby="np-links-hint" onInput={(e) => setLinks((e.currentTarget as HTMLTextAreaElement).value)} />
      <p class="hint" id="np-links-hint">{t('gov.new.linksHint')}</p>
      {kind === 'PRODUCT_LISTING' && (
        <fieldset>
          <legend>{t('gov.params.title.PRODUCT_LISTING')}</legend>
          <label for="np-product">{t('gov.field.productRef')}</label>
          <input id="np-product" value={productRef} onInput={(e) => setProductRef((e.currentTarget as HTMLInputElement).value)} />
          <label for="np-merchant">{t('gov.field.merchantDid')}</label>
          <input id="np-merchant" value={merchantDid} placeholder="did:web:…" onInput={(e) => setMerchantDid((e.currentTarget as HTMLInputElement).value)} />
        </fieldset>
      )}
      {kind === 'REVENUE_POLICY' && (
        <fieldset>
          <legend>{t('gov.params.title.REVENUE_POLICY')}</legend>
          <div class="params-grid">
            {POLICY_FIELDS.map(([k]) => numField(`np-${k}`, `gov.field.${k}` as MessageKey, pol[k], (v) => setPol({ ...pol, [k]: v }), bounds(POLICY_BOUNDS[k])))}
            {numField('np-commissionBps', 'gov.field.commissionBps', pol.commissionBps, (v) => setPol({ ...pol, commissionBps: v }),
              t('gov.new.commissionHint', { levels: params.maxReferralLevels ?? 2, max: MAX_REFERRAL_LEVELS, per: POLICY_BOUNDS.commissionBpsPerLevel[1], total: POLICY_BOUNDS.commissionBpsTotal[1] }))}
          </div>
          <p class="hint">{t('gov.new.bpsHint')}</p>
        </fieldset>
      )}
      {kind === 'GOVERNANCE_PARAMETERS' && (
        <fieldset>
          <legend>{t('gov.params.title.GOVERNANCE_PARAMETERS')}</legend>
          <label for="np-edit-kind">{t('gov.new.paramsFor')}</label>
          <select id="np-edit-kind" value={editKind} onChange={(e) => setEditKind((e.currentTarget as HTMLSelectElement).value as Kind)}>
            {KINDS.map((k) => <option key={k} value={k}>{t(`gov.kind.${k}` as MessageKey)}</option>)}
          </select>
          <div class="params-grid">
            {KIND_FIELDS.map((f) => numField(`np-${editKind}-${f}`, `gov.field.${f}` as MessageKey, kp[editKind][f],
              (v) => setKp({ ...kp, [editKind]: { ...kp[editKind], [f]: v } }), bounds(KIND_BOUNDS[f])))}
            {numField('np-maxReferralLevels', 'gov.field.maxReferralLevels', maxLevels, setMaxLevels, bounds([1, MAX_REFERRAL_LEVELS]))}
          </div>
          <p class="hint">{t('gov.new.paramsHint')}</p>
        </fieldset>
      )}
      {error !== undefined && <GovError error={error} id="new-proposal-error" />}
      <div class="actions">
        <button type="submit" class="primary" id="np-submit" disabled={busy}>{busy ? t('gov.vote.sending') : t('gov.new.submit')}</button>
      </div>
    </form>
  );
}
