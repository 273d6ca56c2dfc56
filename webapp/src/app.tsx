import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { getSession, setSession, useSession } from './auth/session';
import { LOCALES, type Locale } from './i18n/locale';
import { setLocale, useI18n } from './i18n';
import { match, routes } from './routes';
import { usePath } from './router';
import { ErrorBox, Loading } from './ui/states';
import { Link } from './ui/Link';
import NotFound from './pages/NotFound';
import SignInRequired from './pages/SignInRequired';

function LocaleSwitcher() {
  const { locale, t } = useI18n();
  return (
    <label class="locale">
      <span class="visually-hidden">{t('locale.label')}</span>
      <select
        id="locale-switcher"
        value={locale}
        aria-label={t('locale.label')}
        onChange={(e) => setLocale((e.currentTarget as HTMLSelectElement).value as Locale)}
      >
        {LOCALES.map((l) => (
          <option value={l} lang={l} key={l}>
            {t(`locale.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

function SessionBox() {
  const { t } = useI18n();
  const s = useSession();
  if (!s) return null;
  const signOut = async () => {
    const idToken = s.idToken;
    setSession(undefined);
    if (s.method === 'password') {
      const { signOutOfKeycloak } = await import('./auth/oidc');
      await signOutOfKeycloak(idToken);
    }
  };
  return (
    <div class="session">
      <span class="who" title={s.did ?? s.name}>
        {t('auth.signedInAs', { name: s.did ? `${s.did.slice(0, 12)}…${s.did.slice(-4)}` : (s.name ?? s.subject) })}
      </span>
      <button type="button" class="link-button" id="sign-out" onClick={signOut}>
        {t('auth.signOut')}
      </button>
    </div>
  );
}

function Nav({ path }: { path: string }) {
  const { t } = useI18n();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const items = routes.filter((r) => r.nav && (!r.auth || session) && (!r.roles || r.roles.some((role) => session?.roles.includes(role))));
  return (
    <nav aria-label={t('nav.label')} class={open ? 'nav open' : 'nav'}>
      <button type="button" class="menu-toggle" aria-expanded={open} aria-controls="nav-list" onClick={() => setOpen(!open)}>
        {t('nav.menu')}
      </button>
      <ul id="nav-list" onClick={() => setOpen(false)}>
        {items.map((r) => (
          <li key={r.path}>
            <Link href={r.path.replace('/*', '')} current={r.path === path}>
              {t(r.title)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Page({ path }: { path: string }) {
  const { t } = useI18n();
  const session = useSession();
  const route = match(path);
  const [loaded, setLoaded] = useState<{ path: string; C: ComponentType<{ path: string }> } | { error: unknown }>();
  useEffect(() => {
    if (!route) return;
    let live = true;
    route.load().then(
      (m) => live && setLoaded({ path: route.path, C: m.default }),
      (error) => live && setLoaded({ error }),
    );
    return () => {
      live = false;
    };
  }, [route?.path]);
  useEffect(() => {
    document.title = route ? `${t(route.title)} · ${t('app.name')}` : t('app.name');
  }, [route?.path, t('app.name')]);
  if (!route) return <NotFound />;
  if (route.auth && !session && !getSession()) return <SignInRequired path={path} />;
  if (!loaded) return <Loading />;
  if ('error' in loaded) return <ErrorBox error={loaded.error} />;
  if (loaded.path !== route.path) return <Loading />;
  const C = loaded.C;
  return <C path={path} />;
}

export function App() {
  const { t } = useI18n();
  const path = usePath();
  return (
    <>
      <a class="skip" href="#main">
        {t('app.skip')}
      </a>
      <header class="top">
        <Link href="/" class="brand">
          {t('app.name')}
        </Link>
        <div class="top-tools">
          <SessionBox />
          <LocaleSwitcher />
        </div>
      </header>
      <Nav path={path} />
      <main id="main" tabIndex={-1}>
        <Page path={path} />
      </main>
    </>
  );
}
