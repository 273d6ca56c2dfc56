package io.copartner.keycloak;

import java.time.Clock;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.protocol.oidc.grants.OAuth2GrantType;
import org.keycloak.protocol.oidc.grants.OAuth2GrantTypeFactory;
import org.keycloak.provider.ProviderFactory;

/**
 * Registers {@link DidJwtBearerGrantType} for {@value #GRANT_TYPE}. Keycloak 26 ships its own factory for that
 * URN (the JWT authorization grant, feature {@code jwt-authorization-grant}); when two factories share an id,
 * Keycloak keeps the one with the higher {@code order()} and, on a tie, the one outside {@code org.keycloak}:
 * this one. Non-DID assertions are handed on to Keycloak's grant (see {@link DidJwtBearerGrantType}).
 */
public class DidJwtBearerGrantTypeFactory implements OAuth2GrantTypeFactory {

    public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final Logger LOG = Logger.getLogger(DidJwtBearerGrantTypeFactory.class);

    @Override
    public String getId() {
        return GRANT_TYPE;
    }

    /** Keycloak's shortcut for this URN, kept so encoded token contexts mean the same grant. */
    @Override
    public String getShortcut() {
        return "ag";
    }

    @Override
    public OAuth2GrantType create(KeycloakSession session) {
        return new DidJwtBearerGrantType(Clock.systemUTC());
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        ProviderFactory<OAuth2GrantType> active = factory.getProviderFactory(OAuth2GrantType.class, GRANT_TYPE);
        if (active != null && active.getClass() == getClass()) {
            LOG.infof("DID sign-in: %s is served by %s", GRANT_TYPE, getClass().getName());
        } else {
            LOG.warnf("DID sign-in: %s is served by %s, not by this provider", GRANT_TYPE,
                active == null ? "nothing" : active.getClass().getName());
        }
    }

    @Override
    public void close() {
    }
}
