package io.copartner.identity.api;

import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.Idempotent;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Administration of merchant identities: a Keycloak user (role {@code merchant}) in group
 * {@code /merchants/<id>}, a did:web, a business profile, and a MerchantVerification credential. Each action
 * writes an audit entry in its transaction; Keycloak is changed first and compensated if the database part
 * fails, so a Keycloak outage leaves nothing half done (503 {@code unavailable}).
 */
public interface MerchantAdministration {

    Idempotent<MerchantView> create(NewMerchant merchant, PartyId actor, IdempotencyKey idempotencyKey);

    /**
     * Verify, suspend and reinstate take an optional {@code idempotencyKey}: a retry with the same key and request
     * (action, merchant, reason) answers as the first did and changes nothing; the same key with another request is
     * a 409 {@code idempotency-conflict}. Without a key, repeating an action that no longer applies is a 409.
     */
    Idempotent<MerchantView> verify(String merchantId, PartyId actor, IdempotencyKey idempotencyKey);

    Idempotent<MerchantView> suspend(String merchantId, String reason, PartyId actor, IdempotencyKey idempotencyKey);

    Idempotent<MerchantView> reinstate(String merchantId, PartyId actor, IdempotencyKey idempotencyKey);

    MerchantView get(String merchantId);

    /** Ordered by id; {@code cursor} is the {@code nextCursor} of the previous page. */
    MerchantPage search(String status, String q, String cursor, int limit);

    List<HistoryEntry> history(String merchantId);

    /** Realm roles an admin may give a merchant's account here; {@code admin} is deliberately not among them. */
    Set<String> ASSIGNABLE_ROLES = Set.of("merchant", "partner", "auditor");

    /** The platform roles (partner, merchant, admin, auditor) the merchant's Keycloak user holds. */
    Set<String> roles(String merchantId);

    /**
     * Makes the merchant's assignable roles exactly {@code roles}, which must include {@code merchant} and name only
     * {@link #ASSIGNABLE_ROLES}; Keycloak first (compensated if the database part fails), then one audit entry
     * with the roles added and removed. Setting the roles it already has changes and records nothing.
     */
    Set<String> setRoles(String merchantId, Set<String> roles, PartyId actor);

    /**
     * {@code password} is optional (the merchant sets one through Keycloak otherwise); {@code publicKeyMultibase}
     * optionally registers the merchant's did:web key right away.
     */
    record NewMerchant(String name, String businessLicence, String contactEmail, String username, String password,
                       String publicKeyMultibase) {
    }

    record MerchantView(String id, String did, String status, String keycloakUserId, String name,
                        String businessLicence, String contactEmail, String username, String credentialId,
                        String credentialJwt, Instant createdAt, Instant updatedAt) {
    }

    record MerchantPage(List<MerchantView> items, String nextCursor) {
    }

    record HistoryEntry(String type, String status, String actor, long auditEntryId, String leafHash, Instant time) {
    }
}
