import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { useWallet } from '../wallet/current';
import { present, withKeyBinding } from '../wallet/sdjwt';
import { keyFor } from '../ui/labels';
import { ErrorBox } from '../ui/states';

interface Disclosure {
  claim: string;
  value: unknown;
  disclosure: string;
}
interface Issued {
  sdJwt: string;
  issuer?: string;
  disclosures: Disclosure[];
}
interface Verification {
  verified: boolean;
  checks?: { check: string; ok: boolean; detail?: string }[];
  credential?: Record<string, unknown>;
}

function Verify({ initial }: { initial: string }) {
  const { t } = useI18n();
  const [text, setText] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Verification>();
  const [error, setError] = useState<unknown>();
  if (initial && initial !== text && !busy && !result) setText(initial);
  const check = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult((await api.POST('/api/v1/credentials/verify', { body: { credential: text.trim() } as never })).data as Verification);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card" onSubmit={check} aria-labelledby="verify-title">
      <h2 id="verify-title">{t('cred.verify.title')}</h2>
      <p>{t('cred.verify.help')}</p>
      <label for="verify-input">{t('cred.verify.input')}</label>
      <textarea id="verify-input" value={text} onInput={(e) => setText(e.currentTarget.value)} spellcheck={false} />
      <div class="actions">
        <button type="submit" class="primary" id="verify-submit" disabled={busy || !text.trim()}>
          {busy ? t('cred.verifying') : t('cred.verify')}
        </button>
      </div>
      {error !== undefined && <ErrorBox error={error} />}
      {result && (
        <div aria-live="polite">
          <p id="verify-result" class={result.verified ? 'ok' : 'bad'}>
            {result.verified ? `✓ ${t('cred.verified')}` : `✗ ${t('cred.notVerified')}`}
          </p>
          <h3>{t('cred.checks')}</h3>
          <ul>
            {(result.checks ?? []).map((c) => (
              <li key={c.check}>
                <span class={c.ok ? 'ok' : 'bad'}>{c.ok ? '✓' : '✗'}</span> <strong>{c.check}</strong> {c.detail}
              </li>
            ))}
          </ul>
          {result.credential && (
            <>
              <h3>{t('cred.claims')}</h3>
              <pre class="mono pre">{JSON.stringify(result.credential, null, 2)}</pre>
            </>
          )}
        </div>
      )}
    </form>
  );
}

export default function Credentials() {
  const { t } = useI18n();
  const session = useSession();
  const w = useWallet();
  const [issued, setIssued] = useState<Issued>();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [bind, setBind] = useState(false);
  const [aud, setAud] = useState('');
  const [nonce, setNonce] = useState('');
  const [presentation, setPresentation] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const key = w.state === 'ready' && w.wallet && w.wallet.key.did === session?.did ? w.wallet.key : undefined;

  const issue = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const r = (await api.POST('/api/v1/me/credentials/membership-sd-jwt', {})).data as unknown as Issued;
      setIssued(r);
      setChosen(new Set(r.disclosures.map((d) => d.disclosure)));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const makePresentation = async (e: Event) => {
    e.preventDefault();
    if (!issued) return;
    setError(undefined);
    try {
      let p = present(issued.sdJwt, issued.disclosures.filter((d) => chosen.has(d.disclosure)).map((d) => d.disclosure));
      if (bind && key) p = await withKeyBinding(p, key, aud, nonce);
      setPresentation(p);
    } catch (err) {
      setError(err);
    }
  };
  const claimLabel = (c: string) => {
    const k = keyFor('cred.claim', c);
    return k ? t(k) : c;
  };
  const valueLabel = (c: string, v: unknown) => {
    if (c === 'tier') {
      const k = keyFor('tier', String(v));
      if (k) return t(k);
    }
    return String(v);
  };
  return (
    <section>
      <h1 id="page-title">{t('cred.title')}</h1>
      <p class="lead">{t('cred.lead')}</p>
      <div class="card">
        <h2>{t('cred.membership')}</h2>
        {!issued && (
          <button type="button" class="primary" id="issue-membership" onClick={issue} disabled={busy}>
            {busy ? t('cred.issuing') : t('cred.issue')}
          </button>
        )}
        {issued && (
          <form onSubmit={makePresentation}>
            {issued.issuer && (
              <p>
                {t('cred.issuer')}: <code class="mono">{issued.issuer}</code>
              </p>
            )}
            <fieldset>
              <legend>{t('cred.choose')}</legend>
              {issued.disclosures.map((d) => (
                <div key={d.disclosure} class="check">
                  <input
                    type="checkbox"
                    id={`disclose-${d.claim}`}
                    checked={chosen.has(d.disclosure)}
                    onChange={(e) => {
                      const s = new Set(chosen);
                      if (e.currentTarget.checked) s.add(d.disclosure);
                      else s.delete(d.disclosure);
                      setChosen(s);
                    }}
                  />
                  <label for={`disclose-${d.claim}`} class="inline">
                    {claimLabel(d.claim)}: {valueLabel(d.claim, d.value)}
                  </label>
                </div>
              ))}
            </fieldset>
            {key ? (
              <div class="check">
                <input type="checkbox" id="key-binding" checked={bind} onChange={(e) => setBind(e.currentTarget.checked)} />
                <label for="key-binding" class="inline">
                  {t('cred.keyBinding')}
                </label>
              </div>
            ) : (
              session?.did && <p class="muted">{t('cred.noWalletForBinding')}</p>
            )}
            {bind && key && (
              <>
                <label for="kb-aud">{t('cred.audience')}</label>
                <input id="kb-aud" value={aud} onInput={(e) => setAud(e.currentTarget.value)} required />
                <label for="kb-nonce">{t('cred.nonce')}</label>
                <input id="kb-nonce" value={nonce} onInput={(e) => setNonce(e.currentTarget.value)} required />
              </>
            )}
            <div class="actions">
              <button type="submit" class="primary" id="make-presentation">
                {t('cred.present')}
              </button>
            </div>
          </form>
        )}
        {presentation && (
          <>
            <label for="presentation">{t('cred.presentation')}</label>
            <textarea id="presentation" readOnly value={presentation} />
          </>
        )}
        {error !== undefined && <ErrorBox error={error} />}
      </div>
      <Verify initial={presentation} />
    </section>
  );
}
