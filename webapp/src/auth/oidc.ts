import { InMemoryWebStorage, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { appConfig, realmUrl } from '../config';
import { getLocale } from '../i18n';
import { keycloakLocale } from '../i18n/locale';
import { sessionFromToken, setSession } from './session';

// Password sign-in (merchants, admins, password partners): authorization code flow with PKCE against the realm's
// public client. The user (tokens) is kept in memory; only the short-lived state and PKCE verifier of a sign-in
// in progress go to sessionStorage, because they must survive the redirect to Keycloak and back.
let manager: Promise<UserManager> | undefined;

function userManager(): Promise<UserManager> {
  manager ??= appConfig().then(
    (c) =>
      new UserManager({
        authority: realmUrl(c),
        client_id: c.clientId,
        redirect_uri: `${location.origin}/auth/callback`,
        post_logout_redirect_uri: `${location.origin}/`,
        response_type: 'code',
        scope: 'openid',
        userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
        stateStore: new WebStorageStateStore({ store: sessionStorage }),
        automaticSilentRenew: false,
        loadUserInfo: false,
      }),
  );
  return manager;
}

export async function signInWithPassword(returnTo: string): Promise<void> {
  const um = await userManager();
  await um.signinRedirect({ ui_locales: keycloakLocale(getLocale()), state: { returnTo } });
}

/** Completes the redirect back from Keycloak; returns where the user was going. */
export async function completeSignIn(): Promise<string> {
  const um = await userManager();
  const user = await um.signinRedirectCallback();
  setSession(sessionFromToken(user.access_token, 'password', user.expires_in, user.id_token));
  const state = user.state as { returnTo?: string } | undefined;
  return state?.returnTo && state.returnTo.startsWith('/') ? state.returnTo : '/account';
}

export async function signOutOfKeycloak(idToken: string | undefined): Promise<void> {
  const um = await userManager();
  await um.signoutRedirect({ id_token_hint: idToken, extraQueryParams: { ui_locales: keycloakLocale(getLocale()) } });
}
