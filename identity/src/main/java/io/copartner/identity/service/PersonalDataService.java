package io.copartner.identity.service;

import io.copartner.identity.api.PersonalData;
import io.copartner.identity.persistence.PrivacyRepository;
import io.copartner.kernel.crypto.Hashes;
import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.problem.Problem;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import io.copartner.ledger.api.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Personal data apart from identifiers; audit entries carry only {@code partyHash} = hex SHA-256(salt ‖ party id)
 * with the party's own salt, which erasure deletes along with the data.
 */
@ApplicationScoped
public class PersonalDataService implements PersonalData {

    static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{2,38}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    PrivacyRepository repository;

    @Inject
    AuditTrail audit;

    @Override
    @Transactional
    public Optional<Details> find(PartyId party) {
        return repository.personalData(party.value())
            .map(r -> new Details(r.name(), r.phone(), r.address(), r.updatedAt()));
    }

    @Override
    @Transactional
    public Details store(PartyId party, Details details) {
        String partyId = party.value();
        Details d = validated(details);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        boolean existed = repository.personalData(partyId).isPresent();
        repository.upsertPersonalData(partyId, d.name(), d.phone(), d.address(), now);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("partyHash", partyHash(partyId));
        payload.put("fields", List.of("name", "phone", "address"));
        payload.put("change", existed ? "updated" : "created");
        audit.record("identity.personal-data.stored", "personal-data", payload);
        return new Details(d.name(), d.phone(), d.address(), now);
    }

    @Override
    @Transactional
    public boolean erase(PartyId party) {
        String partyId = party.value();
        Optional<byte[]> salt = repository.salt(partyId).map(s -> s.salt());
        int rows = repository.deletePersonalData(partyId);
        if (rows == 0 && salt.isEmpty()) {
            return false;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        // The last use of the salt: after this the hash matches nothing the platform still holds.
        salt.ifPresent(s -> payload.put("partyHash", hash(s, partyId)));
        payload.put("fields", rows == 0 ? List.of() : List.of("name", "phone", "address"));
        payload.put("saltDeleted", salt.isPresent());
        repository.deleteSalt(partyId);
        audit.record("identity.personal-data.erased", "personal-data", payload);
        return true;
    }

    /** The party's pseudonym for audit entries, creating its salt on first use. Needs a transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String partyHash(String partyId) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        return hash(repository.saltOrCreate(partyId, fresh, Instant.now()), partyId);
    }

    static String hash(byte[] salt, String partyId) {
        return Hashes.hex(Hashes.sha256(salt, partyId.getBytes(StandardCharsets.UTF_8)));
    }

    static Details validated(Details details) {
        List<Map<String, Object>> errors = new ArrayList<>();
        if (details == null) {
            throw ProblemException.badRequest("A body {name, phone, address} is required.");
        }
        String name = text(details.name(), "name", 200, errors);
        String phone = text(details.phone(), "phone", 40, errors);
        String address = text(details.address(), "address", 500, errors);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add(error("phone", "a phone number: digits, optionally a leading '+', spaces, '(', ')', '.', '/', '-'"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION, errors.size() + " field(s) are invalid")
                .withExtension("errors", errors));
        }
        return new Details(name, phone, address, null);
    }

    private static String text(String value, String field, int max, List<Map<String, Object>> errors) {
        if (value == null || value.isBlank()) {
            errors.add(error(field, "must not be blank"));
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            errors.add(error(field, "at most " + max + " characters"));
            return null;
        }
        if (v.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            errors.add(error(field, "must not contain control characters"));
            return null;
        }
        return v;
    }

    private static Map<String, Object> error(String field, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("field", field);
        e.put("message", message);
        return e;
    }
}
