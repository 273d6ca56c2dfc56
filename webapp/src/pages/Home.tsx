import { useI18n } from '../i18n';
import { Link } from '../ui/Link';
import { PasswordSignInButton } from './SignInRequired';

export default function Home() {
  const { t } = useI18n();
  return (
    <section class="home">
      <h1 id="page-title">{t('home.title')}</h1>
      <p class="lead">{t('home.lead')}</p>
      <p>
        <Link href="/wallet" class="button primary">
          {t('home.getStarted')}
        </Link>
      </p>
      <p>{t('home.signInPassword')}</p>
      <PasswordSignInButton returnTo="/account" />
      <p class="muted">{t('home.verify')}</p>
    </section>
  );
}
