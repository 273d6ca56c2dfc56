package io.copartner.keycloak;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocolService;

/** The audience a wallet signs for, everywhere: the realm's token endpoint as this request reached Keycloak. */
final class TokenEndpoint {

    private TokenEndpoint() {
    }

    static String of(KeycloakSession session, RealmModel realm) {
        return OIDCLoginProtocolService.tokenUrl(session.getContext().getUri().getBaseUriBuilder())
            .build(realm.getName()).toString();
    }
}
