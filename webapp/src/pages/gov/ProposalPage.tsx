import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useSession } from '../../auth/session';
import VerifyTallyPanel from '../../components/VerifyTallyPanel';
import { useI18n, type MessageKey } from '../../i18n';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { ballotsOf, barPercent, bpsToPercent, deriveWeight, type MyBallot } from '../../lib/gov';
import { Link } from '../../ui/Link';
import { Show, useAsync } from '../../ui/states';
import { allBallots, proposal, tally, usePoll, weights, type Proposal, type Tally, type Weights } from './data';
import { KindBadge, StateBadge } from './Governance';
import { KindParameters } from './KindParameters';
import { ProposalActions } from './ProposalActions';
import { Vote } from './Vote';

/** One proposal: text, timeline, the kind's parameters, live tally and quorum, my weight, voting, verification. */
export default function ProposalPage({ id }: { id: string }) {
  const [p, retry] = useAsync(() => proposal(id), [id]);
  // A later read (the scheduler moved it, or an action answered with it) replaces the first without a reload, so
  // the page and its notices stay mounted.
  const [latest, setLatest] = useState<Proposal>();
  const reread = () => void proposal(id).then(setLatest, () => undefined);
  return (
    <Show value={p} retry={retry}>
      {(prop) => <Loaded p={latest && latest.id === prop.id ? latest : prop} onChanged={reread} onUpdated={setLatest} />}
    </Show>
  );
}

