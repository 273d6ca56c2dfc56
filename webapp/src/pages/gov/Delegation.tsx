import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { ProblemError } from '../../api/problem';
import { useSession } from '../../auth/session';
import { useI18n, type MessageKey } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { bpsToPercent, KINDS, percentToBps } from '../../lib/gov';
import { Link } from '../../ui/Link';
import { Show, useAsync } from '../../ui/states';
import { delegation, signDelegation, type Delegation as Statement } from '../../wallet/jws';
import { useWallet } from '../../wallet/current';
import { GovError } from './GovError';

interface Row {
  delegate: string;
  percent: string;
}

/**
 * Delegation (issue 9's pinned statement): whom, what share, for which kinds, signed in the browser wallet; the
 * statement in force; revoke (a newer statement with no delegations). A later statement replaces the earlier.
 */
export default function Delegation() {
  const { t, locale } = useI18n();
  const session = useSession();
  const w = useWallet();
  const did = session?.did;
  const [inForce, reload] = useAsync(async () => {
    if (!did) return null;
    try {
      return (await api.GET('/api/v1/governance/delegations/{did}', { params: { path: { did } } })).data!;
    } catch (e) {
      if (e instanceof ProblemError && e.status === 404) return null;
      throw e;
    }
  }, [did]);
  const [rows, setRows] = useState<Row[]>([{ delegate: '', percent: '100' }]);
  const [allKinds, setAllKinds] = useState(true);
  const [kinds, setKinds] = useState<string[]>([]);
  const [draft, setDraft] = useState<Statement | undefined>();
  const [invalid, setInvalid] = useState<MessageKey | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<MessageKey | undefined>();
  const key = w.state === 'ready' ? w.wallet?.key : undefined;
  if (!did) return <><h1 id="page-title">{t('gov.del.title')}</h1><p class="warning">{t('gov.vote.needDid')}</p></>;
  if (w.state === 'ready' && (!key || key.did !== did)) {
    return <><h1 id="page-title">{t('gov.del.title')}</h1><p class="warning">{t('gov.vote.needWallet')} <Link href="/wallet">{t('nav.wallet')}</Link></p></>;
  }
  const review = () => {
    setInvalid(undefined);
    setDone(undefined);
    const shares = rows.map((r) => ({ delegate: r.delegate.trim(), shareBps: percentToBps(r.percent) }));
    if (shares.some((s) => !s.delegate.startsWith('did:'))) return setInvalid('gov.del.badDid');
    if (shares.some((s) => s.delegate === did)) return setInvalid('gov.del.self');
    if (shares.some((s) => s.shareBps === undefined)) return setInvalid('gov.del.badShare');
    if (shares.reduce((n, s) => n + (s.shareBps ?? 0), 0) > 10000) return setInvalid('gov.del.tooMuch');
    if (!allKinds && kinds.length === 0) return setInvalid('gov.del.noKinds');
    setDraft(delegation(key!, shares as { delegate: string; shareBps: number }[], allKinds ? ['*'] : kinds));
  };
  const send = async (statement: Statement, doneKey: MessageKey) => {
    setBusy(true);
    setError(undefined);
    try {
      const jws = await signDelegation(key!, statement);
      await api.PUT('/api/v1/governance/delegations', { body: { statement: jws } });
      setDraft(undefined);
      setDone(doneKey);
      reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const setRow = (i: number, r: Partial<Row>) => setRows(rows.map((x, j) => (j === i ? { ...x, ...r } : x)));
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('gov.del.title')}</h1>
      <p class="lead">{t('gov.del.lead')}</p>
      <section class="card" aria-labelledby="in-force-title" id="delegation-in-force">
        <h2 id="in-force-title">{t('gov.del.inForce')}</h2>
        <Show value={inForce} retry={reload}>
          {(d) =>
            !d || (d.delegations ?? []).length === 0 ? (
              <p id="delegation-none">{t('gov.del.none')}</p>
            ) : (
              <>
                <ul id="delegation-shares">
                  {(d.delegations ?? []).map((s) => (
                    <li key={s.delegate} data-delegate={s.delegate} data-share={s.shareBps}>
                      <span class="mono">{s.delegate}</span>: {t('gov.percent', { v: bpsToPercent(s.shareBps ?? 0) })}
                    </li>
                  ))}
                </ul>
                <p>
                  {t('gov.del.kinds')}:{' '}
                  {(d.kinds ?? []).includes('*') ? t('gov.del.allKinds') : (d.kinds ?? []).map((k) => t(`gov.kind.${k}` as MessageKey)).join(', ')}
                </p>
                <p class="muted">{t('gov.del.receivedAt', { at: formatDateTime(locale, d.receivedAt!) })}</p>
                <div class="actions">
                  <button type="button" class="danger" id="delegation-revoke" disabled={busy || !key}
                    onClick={() => send(delegation(key!, [], ['*']), 'gov.del.revoked')}>
                    {t('gov.del.revoke')}
                  </button>
                </div>
              </>
            )
          }
        </Show>
      </section>
      <section class="card form-grid" aria-labelledby="new-del-title">
        <h2 id="new-del-title">{t('gov.del.new')}</h2>
        <p class="muted">{t('gov.del.replaces')}</p>
        {rows.map((r, i) => (
          <div class="share-row" key={i}>
            <div>
              <label for={`delegate-${i}`}>{t('gov.del.delegate')}</label>
              <input id={`delegate-${i}`} value={r.delegate} autoComplete="off" spellcheck={false} placeholder="did:key:z…"
                onInput={(e) => setRow(i, { delegate: (e.currentTarget as HTMLInputElement).value })} />
            </div>
            <div>
              <label for={`share-${i}`}>{t('gov.del.share')}</label>
              <input id={`share-${i}`} inputMode="decimal" value={r.percent}
                onInput={(e) => setRow(i, { percent: (e.currentTarget as HTMLInputElement).value })} />
            </div>
            <div>
              {rows.length > 1 && (
                <button type="button" class="link-button" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                  {t('gov.del.removeRow')}
                </button>
              )}
            </div>
          </div>
        ))}
        <div class="actions">
          <button type="button" class="secondary" id="delegation-add-row" onClick={() => setRows([...rows, { delegate: '', percent: '' }])}>
            {t('gov.del.addRow')}
          </button>
        </div>
        <fieldset>
          <legend>{t('gov.del.kinds')}</legend>
          <label class="check" for="kinds-all">
            <input type="checkbox" id="kinds-all" checked={allKinds} onChange={() => setAllKinds(!allKinds)} />
            {t('gov.del.allKinds')}
          </label>
          {!allKinds && KINDS.map((k) => (
            <label class="check" key={k} for={`kind-${k}`}>
              <input type="checkbox" id={`kind-${k}`} checked={kinds.includes(k)}
                onChange={() => setKinds(kinds.includes(k) ? kinds.filter((x) => x !== k) : [...kinds, k])} />
              {t(`gov.kind.${k}` as MessageKey)}
            </label>
          ))}
          <p class="hint">{t('gov.del.quadratic')}</p>
        </fieldset>
        {invalid && <p class="bad" role="alert" id="delegation-invalid">{t(invalid)}</p>}
        {!draft && (
          <div class="actions">
            <button type="button" class="primary" id="delegation-review" onClick={review} disabled={!key}>{t('gov.del.review')}</button>
          </div>
        )}
        {draft && (
          <>
            <p>{t('gov.del.reviewLead')}</p>
            <pre class="mono payload" id="delegation-payload" tabIndex={0} aria-label={t('gov.vote.payload')}>{JSON.stringify(draft, null, 2)}</pre>
            <div class="actions">
              <button type="button" class="primary" id="delegation-send" disabled={busy} onClick={() => send(draft, 'gov.del.accepted')}>
                {busy ? t('gov.vote.sending') : t('gov.del.send')}
              </button>
              <button type="button" class="secondary" disabled={busy} onClick={() => setDraft(undefined)}>{t('gov.vote.back')}</button>
            </div>
          </>
        )}
      </section>
      <div role="status" aria-live="polite">
        {done && <p class="ok" id="delegation-done">{t(done)}</p>}
      </div>
      {error !== undefined && <GovError error={error} id="delegation-error" />}
    </section>
  );
}
