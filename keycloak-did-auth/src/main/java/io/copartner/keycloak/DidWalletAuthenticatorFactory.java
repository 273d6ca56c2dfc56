package io.copartner.keycloak;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The "DID wallet" browser authenticator ({@value #ID}). With the option
 * {@code --spi-authenticator--copartner-did-wallet--browser-flow-realms=<realm,...>} it also installs, once per
 * named realm, a browser flow offering it (see {@link DidBrowserFlow}) when Keycloak has finished booting, so a
 * realm imported earlier or kept from an older run gets the page too.
 */
public class DidWalletAuthenticatorFactory implements AuthenticatorFactory {

    public static final String ID = "copartner-did-wallet";
    private static final Logger LOG = Logger.getLogger(DidWalletAuthenticatorFactory.class);
    private static final Requirement[] CHOICES = {Requirement.ALTERNATIVE, Requirement.REQUIRED,
        Requirement.DISABLED};

    private List<String> browserFlowRealms = List.of();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "DID wallet";
    }

    @Override
    public String getReferenceCategory() {
        return "did";
    }

    @Override
    public String getHelpText() {
        return "Sign in by signing a nonce with a did:key (Ed25519 or secp256k1) wallet; registers new DIDs as partners.";
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return CHOICES.clone();
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new DidWalletAuthenticator(Clock.systemUTC());
    }

    @Override
    public void init(Config.Scope config) {
        String realms = config.get("browserFlowRealms", "");
        browserFlowRealms = Arrays.stream(realms.split(",")).map(String::strip).filter(r -> !r.isEmpty()).toList();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        if (browserFlowRealms.isEmpty()) {
            return;
        }
        // Realms are imported during bootstrap, before this event: they exist when it arrives.
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, session -> {
                    for (String name : browserFlowRealms) {
                        RealmModel realm = session.realms().getRealmByName(name);
                        if (realm == null) {
                            LOG.warnf("DID sign-in: realm %s not found; no browser flow installed", name);
                        } else if (DidBrowserFlow.ensure(realm)) {
                            LOG.infof("DID sign-in: installed and bound browser flow '%s' in realm %s",
                                DidBrowserFlow.ALIAS, name);
                        }
                    }
                });
            }
        });
    }

    @Override
    public void close() {
    }
}
