import { useState } from 'preact/hooks';
import { useI18n, type MessageKey } from '../i18n';
import { formatNumber } from '../i18n/format';
import { ErrorBox } from '../ui/states';
import { fetchAndCheckTally, type Problem, type TallyCheck } from '../lib/verify/tally';

/**
 * "Verify this result" for the proposal page: the browser recomputes the tally from the public ballots and
 * weights alone (every ballot and delegation signature checked, the pinned rule applied, both hashes
 * recomputed) and shows, field by field, whether the platform's tally matches.
 */
export default function VerifyTallyPanel({ proposalId }: { proposalId: string }) {
  const { t, locale } = useI18n();
  const [state, setState] = useState<{ s: 'idle' } | { s: 'running' } | { s: 'done'; r: TallyCheck } | { s: 'error'; e: unknown }>({ s: 'idle' });
  const run = async () => {
    setState({ s: 'running' });
    try {
      setState({ s: 'done', r: await fetchAndCheckTally('', proposalId) });
    } catch (e) {
      setState({ s: 'error', e });
    }
  };
  const show = (v: string) => (/^\d+$/.test(v) ? formatNumber(locale, v) : v);
  return (
    <section class="card" aria-labelledby="verify-tally-title" id="verify-tally">
      <h2 id="verify-tally-title">{t('tally.verify.title')}</h2>
      <p>{t('tally.verify.intro')}</p>
      <div class="actions">
        <button type="button" class="primary" id="verify-tally-button" onClick={run} disabled={state.s === 'running'}>
          {t('tally.verify.button')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {state.s === 'running' && (
          <p class="state">
            <span class="spinner" aria-hidden="true" /> {t('tally.verify.running')}
          </p>
        )}
        {state.s === 'done' && (
          <p class={state.r.matches ? 'ok' : 'bad'} id="tally-verdict" data-verdict={state.r.matches ? 'matches' : 'differs'}>
            <span aria-hidden="true">{state.r.matches ? '✔ ' : '✘ '}</span>
            {state.r.matches ? t('tally.verify.matches') : t('tally.verify.differs')}
          </p>
        )}
      </div>
      {state.s === 'done' && (
        <>
          <div class="table-wrap" tabIndex={0}>
            <table id="tally-comparison">
              <thead>
                <tr>
                  <th scope="col">{t('tally.verify.field')}</th>
                  <th scope="col">{t('tally.verify.published')}</th>
                  <th scope="col">{t('tally.verify.recomputed')}</th>
                </tr>
              </thead>
              <tbody>
                {state.r.comparisons.map((c) => (
                  <tr key={c.field} data-field={c.field} data-equal={String(c.equal)}>
                    <th scope="row">
                      <span aria-hidden="true" class={c.equal ? 'ok' : 'bad'}>{c.equal ? '✔ ' : '✘ '}</span>
                      {t(`tally.field.${c.field}` as MessageKey)}
                    </th>
                    <td class="mono">{show(c.published)}</td>
                    <td class="mono">{show(c.recomputed)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {state.r.problems.length > 0 && (
            <ul class="bad" id="tally-problems">
              {state.r.problems.map((p, i) => (
                <li key={i}>{problemText(t, p)}</li>
              ))}
            </ul>
          )}
        </>
      )}
      {state.s === 'error' && <ErrorBox error={state.e} onRetry={run} />}
    </section>
  );
}

function problemText(t: (k: MessageKey, p?: Record<string, string | number>) => string, p: Problem): string {
  switch (p.kind) {
    case 'ballot-signature':
      return t('tally.problem.ballotSignature', { id: p.ballotId, check: p.check });
    case 'ballot-content':
      return t('tally.problem.ballotContent', { id: p.ballotId, what: p.what });
    case 'delegation-signature':
      return t('tally.problem.delegationSignature', { n: p.index + 1, check: p.check });
    case 'delegation-content':
      return t('tally.problem.delegationContent', { n: p.index + 1, what: p.what });
    case 'voter-weight':
      return t('tally.problem.voterWeight', { voter: p.voter });
    case 'counted-flag':
      return t('tally.problem.countedFlag', { id: p.ballotId });
  }
}
