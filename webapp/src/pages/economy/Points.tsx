import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { clock, rateOf, secondsLeft, shortId } from '../../lib/economy';
import { Link } from '../../ui/Link';
import { keyFor } from '../../ui/labels';
import { Empty, Show, type Async } from '../../ui/states';
import { act, EconError, newKey } from './EconError';

type BrandPoints = components['schemas']['BrandPoints'];
type Quote = components['schemas']['ExchangeQuote'];
type Exchange = components['schemas']['PointsExchange'];

/** My points per brand (balance, tier, lots with their expiry, latest movements) and the cross-brand exchange. */
export default function Points() {
  const { t } = useI18n();
  // Re-read after an exchange without a loading state, so the form (and its result notice) stays on screen.
  const [brands, setBrands] = useState<Async<BrandPoints[]>>({ state: 'loading' });
  const reload = () =>
    void api.GET('/api/v1/me/points').then(
      (r) => setBrands({ state: 'ready', value: r.data ?? [] }),
      (error) => setBrands({ state: 'error', error }),
    );
  useEffect(reload, []);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('econ.points.title')}</h1>
      <p class="lead">{t('econ.points.lead')}</p>
      <Show value={brands} retry={reload}>
        {(list) => (
          <>
            {list.length === 0 ? <div id="points-none"><Empty>{t('econ.points.none')}</Empty></div> : (
              <div id="points-brands">{list.map((b) => <Brand key={b.brand} b={b} />)}</div>
            )}
            <ExchangeForm brands={list} onDone={reload} />
          </>
        )}
      </Show>
    </section>
  );
}

