package io.copartner.keycloak;

import io.copartner.keycloak.did.DidJwtVerifier;
import io.copartner.keycloak.did.InvalidAssertionException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Set;
import org.keycloak.OAuthErrorException;
import org.keycloak.common.Profile;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.protocol.oidc.grants.JWTAuthorizationGrantType;
import org.keycloak.protocol.oidc.grants.OAuth2GrantTypeBase;
import org.keycloak.services.CorsErrorResponseException;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.managers.UserSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

/**
 * RFC 7523 JWT-bearer grant for DID sign-in: {@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer},
 * {@code assertion} = a JWT signed with a did:key over a nonce from {@code /realms/{realm}/did-auth/nonce}.
 * Assertions whose {@code iss} is not a DID go to Keycloak's own JWT authorization grant (identity-provider
 * assertions), when that feature is enabled, so the built-in keeps working beside this one.
 */
public class DidJwtBearerGrantType extends OAuth2GrantTypeBase {

    /** Client attribute that lets a client use DID sign-in ("true"); other clients get unauthorized_client. */
    public static final String CLIENT_ATTRIBUTE = "copartner.did-auth.enabled";
    static final String ASSERTION = "assertion";

    private final Clock clock;

    DidJwtBearerGrantType(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Response process(Context context) {
        setContext(context);
        String assertion = formParams.getFirst(ASSERTION);
        if (assertion == null || assertion.isBlank()) {
            event.error(Errors.INVALID_REQUEST);
            throw new CorsErrorResponseException(cors, OAuthErrorException.INVALID_REQUEST,
                "missing form parameter: assertion", Response.Status.BAD_REQUEST);
        }
        String issuer = DidJwtVerifier.peekIssuer(assertion);
        if ((issuer == null || !issuer.startsWith("did:"))
            && Profile.isFeatureEnabled(Profile.Feature.JWT_AUTHORIZATION_GRANT)) {
            return new JWTAuthorizationGrantType().process(context);
        }
        if (!"true".equals(client.getAttribute(CLIENT_ATTRIBUTE))) {
            event.detail(Details.REASON, "client not enabled for DID sign-in");
            event.error(Errors.NOT_ALLOWED);
            throw new CorsErrorResponseException(cors, OAuthErrorException.UNAUTHORIZED_CLIENT,
                "client " + client.getClientId() + " is not enabled for DID sign-in", Response.Status.BAD_REQUEST);
        }

        DidJwtVerifier.Assertion verified;
        try {
            verified = DidJwtVerifier.verify(assertion, TokenEndpoint.of(session, realm), clock.instant());
            event.detail("did", verified.did().did());
            SingleUseObjectProvider store = session.singleUseObjects();
            Nonces.consume(store, realm.getId(), verified.nonce(), clock);
        } catch (InvalidAssertionException e) {
            event.detail(Details.REASON, e.getMessage());
            event.error(Errors.INVALID_TOKEN);
            throw new CorsErrorResponseException(cors, OAuthErrorException.INVALID_GRANT, e.getMessage(),
                Response.Status.BAD_REQUEST);
        }

        UserModel user = DidUsers.findOrRegister(session, realm, verified.did());
        if (!user.isEnabled()) {
            event.user(user);
            event.error(Errors.USER_DISABLED);
            throw new CorsErrorResponseException(cors, OAuthErrorException.INVALID_GRANT, "user is disabled",
                Response.Status.BAD_REQUEST);
        }
        event.user(user);
        event.detail(Details.USERNAME, user.getUsername());

        String scope = getRequestedScopes();
        RootAuthenticationSessionModel root = new AuthenticationSessionManager(session)
            .createAuthenticationSession(realm, false);
        AuthenticationSessionModel authSession = authSession(root, user, client, scope);
        // Like Keycloak's own assertion grant: a transient user session, an access token and no refresh token;
        // the wallet signs a new challenge when the token expires.
        UserSessionModel userSession = new UserSessionManager(session).createUserSession(root.getId(), realm, user,
            user.getUsername(), clientConnection.getRemoteHost(), "did-jwt-bearer", false, null, null,
            UserSessionModel.SessionPersistenceState.TRANSIENT);
        event.session(userSession);
        ClientSessionContext clientSessionCtx = TokenManager.attachAuthenticationSession(session, userSession,
            authSession);
        return createTokenResponse(user, userSession, clientSessionCtx, scope, true, null);
    }

    private AuthenticationSessionModel authSession(RootAuthenticationSessionModel root, UserModel user,
        ClientModel client, String scope) {
        AuthenticationSessionModel authSession = root.createAuthenticationSession(client);
        authSession.setAuthenticatedUser(user);
        authSession.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        authSession.setClientNote(OIDCLoginProtocol.ISSUER,
            Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()));
        authSession.setClientNote(OIDCLoginProtocol.SCOPE_PARAM, scope);
        return authSession;
    }

    @Override
    protected boolean useRefreshToken() {
        return false;
    }

    @Override
    public EventType getEventType() {
        return EventType.LOGIN;
    }

    @Override
    public Set<String> getTokenParameterNames() {
        return Set.of(ASSERTION);
    }
}
