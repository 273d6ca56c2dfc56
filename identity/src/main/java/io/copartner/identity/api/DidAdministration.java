package io.copartner.identity.api;

import io.copartner.kernel.id.PartyId;

/**
 * Key management of the did:web identities the platform hosts. Rotation keeps the retired key in
 * {@code verificationMethod} (with {@code expires}), removed from {@code assertionMethod}/{@code authentication},
 * so credentials it signed before still verify. Each change is recorded in the audit trail.
 */
public interface DidAdministration {

    /** A new Ed25519 credential issuer key for the platform; the previous one is retired. */
    KeyChange rotatePlatformIssuerKey(PartyId actor);

    /**
     * Registers a merchant's public key (Multikey {@code publicKeyMultibase}, Ed25519 or secp256k1); the
     * merchant's previous key, if any, is retired. The merchant holds the private key.
     */
    KeyChange addMerchantKey(String merchantId, String publicKeyMultibase, PartyId actor);

    /** The key now in use and the keys retired by this change. */
    record KeyChange(String did, String activeKeyId, java.util.List<String> retiredKeyIds, DidDocument document) {
    }
}
