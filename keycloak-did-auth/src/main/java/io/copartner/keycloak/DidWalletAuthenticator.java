package io.copartner.keycloak;

import io.copartner.keycloak.did.DidJwtVerifier;
import io.copartner.keycloak.did.InvalidAssertionException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Details;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * DID sign-in in the browser flow: the page shows a fresh nonce and the audience, the wallet signs the same JWT it
 * would post to the token endpoint (RFC 7523 claims, {@code aud} = the realm's token endpoint) and the user pastes
 * it into the form. The nonce is bound to this authentication session and single-use in the realm's nonce store,
 * so a JWT signed for one page works on no other page and not at the token endpoint either.
 */
public class DidWalletAuthenticator implements Authenticator {

    static final String NONCE_NOTE = "copartner.did-wallet.nonce";
    static final String ASSERTION = "assertion";
    static final String TEMPLATE = "did-wallet-login.ftl";

    private final Clock clock;

    DidWalletAuthenticator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(page(context, null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String assertion = form.getFirst(ASSERTION);
        // Whatever happens next, this page's nonce is spent: a refused attempt gets a new page and a new nonce.
        String pageNonce = context.getAuthenticationSession().getAuthNote(NONCE_NOTE);
        context.getAuthenticationSession().removeAuthNote(NONCE_NOTE);
        try {
            if (assertion == null || assertion.isBlank()) {
                throw new InvalidAssertionException("paste the JWT your wallet signed");
            }
            DidJwtVerifier.Assertion verified = DidJwtVerifier.verify(assertion.strip(),
                TokenEndpoint.of(context.getSession(), context.getRealm()), clock.instant());
            context.getEvent().detail("did", verified.did().did());
            if (pageNonce == null || !pageNonce.equals(verified.nonce())) {
                throw new InvalidAssertionException("the JWT does not sign this page's nonce");
            }
            Nonces.consume(context.getSession().singleUseObjects(), context.getRealm().getId(), verified.nonce(),
                clock);
            UserModel user = DidUsers.findOrRegister(context.getSession(), context.getRealm(), verified.did());
            context.getEvent().user(user).detail(Details.USERNAME, user.getUsername());
            if (!user.isEnabled()) {
                context.failureChallenge(AuthenticationFlowError.USER_DISABLED, page(context, "user is disabled"));
                return;
            }
            context.setUser(user);
            context.success();
        } catch (InvalidAssertionException e) {
            context.getEvent().detail(Details.REASON, e.getMessage());
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page(context, e.getMessage()));
        }
    }

    /** The sign-in page with a fresh nonce bound to this authentication session. */
    private Response page(AuthenticationFlowContext context, String error) {
        RealmModel realm = context.getRealm();
        String nonce = Nonces.issue(context.getSession().singleUseObjects(), realm.getId(), clock);
        context.getAuthenticationSession().setAuthNote(NONCE_NOTE, nonce);
        LoginFormsProvider form = context.form()
            .setAttribute("didNonce", nonce)
            .setAttribute("didAudience", TokenEndpoint.of(context.getSession(), context.getRealm()))
            .setAttribute("didNonceLifetime", Nonces.lifetimeSeconds())
            .setAttribute("didMaxAssertionLifetime", DidJwtVerifier.MAX_LIFETIME_SECONDS);
        if (error != null) {
            form.setError("didWalletRefused", error);
        }
        return form.createForm(TEMPLATE);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
