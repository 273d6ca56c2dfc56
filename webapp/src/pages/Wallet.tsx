import { useState } from 'preact/hooks';
import { getSession, useSession } from '../auth/session';
import { useI18n, type MessageKey } from '../i18n';
import { formatDateTime } from '../i18n/format';
import { navigate } from '../router';
import { BackupError, backupFileName, MIN_PASSWORD_LENGTH } from '../wallet/backup';
import type { KeyType } from '../wallet/didkey';
import { base58btc, hex } from '../wallet/encoding';
import { SignInError, signInWithDid } from '../wallet/signin';
import { createWallet, forgetWallet, restoreWallet, type Wallet } from '../wallet/wallet';
import { useWallet, walletChanged } from '../wallet/current';
import { CopyValue } from '../ui/Copy';
import { ErrorBox, Loading } from '../ui/states';
import { Link } from '../ui/Link';

type Notice = { kind: 'ok' | 'error'; text: string } | undefined;

function walletError(e: unknown, t: (k: MessageKey) => string): string {
  if (e instanceof BackupError) return t(e.reason === 'format' ? 'wallet.error.format' : 'wallet.error.password');
  if (e instanceof Error && /does not match/.test(e.message)) return t('wallet.error.mismatch');
  if (e instanceof DOMException && e.name === 'NotSupportedError') return t('wallet.error.unsupported');
  return e instanceof Error ? e.message : String(e);
}

function returnTo(): string {
  const r = new URLSearchParams(location.search).get('returnTo');
  return r && r.startsWith('/') && !r.startsWith('//') ? r : '/account';
}

