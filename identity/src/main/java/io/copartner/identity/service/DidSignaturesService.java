package io.copartner.identity.service;

import io.copartner.identity.api.DidSignatures;
import io.copartner.identity.did.DidKeyJws;
import jakarta.enterprise.context.ApplicationScoped;

/** {@link DidSignatures} for did:key signers (no I/O: the key is in the identifier). */
@ApplicationScoped
public class DidSignaturesService implements DidSignatures {

    @Override
    public Verified verifyCompact(String compactJws) {
        return DidKeyJws.verify(compactJws);
    }
}
