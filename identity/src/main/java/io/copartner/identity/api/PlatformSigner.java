package io.copartner.identity.api;

/**
 * Signs a document as the platform: a compact JWS (RFC 7515), EdDSA with the active issuer key of the platform's
 * did:web, {@code kid} its DID URL (listed in the DID document, so anyone verifies it from there).
 */
public interface PlatformSigner {

    /** A compact JWS over exactly {@code payload} (e.g. RFC 8785 canonical JSON), header {@code typ} if not null. */
    String signCompact(byte[] payload, String typ);

    /**
     * A compact JWS with a detached payload (RFC 7515 Appendix F, {@code header..signature}) over exactly
     * {@code payload}: for documents that carry their own signature, where a verifier rebuilds the payload from the
     * document and an attached copy would double its size.
     */
    String signDetached(byte[] payload, String typ);
}
