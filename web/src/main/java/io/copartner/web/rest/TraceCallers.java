package io.copartner.web.rest;

import io.copartner.commerce.api.Traceability;
import io.copartner.identity.api.MerchantAccess;
import io.copartner.identity.api.PlatformDid;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The traceability caller of a token: its party id, its did:key (the {@code did} claim), a merchant's did:web. */
final class TraceCallers {

    private TraceCallers() {
    }

    static Traceability.Caller of(JsonWebToken token, MerchantAccess merchants, PlatformDid platform) {
        Set<String> dids = new LinkedHashSet<>();
        Object did = token.getClaim("did");
        if (did != null && !did.toString().isBlank()) {
            dids.add(did.toString());
        }
        Optional<String> merchantId = token.getSubject() == null ? Optional.empty()
            : merchants.merchantIdOf(token.getSubject());
        merchantId.ifPresent(m -> dids.add(platform.merchantDid(m)));
        return new Traceability.Caller(Callers.actor(token), Set.copyOf(dids), merchantId.orElse(null));
    }
}
