import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { ErrorBox, Loading } from '../ui/states';

export default function AuthCallback() {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    import('../auth/oidc')
      .then((m) => m.completeSignIn())
      .then((to) => navigate(to, true), setError);
  }, []);
  return (
    <section>
      <h1 id="page-title">{t('auth.callback')}</h1>
      {error === undefined ? <Loading /> : <ErrorBox error={error} />}
    </section>
  );
}
