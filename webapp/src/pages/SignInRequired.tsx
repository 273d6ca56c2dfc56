import { useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { ErrorBox } from '../ui/states';

export function PasswordSignInButton({ returnTo }: { returnTo: string }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>();
  const go = async () => {
    try {
      const { signInWithPassword } = await import('../auth/oidc');
      await signInWithPassword(returnTo);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <button type="button" class="secondary" id="password-sign-in" onClick={go}>
        {t('auth.signIn')}
      </button>
      {error !== undefined && <ErrorBox error={error} />}
    </>
  );
}

export default function SignInRequired({ path }: { path: string }) {
  const { t } = useI18n();
  return (
    <section>
      <h1 id="page-title">{t('auth.required')}</h1>
      <p>
        <a class="button primary" href={`/wallet?returnTo=${encodeURIComponent(path)}`}>
          {t('nav.wallet')}
        </a>
      </p>
      <PasswordSignInButton returnTo={path} />
    </section>
  );
}
