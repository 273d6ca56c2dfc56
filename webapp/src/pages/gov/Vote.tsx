import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { useI18n, type MessageKey } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import type { MyBallot } from '../../lib/gov';
import { Link } from '../../ui/Link';
import { ballot, signBallot, type Ballot, type Choice } from '../../wallet/jws';
import { useWallet } from '../../wallet/current';
import type { Proposal } from './data';
import { GovError } from './GovError';
import { BallotProgress } from './BallotProgress';

const CHOICES: Choice[] = ['for', 'against', 'abstain'];

/**
 * Vote or change the vote: the ballot (issue 9's pinned payload) is built, shown, then signed in the browser
 * wallet and sent; its progress follows (received → in the log → anchored). A later ballot replaces the earlier.
 */
export function Vote({ p, mine, onVoted }: { p: Proposal; mine: MyBallot[]; onVoted: () => void }) {
  const { t, locale } = useI18n();
  const session = useSession();
  const w = useWallet();
  const [choice, setChoice] = useState<Choice | undefined>();
  const [draft, setDraft] = useState<Ballot | undefined>();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [sent, setSent] = useState<{ ballotId: string; receivedAt: string; choice: string; replaces: string | null } | undefined>();
  const current = mine.length > 0 ? mine[mine.length - 1] : undefined;
  const open = p.state === 'ACTIVE';
  const key = w.state === 'ready' ? w.wallet?.key : undefined;
  let blocked: MessageKey | undefined;
  if (!session) blocked = 'gov.vote.signIn';
  else if (!session.did) blocked = 'gov.vote.needDid';
  else if (w.state === 'ready' && (!key || key.did !== session.did)) blocked = 'gov.vote.needWallet';
  const send = async () => {
    if (!key || !draft) return;
    setSending(true);
    setError(undefined);
    try {
      const jws = await signBallot(key, draft);
      const res = (await api.POST('/api/v1/governance/proposals/{id}/ballots', {
        params: { path: { id: p.id! } },
        body: { ballot: jws },
      })).data!;
      setSent({ ballotId: res.ballotId!, receivedAt: res.receivedAt!, choice: res.choice!, replaces: res.replaces ?? null });
      setDraft(undefined);
      setChoice(undefined);
      onVoted();
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };
  return (
    <section class="card" aria-labelledby="vote-title" id="vote">
      <h2 id="vote-title">{t('gov.vote.title')}</h2>
      {current && (
        <p id="my-vote" data-choice={current.choice} data-ballot={current.ballotId}>
          {t('gov.vote.current', { choice: t(`gov.choice.${current.choice}` as MessageKey), at: formatDateTime(locale, current.receivedAt) })}
        </p>
      )}
      {!open && <p id="vote-closed">{t(p.state === 'PENDING' ? 'gov.vote.notYet' : 'gov.vote.closed')}</p>}
      {open && blocked && (
        <p class="warning" id="vote-blocked">
          {t(blocked)} {blocked === 'gov.vote.needWallet' && <Link href="/wallet">{t('nav.wallet')}</Link>}
        </p>
      )}
      {open && !blocked && key && !draft && (
        <form onSubmit={(e) => { e.preventDefault(); if (choice) setDraft(ballot(key, p.id!, choice)); }}>
          <fieldset class="choices">
            <legend>{current ? t('gov.vote.changeLegend') : t('gov.vote.legend')}</legend>
            {CHOICES.map((c) => (
              <label key={c} for={`vote-${c}`}>
                <input type="radio" name="choice" id={`vote-${c}`} value={c} checked={choice === c}
                  onChange={() => setChoice(c)} />
                {t(`gov.choice.${c}` as MessageKey)}
              </label>
            ))}
          </fieldset>
          <div class="actions">
            <button type="submit" class="primary" id="vote-review" disabled={!choice}>
              {current ? t('gov.vote.reviewChange') : t('gov.vote.review')}
            </button>
          </div>
        </form>
      )}
      {open && draft && (
        <div id="ballot-review">
          <p>{t('gov.vote.reviewLead')}</p>
          <pre class="mono payload" id="ballot-payload" tabIndex={0} aria-label={t('gov.vote.payload')}>
            {JSON.stringify(draft, null, 2)}
          </pre>
          <div class="actions">
            <button type="button" class="primary" id="vote-send" onClick={send} disabled={sending}>
              {sending ? t('gov.vote.sending') : t('gov.vote.send')}
            </button>
            <button type="button" class="secondary" id="vote-back" onClick={() => setDraft(undefined)} disabled={sending}>
              {t('gov.vote.back')}
            </button>
          </div>
        </div>
      )}
      {error !== undefined && <GovError error={error} id="vote-error" />}
      {sent && <BallotProgress key={sent.ballotId} proposalId={p.id!} sent={sent} />}
    </section>
  );
}
