package io.copartner.identity.service;

import io.copartner.kernel.event.PlatformStarted;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.logging.Level;
import java.util.logging.Logger;

/** At first start the platform gets its credential issuer key (after the ledger's own start-up facts). */
@ApplicationScoped
public class IdentityStartup {

    private static final Logger LOG = Logger.getLogger(IdentityStartup.class.getName());

    @Inject
    PlatformKeysService platformKeys;

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) PlatformStarted started) {
        try {
            String keyId = platformKeys.ensureIssuerKey().keyId();
            LOG.info(() -> "Credential issuer key " + keyId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "No credential issuer key yet; it is created on first use", e);
        }
    }
}
