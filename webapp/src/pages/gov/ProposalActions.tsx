import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { useI18n, type MessageKey } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { allowedActions, type ProposalAction } from '../../lib/gov';
import type { Proposal } from './data';
import { GovError } from './GovError';

const LABEL: Record<ProposalAction, MessageKey> = {
  queue: 'gov.action.queue',
  execute: 'gov.action.execute',
  cancel: 'gov.action.cancel',
};
const DONE: Record<ProposalAction, MessageKey> = {
  queue: 'gov.action.queued',
  execute: 'gov.action.executed',
  cancel: 'gov.action.canceled',
};

/**
 * Queue, execute and cancel, offered to whoever the API allows (queue/execute: members and admins; cancel: the
 * author or an admin), with the server's refusal shown in words. Cancel asks for a confirmation first: it cannot be
 * undone.
 */
export function ProposalActions({ p, onChanged }: { p: Proposal; onChanged: (p: Proposal) => void }) {
  const { t, locale } = useI18n();
  const session = useSession();
  const [busy, setBusy] = useState<ProposalAction>();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<ProposalAction>();
  const actions = allowedActions(p, session, Date.now());
  if (!session || (actions.length === 0 && !done && error === undefined)) return null;
  const run = async (a: ProposalAction) => {
    setBusy(a);
    setError(undefined);
    setDone(undefined);
    setConfirming(false);
    try {
      const path = { params: { path: { id: p.id! } }, body: {} };
      const r = a === 'queue'
        ? await api.POST('/api/v1/governance/proposals/{id}/queue', path)
        : a === 'execute'
          ? await api.POST('/api/v1/governance/proposals/{id}/execute', path)
          : await api.POST('/api/v1/governance/proposals/{id}/cancel', path);
      setDone(a);
      onChanged(r.data!);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <section class="card" aria-labelledby="actions-title" id="proposal-actions">
      <h2 id="actions-title">{t('gov.action.title')}</h2>
      {p.state === 'SUCCEEDED' && <p class="muted">{t('gov.action.queueHint', { s: String(p.timelockSeconds ?? 0) })}</p>}
      {p.state === 'QUEUED' && p.eta && (
        <p class="muted" id="proposal-eta">{t('gov.action.etaHint', { at: formatDateTime(locale, p.eta) })}</p>
      )}
      <div class="actions">
        {actions.filter((a) => a !== 'cancel').map((a) => (
          <button type="button" class="primary" id={`proposal-${a}`} key={a} disabled={busy !== undefined}
            onClick={() => run(a)}>
            {busy === a ? t('gov.action.working') : t(LABEL[a])}
          </button>
        ))}
        {actions.includes('cancel') && !confirming && (
          <button type="button" class="danger" id="proposal-cancel" disabled={busy !== undefined}
            onClick={() => setConfirming(true)}>
            {t('gov.action.cancel')}
          </button>
        )}
      </div>
      {confirming && (
        <div class="warning" id="cancel-confirm" role="group" aria-labelledby="cancel-confirm-text">
          <p id="cancel-confirm-text">{t('gov.action.cancelWarning')}</p>
          <div class="actions">
            <button type="button" class="danger" id="proposal-cancel-confirm" disabled={busy !== undefined}
              onClick={() => run('cancel')}>
              {busy === 'cancel' ? t('gov.action.working') : t('gov.action.cancelConfirm')}
            </button>
            <button type="button" class="secondary" id="proposal-cancel-back" onClick={() => setConfirming(false)}>
              {t('gov.action.cancelBack')}
            </button>
          </div>
        </div>
      )}
      <div role="status" aria-live="polite">
        {done && <p class="notice" id="proposal-action-done" data-action={done}>{t(DONE[done])}</p>}
      </div>
      {error !== undefined && <GovError error={error} id="proposal-action-error" />}
    </section>
  );
}
