package io.copartner.identity.api;

import java.util.Optional;

/**
 * The platform's own did:web ({@code did:web:<host%3Aport>} from {@code copartner.public.url}) and the did:web
 * documents it hosts for merchants ({@code did:web:<host>:merchants:<id>}, served at {@code /merchants/<id>/did.json}).
 * The platform document carries the audit checkpoint key ({@code #checkpoint}) and the credential issuer keys
 * ({@code #issuer-N}), both as {@code JsonWebKey} (they sign JOSE); retired keys stay listed with {@code expires}
 * so earlier signatures remain verifiable. Merchant keys are {@code Multikey}.
 */
public interface PlatformDid {

    String did();

    /** The document served at {@code /.well-known/did.json}. */
    DidDocument document();

    /**
     * A merchant's document: with its keys, or, for a merchant without a key yet, one without verification
     * methods (controlled by the platform); empty only for a merchant that does not exist.
     */
    Optional<DidDocument> merchantDocument(String merchantId);

    /** {@code did:web:<platform host>:merchants:<merchantId>}. */
    String merchantDid(String merchantId);
}
