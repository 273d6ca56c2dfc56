package io.copartner.identity.api;

import io.copartner.kernel.id.PartyId;
import java.time.Instant;
import java.util.Optional;

/**
 * A party's personal data (name, phone, address), kept apart from identifiers, keyed by the party id
 * ({@link PartyId}, {@code party:<token sub>}). It never enters the audit log: storing and erasing write audit entries that carry
 * only a hash of the party id salted with a per-party salt, and erasure deletes that salt too, so the entries can
 * no longer be linked to the party (crypto-shredding) while the log itself stays intact and verifiable.
 */
public interface PersonalData {

    Optional<Details> find(PartyId party);

    /** Creates or replaces the party's personal data; validates each field (400 validation with per-field errors). */
    Details store(PartyId party, Details details);

    /** Deletes the party's personal data and its audit salt; false if there was nothing to erase. */
    boolean erase(PartyId party);

    /** {@code updatedAt} is set by the platform. */
    record Details(String name, String phone, String address, Instant updatedAt) {
    }
}
