import { useState } from 'preact/hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { anchorCovering, type Anchor, type Stage } from '../../lib/gov';
import { verifyEntry } from '../../lib/verify/audit';
import { Link } from '../../ui/Link';
import { publicJson, rpcUrlFor } from '../audit/data';
import { allBallots, usePoll } from './data';

/**
 * A ballot's way into the record: received (the API's 201) → in the log (its governance.ballot.accepted entry has
 * a leaf index) → anchored at block N (an AuditAnchor covers that leaf, and the audit explorer's in-browser check
 * proves the entry into the anchored root read from the chain).
 */
export function BallotProgress({ proposalId, sent }: { proposalId: string; sent: { ballotId: string; receivedAt: string; choice: string; replaces: string | null } }) {
  const { t, locale } = useI18n();
  const [index, setIndex] = useState<number | null>(null);
  const [anchored, setAnchored] = useState<{ block: number; tx?: string } | undefined>();
  const [failed, setFailed] = useState(false);
  const [checking, setChecking] = useState(false);
  usePoll(async () => {
    const b = (await allBallots(proposalId)).find((x) => x.ballotId === sent.ballotId);
    if (b && b.auditIndex != null) {
      setIndex(b.auditIndex);
      return true;
    }
  }, 1000, index === null, [sent.ballotId]);
  usePoll(async () => {
    if (index === null || checking) return;
    const page = await publicJson<{ items: Anchor[] }>('/api/v1/audit/anchors');
    if (!anchorCovering(index, page.items ?? [])) return;
    setChecking(true);
    try {
      const r = await verifyEntry({ baseUrl: '', index, rpcUrl: (await rpcUrlFor('')) ?? undefined });
      if (r.verified && r.anchor) {
        setAnchored({ block: r.anchor.blockNumber ?? 0, tx: r.anchor.txHash });
        return true;
      }
      if (!r.awaitingAnchor) {
        setFailed(true);
        return true;
      }
    } finally {
      setChecking(false);
    }
  }, 3000, index !== null && !anchored && !failed, [index]);
  const stage: Stage = anchored ? 'anchored' : index !== null ? 'logged' : 'received';
  const order: Stage[] = ['received', 'logged', 'anchored'];
  const done = (s: Stage) => order.indexOf(s) <= order.indexOf(stage);
  const text = (s: Stage): string => {
    if (s === 'received') return t('gov.progress.received', { choice: t(`gov.choice.${sent.choice}` as MessageKey), at: formatDateTime(locale, sent.receivedAt) });
    if (s === 'logged') return index !== null ? t('gov.progress.loggedAt', { index }) : t('gov.progress.logged');
    return anchored ? t('gov.progress.anchoredAt', { block: anchored.block }) : t('gov.progress.anchored');
  };
  return (
    <div id="ballot-progress" data-stage={stage} data-ballot={sent.ballotId}>
      <h3>{sent.replaces ? t('gov.progress.titleChanged') : t('gov.progress.title')}</h3>
      <ol class="progress" aria-label={t('gov.progress.title')}>
        {order.map((s) => (
          <li key={s} data-stage={s} data-done={String(done(s))}>
            <span class="mark" aria-hidden="true">{done(s) ? '✔' : '…'}</span>
            {text(s)}
            {s === 'logged' && index !== null && (
              <> <Link href={`/audit/entries/${index}`}>{t('gov.progress.openEntry')}</Link></>
            )}
            {s === 'anchored' && anchored?.tx && (
              <> <Link href={`/audit/tx/${anchored.tx}`}>{t('gov.progress.openTx')}</Link></>
            )}
          </li>
        ))}
      </ol>
      <p role="status" aria-live="polite" class="visually-hidden">{text(stage)}</p>
      {failed && <p class="bad" id="anchor-check-failed">{t('gov.progress.checkFailed')}</p>}
    </div>
  );
}