function Loaded({ p, onChanged, onUpdated }: { p: Proposal; onChanged: () => void; onUpdated: (p: Proposal) => void }) {
  const { t, locale } = useI18n();
  const session = useSession();
  const id = p.id!;
  const started = p.state !== 'PENDING' && !(p.state === 'CANCELED' && Date.parse(p.votingStartsAt!) > Date.now());
  const [live, setLive] = useState<Tally | null>(null);
  const [w, setW] = useState<Weights | null>(null);
  const [mine, setMine] = useState<MyBallot[]>([]);
  const refresh = async () => {
    const [tl, ws] = await Promise.all([tally(id), w ? Promise.resolve(w) : weights(id)]);
    setLive(tl);
    setW(ws);
    if (session?.did) setMine(ballotsOf(session.did, await allBallots(id)));
  };
  useEffect(() => {
    void refresh().catch(() => undefined);
  }, [id, session?.did, p.state]);
  // The tally is live while voting is open: refreshed every few seconds, and the state moves by the scheduler.
  usePoll(async () => {
    await refresh();
    const now = Date.now();
    if (p.state === 'PENDING' && Date.parse(p.votingStartsAt!) <= now) onChanged();
    if (p.state === 'ACTIVE' && p.votingEndsAt && Date.parse(p.votingEndsAt) <= now) onChanged();
    // Queued: the scheduler executes at the eta, so the page looks again once it has passed.
    if (p.state === 'QUEUED' && p.eta && Date.parse(p.eta) <= now) onChanged();
  }, 3000, p.state === 'ACTIVE' || p.state === 'PENDING' || p.state === 'QUEUED', [id, p.state]);
  return (
    <article aria-labelledby="page-title" data-proposal={id} data-state={p.state}>
      <p>
        <Link href="/governance">{t('gov.proposal.back')}</Link>
      </p>
      <h1 id="page-title">{p.title}</h1>
      <div class="meta">
        <StateBadge state={p.state} />
        <KindBadge kind={p.kind} />
      </div>
      {p.description && <p class="description">{p.description}</p>}
      {(p.links ?? []).length > 0 && (
        <ul>
          {p.links!.map((l) => (
            <li key={l}>
              {/^https?:\/\//.test(l) ? <a href={l} rel="noopener noreferrer" target="_blank">{l}</a> : <span class="mono">{l}</span>}
            </li>
          ))}
        </ul>
      )}
      <section class="card" aria-labelledby="facts-title">
        <h2 id="facts-title">{t('gov.proposal.facts')}</h2>
        <dl class="facts">
          <dt>{t('gov.proposal.author')}</dt>
          <dd class="mono">{p.author}</dd>
          <dt>{t('gov.proposal.strategy')}</dt>
          <dd>{t(`gov.strategy.${p.strategy}` as MessageKey)}</dd>
          <dt>{t('gov.field.quorumBps')}</dt>
          <dd>{t('gov.percent', { v: bpsToPercent(p.quorumBps ?? 0) })}</dd>
          <dt>{t('gov.field.thresholdBps')}</dt>
          <dd>{t('gov.percent', { v: bpsToPercent(p.thresholdBps ?? 0) })}</dd>
        </dl>
        <h3>{t('gov.proposal.timeline')}</h3>
        <ol class="timeline" id="timeline">
          {([
            ['createdAt', p.createdAt], ['votingStartsAt', p.votingStartsAt], ['votingEndsAt', p.votingEndsAt],
            ['queuedAt', p.queuedAt], ['eta', p.eta], ['executedAt', p.executedAt], ['canceledAt', p.canceledAt],
            ['expiresAt', p.expiresAt],
          ] as [string, string | null | undefined][]).filter(([, v]) => v).map(([k, v]) => (
            <li key={k} data-time={k}>
              {t(`gov.time.${k}` as MessageKey)}: <time dateTime={v!}>{formatDateTime(locale, v!)}</time>
            </li>
          ))}
        </ol>
      </section>
      <KindParameters p={p} />
      {started ? (
        <>
          <LiveTally p={p} tally={live} />
          {session?.did && w && <MyWeight p={p} w={w} did={session.did} />}
        </>
      ) : (
        <p class="card" id="not-started">{t('gov.proposal.notStarted', { at: formatDateTime(locale, p.votingStartsAt!) })}</p>
      )}
      <Vote p={p} mine={mine} onVoted={() => void refresh()} />
      <ProposalActions p={p} onChanged={onUpdated} />
      {started && <VerifyTallyPanel proposalId={id} />}
    </article>
  );
}

function LiveTally({ p, tally: tl }: { p: Proposal; tally: Tally | null }) {
  const { t, locale } = useI18n();
  if (!tl) return null;
  const total = tl.totalEligibleWeight ?? '0';
  const turnout = (BigInt(tl.for ?? '0') + BigInt(tl.abstain ?? '0')).toString();
  const lines: ['for' | 'against' | 'abstain', string][] = [['for', tl.for ?? '0'], ['against', tl.against ?? '0'], ['abstain', tl.abstain ?? '0']];
  return (
    <section class="card" aria-labelledby="tally-title" id="live-tally" data-final={String(!!tl.final)}>
      <h2 id="tally-title">{tl.final ? t('gov.tally.finalTitle') : t('gov.tally.liveTitle')}</h2>
      {lines.map(([c, v]) => (
        <div class="tally-line" key={c}>
          <span id={`tally-${c}-label`}>{t(`tally.field.${c}`)}</span>
          <meter min={0} max={100} value={barPercent(v, total)} aria-labelledby={`tally-${c}-label`} />
          <span class="mono" id={`tally-${c}`}>{formatNumber(locale, v)}</span>
        </div>
      ))}
      <div class="tally-line">
        <span id="quorum-label">{t('gov.tally.quorum')}</span>
        <meter min={0} max={100} low={barPercent(BigInt(p.quorumBps ?? 0), 10000n)} optimum={100}
          value={barPercent(turnout, total)} aria-labelledby="quorum-label" />
        <span class="mono">{t('gov.tally.quorumOf', { have: formatNumber(locale, turnout), need: t('gov.percent', { v: bpsToPercent(p.quorumBps ?? 0) }), total: formatNumber(locale, total) })}</span>
      </div>
      <p id="tally-outcome">
        {tl.quorumReached ? t('gov.tally.quorumYes') : t('gov.tally.quorumNo')} ·{' '}
        {tl.succeeded ? t('gov.tally.passing') : t('gov.tally.notPassing')}
      </p>
      {tl.final && tl.auditIndex != null && (
        <p>
          <Link href={`/audit/entries/${tl.auditIndex}`}>{t('gov.tally.auditEntry', { index: tl.auditIndex })}</Link>
        </p>
      )}
    </section>
  );
}

function MyWeight({ p, w, did }: { p: Proposal; w: Weights; did: string }) {
  const { t, locale } = useI18n();
  const d = deriveWeight(did, p.kind!, w.strategy ?? '', (w.voters ?? []) as never, (w.delegations ?? []) as never);
  return (
    <section class="card" aria-labelledby="weight-title" id="my-weight" data-weight={d.total.toString()} data-eligible={String(d.eligible)}>
      <h2 id="weight-title">{t('gov.weight.title')}</h2>
      {!d.eligible ? (
        <p id="not-eligible">{t('gov.weight.notEligible')}</p>
      ) : (
        <dl class="facts">
          <dt>{t('gov.weight.base')}</dt>
          <dd class="mono">{formatNumber(locale, d.base)}</dd>
          <dt>{t('gov.weight.tier')}</dt>
          <dd>{t('gov.percent', { v: bpsToPercent(d.tierBps) })}</dd>
          <dt>{t('gov.weight.own')}</dt>
          <dd class="mono">{formatNumber(locale, d.own)} <span class="muted">{t('gov.weight.ownRule')}</span></dd>
          {d.delegated.map((x) => (
            <Fragment key={x.delegator}>
              <dt>{t('gov.weight.delegatedFrom')}</dt>
              <dd><span class="mono">{x.delegator}</span>: {formatNumber(locale, x.amount)} ({t('gov.percent', { v: bpsToPercent(x.shareBps) })})</dd>
            </Fragment>
          ))}
          <dt>{t('gov.weight.total')}</dt>
          <dd class="mono" id="my-weight-total">{formatNumber(locale, d.total)}</dd>
        </dl>
      )}
      {d.delegated.length > 0 && <p class="muted">{t('gov.weight.delegatedNote')}</p>}
    </section>
  );
}