function Brand({ b }: { b: BrandPoints }) {
  const { t, locale } = useI18n();
  const tier = keyFor('econ.points.tier', b.tier ?? '');
  return (
    <section class="card brand-points" data-brand={b.brand} data-balance={String(b.balance ?? 0)} aria-labelledby={`brand-${b.brand}`}>
      <h2 id={`brand-${b.brand}`}>
        {t('econ.points.brand')} <span class="mono" title={b.brand}>{shortId(b.brand)}</span>{' '}
        <span class="badge" data-tier={b.tier}>{tier ? t(tier) : b.tier}</span>
      </h2>
      <dl class="econ-figures">
        <div><dt>{t('econ.points.balance')}</dt><dd class="points-balance">{formatNumber(locale, b.balance ?? 0)}</dd></div>
        <div><dt>{t('econ.points.lifetime')}</dt><dd>{formatNumber(locale, b.lifetime ?? 0)}</dd></div>
      </dl>
      <p class="muted">{t('econ.points.tierNote')}</p>
      <h3>{t('econ.points.lots')}</h3>
      {(b.lots ?? []).length === 0 ? <Empty>{t('econ.points.noLots')}</Empty> : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('econ.points.lots')}>
          <table class="econ-table lots">
            <thead>
              <tr>
                <th scope="col">{t('econ.points.reason')}</th>
                <th scope="col" class="num">{t('econ.points.remaining')}</th>
                <th scope="col">{t('econ.points.expires')}</th>
              </tr>
            </thead>
            <tbody>
              {(b.lots ?? []).map((l) => {
                const r = keyFor('econ.points.why', l.reason ?? '');
                return (
                  <tr key={l.id} data-lot={l.id} data-expires={l.expiresAt}>
                    <td>{r ? t(r) : l.reason}<br /><span class="muted">{l.earnedAt ? formatDateTime(locale, l.earnedAt) : ''}</span></td>
                    <td class="num">{formatNumber(locale, l.remaining ?? 0)} / {formatNumber(locale, l.granted ?? 0)}</td>
                    <td>{l.expiresAt ? formatDateTime(locale, l.expiresAt) : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {(b.history ?? []).length > 0 && (
        <details>
          <summary>{t('econ.points.history')}</summary>
          <ul class="balances">
            {(b.history ?? []).slice(0, 20).map((m) => {
              const k = keyFor('econ.points.kind', m.kind ?? '');
              return (
                <li key={m.entryId} data-kind={m.kind}>
                  <span>{k ? t(k) : m.kind} · {m.at ? formatDateTime(locale, m.at) : ''}</span>
                  <span>
                    <strong>{formatNumber(locale, m.amount ?? 0)}</strong>{' '}
                    {m.auditEntryId != null && <Link href={`/audit/receipts/${m.auditEntryId}`}>{t('econ.auditProof')}</Link>}
                  </span>
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </section>
  );
}

/** Ticks once a second while mounted: the quote's countdown. */
function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  return now;
}

function ExchangeForm({ brands, onDone }: { brands: BrandPoints[]; onDone: () => void }) {
  const { t, locale } = useI18n();
  const held = brands.filter((b) => (b.balance ?? 0) > 0);
  const [from, setFrom] = useState(held[0]?.brand ?? '');
  const [to, setTo] = useState('');
  const [amount, setAmount] = useState('');
  const [quote, setQuote] = useState<Quote>();
  // One key per quote: a retried confirmation (double tap, lost answer) is the same exchange, never a second one.
  const [key, setKey] = useState('');
  const [done, setDone] = useState<Exchange>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const ask = (e: Event) => {
    e.preventDefault();
    setDone(undefined);
    void act(setBusy, setError, async () => {
      setQuote(undefined);
      const q = (await api.POST('/api/v1/points/exchanges/quotes', { body: { from: from.trim(), to: to.trim(), amount: Number(amount) } as never })).data as Quote;
      setKey(newKey());
      setQuote(q);
    });
  };
  const confirm = () =>
    void act(setBusy, setError, async () => {
      const x = (await api.POST('/api/v1/points/exchanges', {
        params: { header: { 'Idempotency-Key': key } },
        body: { quoteId: quote!.id } as never,
      })).data as Exchange;
      setDone(x);
      setQuote(undefined);
      onDone();
    });
  return (
    <section class="card" aria-labelledby="exchange-title">
      <h2 id="exchange-title">{t('econ.exchange.title')}</h2>
      <p class="muted">{t('econ.exchange.lead')}</p>
      <form id="exchange-form" class="form-grid" onSubmit={ask}>
        <label for="exchange-from">{t('econ.exchange.from')}</label>
        <select id="exchange-from" value={from} required onChange={(e) => setFrom((e.currentTarget as HTMLSelectElement).value)}>
          {held.length === 0 && <option value="">{t('econ.exchange.nothing')}</option>}
          {held.map((b) => <option key={b.brand} value={b.brand}>{b.brand} ({formatNumber(locale, b.balance ?? 0)})</option>)}
        </select>
        <label for="exchange-to">{t('econ.exchange.to')}</label>
        <input id="exchange-to" class="mono" list="exchange-brands" autoComplete="off" required value={to}
          aria-describedby="exchange-to-hint" onInput={(e) => setTo((e.currentTarget as HTMLInputElement).value)} />
        <datalist id="exchange-brands">{brands.filter((b) => b.brand !== from).map((b) => <option key={b.brand} value={b.brand} />)}</datalist>
        <p class="hint" id="exchange-to-hint">{t('econ.exchange.toHint')}</p>
        <label for="exchange-amount">{t('econ.exchange.amount')}</label>
        <input id="exchange-amount" inputMode="numeric" pattern="[0-9]+" autoComplete="off" required value={amount}
          onInput={(e) => setAmount((e.currentTarget as HTMLInputElement).value)} />
        <div class="actions">
          <button type="submit" class="secondary" id="exchange-quote" disabled={busy || !from}>{t('econ.exchange.getQuote')}</button>
        </div>
      </form>
      {quote && <QuoteBox quote={quote} busy={busy} onConfirm={confirm} />}
      <div role="status" aria-live="polite">
        {done && (
          <p class="notice" id="exchange-done" data-given={String(done.given)} data-received={String(done.received)}>
            {t('econ.exchange.done', { given: formatNumber(locale, done.given ?? 0), received: formatNumber(locale, done.received ?? 0) })}{' '}
            {done.auditEntryId != null && <Link href={`/audit/receipts/${done.auditEntryId}`}>{t('econ.auditProof')}</Link>}
          </p>
        )}
      </div>
      {error !== undefined && <EconError error={error} id="exchange-error" />}
    </section>
  );
}

function QuoteBox({ quote, busy, onConfirm }: { quote: Quote; busy: boolean; onConfirm: () => void }) {
  const { t, locale } = useI18n();
  const left = secondsLeft(quote.expiresAt ?? '', useNow());
  const expired = left === 0;
  return (
    <div id="exchange-quote-box" class="card" data-quote={quote.id} data-receive={String(quote.receive)} data-rate-bps={String(quote.rateBps)}>
      <h3>{t('econ.exchange.quote')}</h3>
      <dl class="econ-figures">
        <div><dt>{t('econ.exchange.give')}</dt><dd>{formatNumber(locale, quote.amount ?? 0)}</dd></div>
        <div><dt>{t('econ.exchange.rate')}</dt><dd id="exchange-rate">{t('econ.exchange.rateValue', { rate: rateOf(quote.rateBps), bps: String(quote.rateBps) })}</dd></div>
        <div><dt>{t('econ.exchange.receive')}</dt><dd id="exchange-receive">{formatNumber(locale, quote.receive ?? 0)}</dd></div>
        <div><dt>{t('econ.exchange.policy')}</dt><dd>v{quote.policyVersion}</dd></div>
      </dl>
      <p class="muted">{t('econ.exchange.formula')}</p>
      <p>
        {expired ? (
          <span class="countdown expired" id="exchange-countdown" data-seconds="0">{t('econ.exchange.expired')}</span>
        ) : (
          <>
            {t('econ.exchange.expiresIn')}{' '}
            <span class="countdown" id="exchange-countdown" data-seconds={String(left)} role="timer" aria-live="off">{clock(left)}</span>
          </>
        )}
      </p>
      <div class="actions">
        <button type="button" class="primary" id="exchange-confirm" disabled={busy || expired} onClick={onConfirm}>
          {t('econ.exchange.confirm')}
        </button>
      </div>
    </div>
  );
}
