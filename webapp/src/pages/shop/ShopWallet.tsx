import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { useSession } from '../../auth/session';
import { useI18n, type MessageKey } from '../../i18n';
import { formatMoney } from '../../i18n/format';
import { CURRENCIES, decimalToMinor } from '../../lib/shop';
import { Link } from '../../ui/Link';
import { Empty, Show, useAsync } from '../../ui/states';
import { minorNumber, newKey } from './data';
import { ShopError } from './ShopError';

type TopUp = components['schemas']['TopUp'];
type SignedWebhook = components['schemas']['SignedWebhook'];
type Stage = 'created' | 'confirmation' | 'webhook' | 'completed';
const STAGES: Stage[] = ['created', 'confirmation', 'webhook', 'completed'];

/**
 * The partner's shop wallet: balances per currency and a top-up through the configured payment provider. With the
 * sandbox provider the page plays the provider's part in the open: it fetches the confirmation the sandbox signs
 * (HMAC webhook), shows it, and delivers it to the platform's webhook, as a real provider's server would.
 */
export default function ShopWallet() {
  const { t } = useI18n();
  const session = useSession();
  if (!session?.roles.includes('partner')) {
    return (
      <section aria-labelledby="page-title">
        <h1 id="page-title">{t('shop.wallet.title')}</h1>
        <p class="warning" id="wallet-partners-only">{t('shop.wallet.partnersOnly')} <Link href="/wallet">{t('nav.wallet')}</Link></p>
      </section>
    );
  }
  return <Loaded />;
}

function Loaded() {
  const { t, locale } = useI18n();
  const [wallets, reload] = useAsync(async () => (await api.GET('/api/v1/wallet')).data ?? [], []);
  const [currency, setCurrency] = useState<string>('CNY');
  const [amount, setAmount] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [topUp, setTopUp] = useState<TopUp>();
  const [webhook, setWebhook] = useState<SignedWebhook>();
  const [stage, setStage] = useState<Stage>();
  const step = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const start = (e: Event) => {
    e.preventDefault();
    const minor = decimalToMinor(amount, currency);
    if (minor === undefined || minor === '0') {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setTopUp(undefined);
    setWebhook(undefined);
    setStage(undefined);
    void step(async () => {
      const created = (await api.POST('/api/v1/wallet/top-ups', {
        params: { header: { 'Idempotency-Key': newKey() } },
        body: { currency, amount: minorNumber(minor) },
      })).data!;
      setTopUp(created);
      setStage('created');
      const signed = (await api.POST('/api/v1/wallet/top-ups/{id}/sandbox-confirmation', {
        params: { path: { id: created.id! } },
      })).data!;
      setWebhook(signed);
      setStage('confirmation');
    });
  };
  const deliver = () => void step(async () => {
    const w = webhook!;
    const provider = /^\/api\/v1\/payments\/([^/]+)\/webhook$/.exec(w.path ?? '')?.[1];
    if (!provider) throw new Error(`unexpected webhook path ${w.path}`);
    // The body goes byte for byte as the provider signed it: the signature covers the raw bytes.
    await api.POST('/api/v1/payments/{provider}/webhook', {
      params: { path: { provider } },
      headers: { [w.signatureHeader ?? 'Copartner-Signature']: w.signature! },
      body: JSON.parse(w.body!),
      bodySerializer: () => w.body!,
    });
    setStage('webhook');
    const done = (await api.GET('/api/v1/wallet/top-ups/{id}', { params: { path: { id: topUp!.id! } } })).data!;
    setTopUp(done);
    if (done.status === 'COMPLETED') setStage('completed');
    reload();
  });
  const reached = stage ? STAGES.indexOf(stage) : -1;
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('shop.wallet.title')}</h1>
      <p class="lead">{t('shop.wallet.lead')}</p>
      <section class="card" aria-labelledby="balances-title">
        <h2 id="balances-title">{t('shop.wallet.balances')}</h2>
        <Show value={wallets} retry={reload}>
          {(list) => list.length === 0 ? <div id="shop-wallets-none"><Empty>{t('shop.wallet.none')}</Empty></div> : (
            <ul class="balances" id="shop-wallets">
              {list.map((w) => (
                <li key={w.currency} data-currency={w.currency} data-balance={String(w.balance)}>
                  <span>{w.currency}</span> <strong>{formatMoney(locale, w.balance ?? 0, w.currency!)}</strong>
                </li>
              ))}
            </ul>
          )}
        </Show>
      </section>
      <section class="card" aria-labelledby="topup-title">
        <h2 id="topup-title">{t('shop.topup.title')}</h2>
        <p class="muted">{t('shop.topup.sandbox')}</p>
        <form id="topup-form" class="form-grid" onSubmit={start}>
          <label for="topup-currency">{t('shop.topup.currency')}</label>
          <select id="topup-currency" value={currency} onChange={(e) => setCurrency((e.currentTarget as HTMLSelectElement).value)}>
            {CURRENCIES.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
          <label for="topup-amount">{t('shop.topup.amount')}</label>
          <input id="topup-amount" inputMode="decimal" autoComplete="off" value={amount} required
            aria-describedby={invalid ? 'topup-amount-hint topup-amount-err' : 'topup-amount-hint'} aria-invalid={invalid}
            onInput={(e) => setAmount((e.currentTarget as HTMLInputElement).value)} />
          <p class="hint" id="topup-amount-hint">{t('shop.topup.amountHint')}</p>
          {invalid && <p class="bad" id="topup-amount-err">{t('shop.search.badAmount')}</p>}
          <div class="actions">
            <button type="submit" class="primary" id="topup-submit" disabled={busy}>
              {busy && reached < 1 ? t('shop.topup.working') : t('shop.topup.submit')}
            </button>
          </div>
        </form>
        {stage && (
          <ol class="progress" id="topup-progress" aria-live="polite">
            {STAGES.map((s, i) => (
              <li key={s} data-stage={s} data-done={String(i <= reached)}>
                <span class="mark" aria-hidden="true">{i <= reached ? '✓' : '○'}</span>
                {t(`shop.topup.stage.${s}` as MessageKey)}
              </li>
            ))}
          </ol>
        )}
        {webhook && stage === 'confirmation' && (
          <div id="topup-webhook-box">
            <h3>{t('shop.topup.webhook')}</h3>
            <p class="mono" id="topup-signature">{webhook.signatureHeader}: {webhook.signature}</p>
            <pre class="mono payload" id="topup-webhook" tabIndex={0} aria-label={t('shop.topup.webhook')}>{webhook.body}</pre>
            <div class="actions">
              <button type="button" class="primary" id="topup-confirm" disabled={busy} onClick={deliver}>
                {busy ? t('shop.topup.working') : t('shop.topup.confirm')}
              </button>
            </div>
          </div>
        )}
        <div role="status" aria-live="polite">
          {stage === 'completed' && topUp && (
            <p class="notice" id="topup-done">
              {t('shop.topup.done', { amount: formatMoney(locale, topUp.amount ?? 0, topUp.currency!) })}{' '}
              {topUp.auditEntryId != null && <Link href={`/audit/receipts/${topUp.auditEntryId}`}>{t('shop.topup.auditLink')}</Link>}
            </p>
          )}
        </div>
        {error !== undefined && <ShopError error={error} id="topup-error" />}
      </section>
    </section>
  );
}