function CreateForm({ onDone }: { onDone: (w: Wallet) => void }) {
  const { t } = useI18n();
  const [type, setType] = useState<KeyType>('Ed25519');
  const [pw, setPw] = useState('');
  const [pw2, setPw2] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (pw.length < MIN_PASSWORD_LENGTH) return setError(t('wallet.passwordShort', { min: MIN_PASSWORD_LENGTH }));
    if (pw !== pw2) return setError(t('wallet.passwordMismatch'));
    setError(undefined);
    setBusy(true);
    try {
      onDone(await createWallet(type, pw));
    } catch (err) {
      setError(walletError(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card" onSubmit={submit} aria-labelledby="create-title" noValidate>
      <h2 id="create-title">{t('wallet.create.title')}</h2>
      <p>{t('wallet.create.help')}</p>
      <label for="key-type">{t('wallet.keyType')}</label>
      <select id="key-type" value={type} onChange={(e) => setType((e.currentTarget as HTMLSelectElement).value as KeyType)}>
        <option value="Ed25519">{t('wallet.keyType.Ed25519')}</option>
        <option value="secp256k1">{t('wallet.keyType.secp256k1')}</option>
      </select>
      <label for="create-password">{t('wallet.password', { min: MIN_PASSWORD_LENGTH })}</label>
      <input id="create-password" type="password" autocomplete="new-password" value={pw} onInput={(e) => setPw(e.currentTarget.value)} required minLength={MIN_PASSWORD_LENGTH} />
      <label for="create-password2">{t('wallet.passwordRepeat')}</label>
      <input id="create-password2" type="password" autocomplete="new-password" value={pw2} onInput={(e) => setPw2(e.currentTarget.value)} required />
      {error && (
        <p class="bad" role="alert" id="create-error">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" id="create-wallet" disabled={busy}>
          {t('wallet.create')}
        </button>
        {busy && <span role="status">{t('wallet.creating')}</span>}
      </div>
    </form>
  );
}

function RestoreForm({ onDone }: { onDone: (w: Wallet) => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File>();
  const [pw, setPw] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!file) return setError(t('wallet.restore.noFile'));
    setError(undefined);
    setBusy(true);
    try {
      onDone(await restoreWallet(await file.text(), pw));
    } catch (err) {
      setError(walletError(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card" onSubmit={submit} aria-labelledby="restore-title" noValidate>
      <h2 id="restore-title">{t('wallet.restore.title')}</h2>
      <p>{t('wallet.restore.help')}</p>
      <label for="restore-file">{t('wallet.restore.file')}</label>
      <input id="restore-file" type="file" accept="application/json,.json" onChange={(e) => setFile(e.currentTarget.files?.[0])} />
      <label for="restore-password">{t('wallet.restore.password')}</label>
      <input id="restore-password" type="password" autocomplete="current-password" value={pw} onInput={(e) => setPw(e.currentTarget.value)} />
      {error && (
        <p class="bad" role="alert" id="restore-error">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" id="restore-wallet" disabled={busy}>
          {t('wallet.restore')}
        </button>
        {busy && <span role="status">{t('wallet.restoring')}</span>}
      </div>
    </form>
  );
}

function download(w: Wallet): void {
  const blob = new Blob([JSON.stringify(w.backup, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = backupFileName(w.key.did);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function WalletView({ wallet, notice, setNotice }: { wallet: Wallet; notice: Notice; setNotice: (n: Notice) => void }) {
  const { t, locale } = useI18n();
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [confirmForget, setConfirmForget] = useState(false);
  const [showKey, setShowKey] = useState(false);
  const signedInHere = session?.method === 'did' && session.did === wallet.key.did;
  const signIn = async () => {
    setBusy(true);
    setNotice(undefined);
    try {
      await signInWithDid(wallet.key);
      navigate(returnTo());
    } catch (e) {
      const reason = e instanceof SignInError ? e.message : e instanceof Error ? e.message : String(e);
      setNotice({ kind: 'error', text: t('wallet.signInFailed', { reason }) });
    } finally {
      setBusy(false);
    }
  };
  const forget = async () => {
    await forgetWallet();
    if (getSession()?.did === wallet.key.did) {
      const { setSession } = await import('../auth/session');
      setSession(undefined);
    }
    walletChanged(undefined);
    setNotice({ kind: 'ok', text: t('wallet.forgotten') });
  };
  return (
    <>
      <div class="card">
        <dl class="facts">
          <dt>{t('wallet.did')}</dt>
          <dd>
            <CopyValue value={wallet.key.did} id="wallet-did" />
            <br />
            <span class="muted">{t('wallet.didHelp')}</span>
          </dd>
          <dt>{t('wallet.type')}</dt>
          <dd id="wallet-type">{wallet.key.type}</dd>
          <dt>{t('wallet.storage')}</dt>
          <dd>{t(wallet.key.type === 'Ed25519' ? 'wallet.storage.Ed25519' : 'wallet.storage.secp256k1')}</dd>
          <dt>{t('wallet.createdAt')}</dt>
          <dd>{formatDateTime(locale, wallet.createdAt)}</dd>
          <dt>{t('wallet.publicKey')}</dt>
          <dd>
            <button type="button" class="link-button" aria-expanded={showKey} onClick={() => setShowKey(!showKey)}>
              {showKey ? t('common.hide') : t('common.show')}
            </button>
            {showKey && (
              <>
                <br />
                <code class="mono">z{base58btc(wallet.key.publicKey)}</code>
                <br />
                <code class="mono">{hex(wallet.key.publicKey)}</code>
              </>
            )}
          </dd>
        </dl>
      </div>
      {notice && (
        <p class={notice.kind === 'ok' ? 'ok' : 'bad'} role={notice.kind === 'ok' ? 'status' : 'alert'} id="wallet-notice">
          {notice.text}
        </p>
      )}
      <div class="actions">
        {signedInHere ? (
          <>
            <p class="ok" id="signed-in">
              {t('wallet.signedIn')}
            </p>
            <Link href="/account" class="button primary">
              {t('wallet.toAccount')}
            </Link>
          </>
        ) : (
          <button type="button" class="primary" id="did-sign-in" onClick={signIn} disabled={busy}>
            {busy ? t('wallet.signingIn') : t('wallet.signIn')}
          </button>
        )}
        <button type="button" class="secondary" id="download-backup" onClick={() => download(wallet)}>
          {t('wallet.backup')}
        </button>
      </div>
      <p class="muted">{t('wallet.backupHelp')}</p>
      <div class="actions">
        {confirmForget ? (
          <div class="warning" role="alertdialog" aria-labelledby="forget-warning">
            <p id="forget-warning">{t('wallet.forgetWarning')}</p>
            <div class="actions">
              <button type="button" class="danger" id="forget-confirm" onClick={forget}>
                {t('wallet.forgetConfirm')}
              </button>
              <button type="button" class="secondary" onClick={() => setConfirmForget(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" class="link-button" id="forget-wallet" onClick={() => setConfirmForget(true)}>
            {t('wallet.forget')}
          </button>
        )}
      </div>
    </>
  );
}

export default function WalletPage() {
  const { t } = useI18n();
  const w = useWallet();
  const [notice, setNotice] = useState<Notice>();
  const done = (kind: 'created' | 'restored') => (wallet: Wallet) => {
    walletChanged(wallet);
    setNotice({ kind: 'ok', text: t(kind === 'created' ? 'wallet.created' : 'wallet.restored') });
  };
  return (
    <section>
      <h1 id="page-title">{t('wallet.title')}</h1>
      <p class="lead">{t('wallet.lead')}</p>
      {w.state === 'loading' && <Loading />}
      {w.state === 'error' && <ErrorBox error={w.error} />}
      {w.state === 'ready' && w.wallet && <WalletView wallet={w.wallet} notice={notice} setNotice={setNotice} />}
      {w.state === 'ready' && !w.wallet && (
        <>
          {notice && (
            <p class="ok" role="status">
              {notice.text}
            </p>
          )}
          <p id="no-wallet">{t('wallet.none')}</p>
          <CreateForm onDone={done('created')} />
          <RestoreForm onDone={done('restored')} />
        </>
      )}
    </section>
  );
}
