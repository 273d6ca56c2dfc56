package io.copartner.identity.service;

import io.copartner.identity.api.DidSignatures;
import io.copartner.identity.api.DidResolver;
import io.copartner.identity.did.DetachedDidJws;
import io.copartner.identity.did.DidKeyJws;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@link DidSignatures}: compact JWS by did:key signers (no I/O: the key is in the identifier), and detached JWS
 * by any DID the resolver knows (EPCIS event signatures).
 */
@ApplicationScoped
public class DidSignaturesService implements DidSignatures {

    @Inject
    DidResolver resolver;

    @Override
    public Verified verifyCompact(String compactJws) {
        return DidKeyJws.verify(compactJws);
    }

    @Override
    public Verified verifyDetached(String compactJws, byte[] payload) {
        return DetachedDidJws.verify(compactJws, payload, resolver);
    }
}
