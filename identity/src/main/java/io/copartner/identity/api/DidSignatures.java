package io.copartner.identity.api;

import java.util.Map;

/**
 * Verifies a compact JWS (RFC 7515) signed by a did:key: header {@code kid} = {@code <did>#<multibase key>} (as in
 * DID sign-in), {@code alg} {@code EdDSA} for an Ed25519 key or {@code ES256K} (R‖S, 64 bytes) for secp256k1. Used
 * for signed statements such as governance ballots and delegations.
 */
public interface DidSignatures {

    /**
     * Parses and verifies {@code compactJws} against the did:key its {@code kid} names.
     *
     * @throws InvalidJws MALFORMED when it is not a compact JWS with a JSON object payload and a did:key kid,
     *                    SIGNATURE when the alg does not fit the key or the signature does not verify
     */
    Verified verifyCompact(String compactJws);

    /**
     * Verifies a compact JWS with a detached payload (RFC 7515 Appendix F: {@code header..signature}) over
     * {@code payload}, signed by any resolvable DID (did:key, this platform's did:web, or a foreign did:web): the
     * {@code kid} ({@code <did>#<key id>}) must name a verification method listed in the {@code assertionMethod} of
     * the DID's document as resolved now. The returned payload map is empty (the caller has the bytes).
     *
     * @throws InvalidJws MALFORMED for a JWS that is not detached compact, a bad kid or alg; SIGNATURE when the key
     *                    is not an assertionMethod of the DID or the signature does not verify
     */
    Verified verifyDetached(String compactJws, byte[] payload);

    /** A verified JWS: the signer's DID (from the kid), its kid and alg, the protected header and the payload. */
    record Verified(String signerDid, String kid, String alg, Map<String, Object> header, Map<String, Object> payload) {
    }

    /** Why a JWS was refused. */
    enum Failure { MALFORMED, SIGNATURE }

    /** A refused JWS; the message is fit for an error response. */
    final class InvalidJws extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Failure failure;

        public InvalidJws(Failure failure, String message) {
            super(message);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }
}
