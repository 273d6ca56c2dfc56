import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { useI18n, type MessageKey } from '../../i18n';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { KINDS, STATES } from '../../lib/gov';
import { Link } from '../../ui/Link';
import { Empty, ErrorBox, Loading } from '../../ui/states';
import { tally, type Proposal, type Tally } from './data';
import { KindBadge, StateBadge } from './Governance';

/** The proposals, newest first, filtered by state and kind, paged by the API's cursor ("Show more"). */
export default function ProposalList() {
  const { t } = useI18n();
  const [state, setState] = useState('');
  const [kind, setKind] = useState('');
  const [filter, setFilter] = useState({ state: '', kind: '' });
  const [items, setItems] = useState<Proposal[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [load, setLoad] = useState<{ s: 'loading' } | { s: 'ready' } | { s: 'error'; e: unknown }>({ s: 'loading' });
  const fetchPage = async (cursor: string | undefined, append: boolean) => {
    setLoad({ s: 'loading' });
    try {
      const page = (await api.GET('/api/v1/governance/proposals', {
        params: { query: { state: filter.state || undefined, kind: filter.kind || undefined, cursor, limit: 10 } },
      })).data!;
      setItems((old) => (append ? [...old, ...(page.items ?? [])] : (page.items ?? [])));
      setNext(page.next ?? null);
      setLoad({ s: 'ready' });
    } catch (e) {
      setLoad({ s: 'error', e });
    }
  };
  useEffect(() => {
    void fetchPage(undefined, false);
  }, [filter.state, filter.kind]);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('gov.list.title')}</h1>
      <p class="lead">{t('gov.list.lead')}</p>
      <form class="filters" role="search" onSubmit={(e) => { e.preventDefault(); setFilter({ state, kind }); }}>
        <div>
          <label for="filter-state">{t('gov.list.state')}</label>
          <select id="filter-state" value={state} onChange={(e) => setState((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('gov.list.any')}</option>
            {STATES.map((s) => <option key={s} value={s}>{t(`gov.state.${s}` as MessageKey)}</option>)}
          </select>
        </div>
        <div>
          <label for="filter-kind">{t('gov.list.kind')}</label>
          <select id="filter-kind" value={kind} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('gov.list.any')}</option>
            {KINDS.map((k) => <option key={k} value={k}>{t(`gov.kind.${k}` as MessageKey)}</option>)}
          </select>
        </div>
        <div>
          <button type="submit" class="secondary" id="filter-apply">{t('gov.list.apply')}</button>
        </div>
      </form>
      {load.s === 'ready' && items.length === 0 && <Empty>{t('gov.list.none')}</Empty>}
      <ul class="proposals" id="proposals">
        {items.map((p) => <Item key={p.id} p={p} />)}
      </ul>
      {load.s === 'loading' && <Loading />}
      {load.s === 'error' && <ErrorBox error={load.e} onRetry={() => fetchPage(undefined, false)} />}
      {load.s === 'ready' && next && (
        <div class="actions">
          <button type="button" class="secondary" id="proposals-more" onClick={() => fetchPage(next, true)}>
            {t('gov.list.more')}
          </button>
        </div>
      )}
    </section>
  );
}

function Item({ p }: { p: Proposal }) {
  const { t, locale } = useI18n();
  const [live, setLive] = useState<Tally | null | undefined>(undefined);
  useEffect(() => {
    if (p.state === 'PENDING') return;
    tally(p.id!).then(setLive, () => setLive(null));
  }, [p.id, p.state]);
  return (
    <li class="card proposal-item" data-proposal={p.id}>
      <h2>
        <Link href={`/governance/proposals/${encodeURIComponent(p.id!)}`}>{p.title}</Link>
      </h2>
      <div class="meta">
        <StateBadge state={p.state} />
        <KindBadge kind={p.kind} />
      </div>
      <div class="meta">
        <span>{t('gov.time.starts', { at: formatDateTime(locale, p.votingStartsAt!) })}</span>
        {p.votingEndsAt && <span>{t('gov.time.ends', { at: formatDateTime(locale, p.votingEndsAt) })}</span>}
      </div>
      {live && (
        <p class="meta tally-summary">
          <span>{t('tally.field.for')}: {formatNumber(locale, live.for ?? '0')}</span>
          <span>{t('tally.field.against')}: {formatNumber(locale, live.against ?? '0')}</span>
          <span>{t('tally.field.abstain')}: {formatNumber(locale, live.abstain ?? '0')}</span>
          <span>{live.quorumReached ? t('gov.tally.quorumYes') : t('gov.tally.quorumNo')}</span>
          {live.final && <span>{t('gov.tally.final')}</span>}
        </p>
      )}
    </li>
  );
}
