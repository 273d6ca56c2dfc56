import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { useI18n, type MessageKey } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { captureDocument, objectEvent, signEvent, STEPS, type BizStep } from '../../lib/epcis';
import { tracePath } from '../../lib/orders';
import { Link } from '../../ui/Link';
import { Empty, Show, useAsync } from '../../ui/states';
import { useWallet } from '../../wallet/current';
import { product, type Product } from '../shop/data';
import { ShopError } from '../shop/ShopError';
import { useAction } from './action';
import type { Party } from './data';

/**
 * Traceability of one product (merchant console): the supply-chain parties authorised by DID to sign its events
 * (authorise, end), and a capture form for the common ObjectEvents, signed in this browser by the wallet's key.
 */
export default function TraceConsole({ productId }: { productId: string }) {
  const { t } = useI18n();
  const [p, retry] = useAsync(() => product(productId), [productId]);
  const [parties, reload] = useAsync(async () =>
    (await api.GET('/api/v1/products/{id}/parties', { params: { path: { id: productId } } })).data ?? [], [productId]);
  return (
    <section aria-labelledby="page-title">
      <p><Link href={`/merchant/products/${encodeURIComponent(productId)}`}>{t('traceConsole.back')}</Link></p>
      <Show value={p} retry={retry}>
        {(prod) => (
          <>
            <h1 id="page-title">{t('traceConsole.title', { name: prod.name ?? '' })}</h1>
            <p class="muted">{t('traceConsole.lead')}</p>
            <Show value={parties} retry={reload}>
              {(list) => (
                <>
                  <Parties productId={productId} list={list} onChange={reload} />
                  <Capture p={prod} parties={list} onAuthorised={reload} />
                </>
              )}
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}

function authorise(productId: string, did: string, role: string, key: string) {
  return api.POST('/api/v1/products/{id}/parties', {
    params: { path: { id: productId }, header: { 'Idempotency-Key': key } as never }, body: { did, role } as never,
  });
}

function Parties({ productId, list, onChange }: { productId: string; list: Party[]; onChange: () => void }) {
  const { t, locale } = useI18n();
  const { run, busy, errorOf } = useAction();
  const [did, setDid] = useState('');
  const [role, setRole] = useState('');
  const [bad, setBad] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const body = { did: did.trim(), role: role.trim() };
    if (!body.did || !body.role) return setBad(true);
    setBad(false);
    if (await run('authorise', body, (key) => authorise(productId, body.did, body.role, key))) {
      setDid('');
      setRole('');
      onChange();
    }
  };
  const end = async (d: string) => {
    if (await run(`end:${d}`, d, () => api.DELETE('/api/v1/products/{id}/parties/{did}', { params: { path: { id: productId, did: d } } }))) onChange();
  };
  return (
    <section class="card" aria-labelledby="parties-title">
      <h2 id="parties-title">{t('parties.title')}</h2>
      <p class="muted">{t('parties.lead')}</p>
      {list.length === 0 ? <div id="parties-none"><Empty>{t('parties.none')}</Empty></div> : (
        <ul class="balances" id="parties-list">
          {list.map((x) => (
            <li key={`${x.did}-${x.authorisedAt}`} data-did={x.did} data-ended={x.endedAt ? 'true' : 'false'}>
              <span>
                <strong>{x.role}</strong> <span class="mono-wrap">{x.did}</span>
                <br />
                <span class="muted">
                  {x.endedAt ? t('parties.ended', { at: formatDateTime(locale, x.endedAt) })
                    : t('parties.since', { at: x.authorisedAt ? formatDateTime(locale, x.authorisedAt) : '' })}
                </span>
              </span>
              {!x.endedAt && (
                <button type="button" class="secondary" disabled={busy !== undefined} onClick={() => end(x.did!)}
                  aria-label={t('parties.endLabel', { did: x.did ?? '' })}>
                  {t('parties.end')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {list.filter((x) => !x.endedAt).map((x) => errorOf(`end:${x.did}`)).filter((e) => e !== undefined)
        .map((e, i) => <ShopError key={i} error={e} />)}
      <form class="form-grid" id="party-form" onSubmit={submit} noValidate>
        <h3>{t('parties.add')}</h3>
        <label for="party-did">{t('parties.did')}</label>
        <input id="party-did" autoComplete="off" value={did} aria-describedby="party-did-hint" aria-invalid={bad}
          onInput={(e) => setDid((e.currentTarget as HTMLInputElement).value)} />
        <p class="hint" id="party-did-hint">{t('parties.didHint')}</p>
        <label for="party-role">{t('parties.role')}</label>
        <input id="party-role" autoComplete="off" value={role} aria-describedby="party-role-hint" aria-invalid={bad}
          onInput={(e) => setRole((e.currentTarget as HTMLInputElement).value)} />
        <p class="hint" id="party-role-hint">{t('parties.roleHint')}</p>
        {bad && <p class="bad" role="alert">{t('parties.needBoth')}</p>}
        {errorOf('authorise') !== undefined && <ShopError error={errorOf('authorise')} id="party-error" />}
        <div class="actions">
          <button type="submit" class="primary" id="party-submit" disabled={busy !== undefined}>{t('parties.submit')}</button>
        </div>
      </form>
    </section>
  );
}

interface Job { success?: boolean; errors?: { eventIndex?: number; type?: string; detail?: string }[] }

function Capture({ p, parties, onAuthorised }: { p: Product; parties: Party[]; onAuthorised: () => void }) {
  const { t } = useI18n();
  const w = useWallet();
  const { run, busy, errorOf } = useAction();
  const [step, setStep] = useState<BizStep>('commissioning');
  const [serials, setSerials] = useState('');
  const [readPoint, setReadPoint] = useState('');
  const [bad, setBad] = useState(false);
  const [job, setJob] = useState<{ job: Job; serials: string[] }>();
  if (w.state !== 'ready') return null;
  const wallet = w.wallet;
  if (!wallet) {
    return (
      <section class="card" aria-labelledby="capture-title">
        <h2 id="capture-title">{t('capture.title')}</h2>
        <p class="warning" id="capture-no-wallet">{t('capture.noWallet')} <Link href="/wallet">{t('capture.openWallet')}</Link></p>
      </section>
    );
  }
  const did = wallet.key.did;
  const authorised = parties.some((x) => x.did === did && !x.endedAt);
  const submit = async (e: Event) => {
    e.preventDefault();
    const list = serials.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
    if (list.length === 0) return setBad(true);
    setBad(false);
    setJob(undefined);
    // One action per form content: a retry of the same capture (same serials, step, place) reuses its key.
    const input = { step, list, readPoint };
    const done = await run('capture', input, async (key) => {
      const event = await signEvent(objectEvent({
        at: new Date(Date.now() - 1000), minutesEast: -new Date().getTimezoneOffset(), gtin: p.gtin!, serials: list,
        bizStep: step, readPoint,
      }), wallet.key);
      const r = await api.POST('/api/v1/epcis/capture', {
        params: { header: { 'Idempotency-Key': key } as never }, body: captureDocument([event]) as never,
      });
      const id = (r.response.headers.get('Location') ?? '').split('/').pop() ?? '';
      return (await api.GET('/api/v1/epcis/capture/{captureId}', { params: { path: { captureId: id } } })).data as Job;
    });
    if (done) setJob({ job: done, serials: list });
  };
  return (
    <section class="card" aria-labelledby="capture-title">
      <h2 id="capture-title">{t('capture.title')}</h2>
      <p class="muted">{t('capture.lead')}</p>
      <p>{t('capture.signer')} <span class="mono-wrap" id="capture-signer">{did}</span></p>
      {!authorised && (
        <div class="action">
          <p class="warning" id="capture-not-authorised">{t('capture.notAuthorised')}</p>
          <button type="button" class="secondary" id="authorise-wallet" disabled={busy !== undefined}
            onClick={async () => { if (await run('authorise-wallet', did, (key) => authorise(p.id!, did, t('capture.walletRole'), key))) onAuthorised(); }}>
            {t('capture.authoriseWallet')}
          </button>
          {errorOf('authorise-wallet') !== undefined && <ShopError error={errorOf('authorise-wallet')} />}
        </div>
      )}
      <form class="form-grid" id="capture-form" onSubmit={submit} noValidate>
        <label for="capture-step">{t('capture.step')}</label>
        <select id="capture-step" value={step} onChange={(e) => setStep((e.currentTarget as HTMLSelectElement).value as BizStep)}>
          {(Object.keys(STEPS) as BizStep[]).map((s) => <option key={s} value={s}>{t(`capture.step.${s}` as MessageKey)}</option>)}
        </select>
        <label for="capture-serials">{t('capture.serials')}</label>
        <input id="capture-serials" autoComplete="off" value={serials} aria-describedby="capture-serials-hint" aria-invalid={bad}
          onInput={(e) => setSerials((e.currentTarget as HTMLInputElement).value)} />
        <p class="hint" id="capture-serials-hint">{t('capture.serialsHint')}</p>
        {bad && <p class="bad" role="alert">{t('capture.needSerial')}</p>}
        <label for="capture-place">{t('capture.place')}</label>
        <input id="capture-place" autoComplete="off" value={readPoint} aria-describedby="capture-place-hint"
          onInput={(e) => setReadPoint((e.currentTarget as HTMLInputElement).value)} />
        <p class="hint" id="capture-place-hint">{t('capture.placeHint')}</p>
        {errorOf('capture') !== undefined && <ShopError error={errorOf('capture')} id="capture-error" />}
        <div class="actions">
          <button type="submit" class="primary" id="capture-submit" disabled={busy !== undefined}>
            {busy === 'capture' ? t('orders.working') : t('capture.submit')}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {job?.job.success && (
          <div class="notice" id="capture-done">
            <p>{t('capture.done')}</p>
            <ul>
              {job.serials.map((s) => (
                <li key={s}><a href={tracePath(p.gtin!, 'serial', s)} data-serial={s}>{t('capture.openTrace', { serial: s })}</a></li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {job && !job.job.success && (
        <div class="error" role="alert" id="capture-refused">
          <p class="error-title">{t('capture.refused')}</p>
          <ul>
            {(job.job.errors ?? []).map((x, i) => (
              <li key={i} data-problem={(x.type ?? '').split('/').pop()}>{x.detail}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
