import { useState } from 'preact/hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { Link } from '../../ui/Link';
import { ErrorBox, Show, useAsync } from '../../ui/states';
import { verifyEntry, type Step, type VerifyResult } from '../../lib/verify/audit';
import { publicJson, rpcUrlFor } from './data';
import type { EntryView } from '../../lib/verify/audit';

export default function AuditEntry({ index }: { index: number }) {
  const { t, locale } = useI18n();
  const [entry, retry] = useAsync(() => publicJson<EntryView>(`/api/v1/audit/entries/${index}`), [index]);
  return (
    <>
      <p>
        <Link href="/audit">{t('audit.entry.back')}</Link>
      </p>
      <h1>{t('audit.entry.title', { index })}</h1>
      <Show value={entry} retry={retry}>
        {(e) => (
          <>
            <dl class="facts">
              <dt>{t('audit.entry.type')}</dt>
              <dd class="mono" id="entry-type">{e.type}</dd>
              <dt>{t('audit.entry.time')}</dt>
              <dd>{formatDateTime(locale, e.time)}</dd>
              <dt>{t('audit.entry.leafHash')}</dt>
              <dd class="mono" id="entry-leaf-hash">{e.leafHash}</dd>
            </dl>
            <h2>{t('audit.entry.payload')}</h2>
            <pre class="mono json" tabIndex={0} aria-label={t('audit.entry.payload')}>{pretty(e.canonical)}</pre>
            <details>
              <summary>{t('audit.entry.canonical')}</summary>
              <pre class="mono" id="entry-canonical" tabIndex={0}>{e.canonical}</pre>
            </details>
            <Verify key={index} index={index} />
            <nav class="actions" aria-label={t('audit.entry.title', { index })}>
              {index > 0 && <Link href={`/audit/entries/${index - 1}`} class="button secondary">{t('audit.entry.prev')}</Link>}
              <Link href={`/audit/entries/${index + 1}`} class="button secondary">{t('audit.entry.next')}</Link>
            </nav>
          </>
        )}
      </Show>
    </>
  );
}

function pretty(canonical: string): string {
  try {
    return JSON.stringify(JSON.parse(canonical), null, 2);
  } catch {
    return canonical;
  }
}

type Run = { state: 'idle' } | { state: 'running'; steps: Step[] } | { state: 'done'; result: VerifyResult } | { state: 'error'; error: unknown };

function Verify({ index }: { index: number }) {
  const { t } = useI18n();
  const [rpc, setRpc] = useState('');
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const start = async () => {
    const steps: Step[] = [];
    setRun({ state: 'running', steps: [] });
    try {
      const rpcUrl = (await rpcUrlFor(rpc)) ?? undefined;
      const result = await verifyEntry({
        baseUrl: '',
        index,
        rpcUrl,
        onStep: (s) => {
          const i = steps.findIndex((x) => x.id === s.id);
          if (i >= 0) steps[i] = s;
          else steps.push(s);
          setRun({ state: 'running', steps: [...steps] });
        },
      });
      setRun({ state: 'done', result });
    } catch (error) {
      setRun({ state: 'error', error });
    }
  };
  const steps = run.state === 'running' ? run.steps : run.state === 'done' ? run.result.steps : [];
  return (
    <section class="card" aria-labelledby="verify-title" id="verify">
      <h2 id="verify-title">{t('audit.verify.title')}</h2>
      <p>{t('audit.verify.intro')}</p>
      <details>
        <summary>{t('audit.verify.rpc')}</summary>
        <label for="rpc-url">{t('audit.verify.rpc')}</label>
        <input id="rpc-url" type="url" value={rpc} aria-describedby="rpc-help" placeholder="http://127.0.0.1:8545"
          onInput={(e) => setRpc((e.currentTarget as HTMLInputElement).value)} />
        <p id="rpc-help" class="muted">{t('audit.verify.rpcHelp')}</p>
      </details>
      <div class="actions">
        <button type="button" class="primary" id="verify-entry" onClick={start} disabled={run.state === 'running'}>
          {run.state === 'idle' ? t('audit.verify.button') : t('audit.verify.again')}
        </button>
      </div>
      {steps.length > 0 && (
        <ol class="steps" aria-label={t('audit.verify.title')}>
          {steps.map((s) => (
            <StepLine key={s.id} s={s} />
          ))}
        </ol>
      )}
      <div role="status" aria-live="polite">
        {run.state === 'running' && (
          <p class="state">
            <span class="spinner" aria-hidden="true" /> {t('audit.verify.running')}
          </p>
        )}
        {run.state === 'done' && <Outcome r={run.result} />}
      </div>
      {run.state === 'error' && <ErrorBox error={run.error} onRetry={start} />}
    </section>
  );
}

function StepLine({ s }: { s: Step }) {
  const { t } = useI18n();
  const mark = { ok: '✔', failed: '✘', running: '…', pending: '⏳' }[s.status];
  const reason = typeof s.info.reason === 'string' && s.info.reason !== 'ok' && s.info.reason !== 'verified' ? s.info.reason : null;
  return (
    <li class={`step s-${s.status}`} data-step={s.id} data-status={s.status}>
      <span aria-hidden="true" class="mark">{mark}</span> {t(`audit.step.${s.id}` as MessageKey, s.info)}{' '}
      <span class="step-status">({t(`audit.step.${s.status}` as MessageKey)})</span>
      {s.status === 'failed' && reason && (
        <div class="bad">{t(`audit.reason.${reason}` as MessageKey, s.info)}</div>
      )}
    </li>
  );
}

function Outcome({ r }: { r: VerifyResult }) {
  const { t } = useI18n();
  if (r.verified) {
    return (
      <div class="verdict verified" id="verdict" data-verdict="verified">
        <p class="ok verdict-title"><span aria-hidden="true">✔ </span>{t('audit.verify.verified')}</p>
        <p>
          {t('audit.verify.verifiedDetail', { chainId: r.anchor?.chainId ?? '', block: r.anchor?.blockNumber ?? '' })}{' '}
          {r.anchor?.txHash && <Link href={`/audit/tx/${r.anchor.txHash}`}>{t('audit.anchors.tx')}</Link>}
        </p>
      </div>
    );
  }
  if (r.awaitingAnchor) {
    const chain = r.steps.find((s) => s.id === 'chain');
    return (
      <div class="verdict pending" id="verdict" data-verdict="awaiting-anchor">
        <p class="verdict-title">{t('audit.verify.awaiting')}</p>
        <p>{t('audit.verify.awaitingDetail', { anchoredSize: chain?.info.anchoredSize ?? 0 })}</p>
      </div>
    );
  }
  return (
    <div class="verdict failed" id="verdict" data-verdict="not-verified">
      <p class="bad verdict-title"><span aria-hidden="true">✘ </span>{t('audit.verify.notVerified')}</p>
      <p>{t('audit.verify.notVerifiedDetail')}</p>
    </div>
  );
}
