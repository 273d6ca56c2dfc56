package io.copartner.identity.service;

import io.copartner.identity.api.MerchantAccess;
import io.copartner.identity.api.MerchantAdministration;
import io.copartner.identity.api.PlatformDid;
import io.copartner.identity.did.MalformedDidException;
import io.copartner.identity.domain.Merchant;
import io.copartner.identity.domain.MerchantEvent;
import io.copartner.identity.domain.MerchantProfile;
import io.copartner.identity.domain.MerchantStatus;
import io.copartner.identity.keycloak.KeycloakAdmin;
import io.copartner.identity.persistence.CredentialRepository;
import io.copartner.identity.persistence.IdempotencyRepository;
import io.copartner.identity.persistence.MerchantRepository;
import io.copartner.kernel.crypto.Hashes;
import io.copartner.kernel.id.Ids;
import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.Idempotent;
import io.copartner.kernel.idempotency.IdempotentRequest;
import io.copartner.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Merchant administration. Keycloak is changed first, then the database in one audited transaction; if the
 * database part fails the Keycloak change is undone (user and group deleted, enabled flag restored), so an
 * outage of either side leaves no half-done merchant. Keycloak down is a 503 before anything was written.
 */
@ApplicationScoped
public class MerchantAdminService implements MerchantAdministration, MerchantAccess {

    private static final Logger LOG = Logger.getLogger(MerchantAdminService.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{1,63}");
    private static final Pattern LICENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/-]{3,63}");
    static final String MERCHANT_ROLE = "merchant";
    static final String MERCHANTS_GROUP = "merchants";
    static final String OP_CREATE = "identity.merchant.create";
    static final String OP_ACTION = "identity.merchant.";
    /**
     * This run of the application. A create in flight belongs to the run that started it; only a user left by an
     * earlier run (one that died mid-create) may be adopted. (With several Liberty instances, a concurrent retry on
     * another instance could adopt a user still in flight; its commit then fails on the key and answers with the
     * winner, and nothing adopted is ever deleted.)
     */
    static final String RUN = UUID.randomUUID().toString();

    @Inject
    KeycloakAdmin keycloak;

    @Inject
    MerchantTransactions tx;

    @Inject
    MerchantRepository merchants;

    @Inject
    CredentialRepository credentialRecords;

    @Inject
    PlatformDid platformDid;

    @Inject
    IdempotencyRepository idempotency;

    @Override
    public Idempotent<MerchantView> create(NewMerchant in, PartyId actor, IdempotencyKey idempotencyKey) {
        if (in == null) {
            throw ProblemException.badRequest("The merchant is required.");
        }
        String name = require(in.name(), "name", 200);
        String licence = require(in.businessLicence(), "businessLicence", 64);
        if (!LICENCE.matcher(licence).matches()) {
            throw ProblemException.badRequest("businessLicence: 4..64 letters, digits, '-' or '/'.");
        }
        String email = require(in.contactEmail(), "contactEmail", 320);
        if (!EMAIL.matcher(email).matches()) {
            throw ProblemException.badRequest("contactEmail: not an e-mail address.");
        }
        String username = require(in.username(), "username", 64).toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw ProblemException.badRequest("username: 3..64 of a-z 0-9 . _ -, starting with a letter or digit.");
        }
        IdempotentRequest request = null;
        if (idempotencyKey != null) {
            // What the client asked for, the password left out (a secret is never fingerprinted).
            Map<String, Object> asked = new LinkedHashMap<>();
            asked.put("name", name);
            asked.put("businessLicence", licence);
            asked.put("contactEmail", email);
            asked.put("username", username);
            asked.put("publicKeyMultibase", in.publicKeyMultibase());
            request = IdempotentRequest.of(idempotencyKey, OP_CREATE, actor, asked);
            Optional<String> earlier = idempotency.earlier(request);
            if (earlier.isPresent()) {
                return Idempotent.replay(view(merchants.find(earlier.get()).orElseThrow()));
            }
        }
        String id = Ids.newId().toString();
        // Marks the Keycloak user with the keyed request that made it and with this application run: if Liberty dies
        // after the Keycloak steps and before the commit, the client's retry (same key, same request) in a later
        // run adopts that user instead of a 409.
        String fingerprint = request == null ? null : Hashes.hex(Hashes.sha256(
            (request.key().value() + "\n" + request.fingerprint()).getBytes(StandardCharsets.UTF_8)));

        // Keycloak first; undo what was created if a later step fails (but never what was adopted).
        String userId = null;
        String groupId = null;
        boolean adopted = false;
        try {
            String parent = keycloak.groupId(MERCHANTS_GROUP);
            Map<String, String> marks = new LinkedHashMap<>();
            marks.put(KeycloakAdmin.MERCHANT_ID, id);
            if (fingerprint != null) {
                marks.put(KeycloakAdmin.MERCHANT_REQUEST, fingerprint + " " + RUN);
            }
            try {
                userId = keycloak.createUser(username, email, name, in.password(), marks);
            } catch (ProblemException taken) {
                KeycloakAdmin.User orphan = taken.problem().status() == 409 ? orphanOf(username, fingerprint) : null;
                if (orphan == null) {
                    throw taken;
                }
                id = orphan.attribute(KeycloakAdmin.MERCHANT_ID);
                userId = orphan.id();
                adopted = true;
                LOG.info("Merchant " + id + ": adopting Keycloak user " + userId + " left by an interrupted create");
            }
            String did;
            try {
                did = platformDid.merchantDid(id);
            } catch (MalformedDidException e) {
                throw ProblemException.internal("merchant id " + id + ": " + e.getMessage(), e);
            }
            keycloak.assignRealmRole(userId, MERCHANT_ROLE);
            String groupName = id;
            groupId = adopted ? keycloak.subgroupId(parent, groupName).orElse(null) : null;
            if (groupId == null) {
                groupId = keycloak.createSubgroup(parent, groupName);
            }
            keycloak.joinGroup(userId, groupId);
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            Merchant merchant = new Merchant(id, did, userId, groupId, java.time.Instant.now());
            Idempotent<String> done = tx.create(merchant, new MerchantProfile(id, name, licence, email, username, salt),
                in.publicKeyMultibase(), actor, request);
            if (done.replayed()) {
                // A concurrent create with this key committed first: ours is undone below, its merchant is the answer.
                throw new LostToConcurrentCreate(done.value());
            }
            return Idempotent.fresh(view(merchants.find(id).orElseThrow()));
        } catch (LostToConcurrentCreate lost) {
            undo(groupId, userId, adopted);
            return Idempotent.replay(view(merchants.find(lost.winner).orElseThrow()));
        } catch (RuntimeException e) {
            undo(groupId, userId, adopted);
            if (request != null && (adopted || !(e instanceof ProblemException))) {
                // A concurrent duplicate may have won the key: answer with its result.
                try {
                    Optional<String> winner = idempotency.earlier(request);
                    if (winner.isPresent()) {
                        return Idempotent.replay(view(merchants.find(winner.get()).orElseThrow()));
                    }
                } catch (RuntimeException lookup) {
                    e.addSuppressed(lookup);
                }
            }
            throw e;
        }
    }

    private void undo(String groupId, String userId, boolean adopted) {
        if (groupId != null && !adopted) {
            keycloak.deleteGroupQuietly(groupId);
        }
        if (userId != null && !adopted) {
            keycloak.deleteUserQuietly(userId);
        }
    }

    /** The create's transaction found its key committed by a concurrent create: that one's merchant id. */
    private static final class LostToConcurrentCreate extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String winner;

        LostToConcurrentCreate(String winner) {
            super(null, null, false, false);
            this.winner = winner;
        }
    }

    /**
     * The Keycloak user with this username if an interrupted create of the same keyed request left it: it carries
     * this request's fingerprint, was made by an earlier run of the application (so its request is not still in
     * flight here), and names a merchant that was never committed. Anything else stays a 409.
     */
    private KeycloakAdmin.User orphanOf(String username, String fingerprint) {
        if (fingerprint == null) {
            return null;
        }
        return keycloak.userByUsername(username)
            .filter(u -> {
                String mark = u.attribute(KeycloakAdmin.MERCHANT_REQUEST);
                return mark != null && mark.startsWith(fingerprint + " ") && !mark.endsWith(" " + RUN);
            })
            .filter(u -> u.attribute(KeycloakAdmin.MERCHANT_ID) != null
                && merchants.find(u.attribute(KeycloakAdmin.MERCHANT_ID)).isEmpty()
                && merchants.byUser(u.id()).isEmpty())
            .orElse(null);
    }

    @Override
    public Idempotent<MerchantView> verify(String merchantId, PartyId actor, IdempotencyKey idempotencyKey) {
        IdempotentRequest key = key(actor, idempotencyKey, "verify", merchantId, null);
        Optional<MerchantView> earlier = replayOrCheck(merchantId, MerchantStatus.Action.VERIFY, key);
        if (earlier.isPresent()) {
            return Idempotent.replay(earlier.get());
        }
        return view(tx.verify(merchantId, actor, key));
    }

    @Override
    public Idempotent<MerchantView> suspend(String merchantId, String reason, PartyId actor,
                                            IdempotencyKey idempotencyKey) {
        if (reason != null && reason.length() > 500) {
            throw ProblemException.badRequest("reason: at most 500 characters.");
        }
        IdempotentRequest key = key(actor, idempotencyKey, "suspend", merchantId, reason);
        Optional<MerchantView> earlier = replayOrCheck(merchantId, MerchantStatus.Action.SUSPEND, key);
        if (earlier.isPresent()) {
            return Idempotent.replay(earlier.get());
        }
        Merchant m = merchants.find(merchantId).orElseThrow();
        keycloak.setEnabled(m.keycloakUserId(), false);
        try {
            return view(tx.suspend(merchantId, reason, actor, key));
        } catch (RuntimeException e) {
            restoreEnabled(m.keycloakUserId(), true, e);
            throw e;
        }
    }

    @Override
    public Idempotent<MerchantView> reinstate(String merchantId, PartyId actor, IdempotencyKey idempotencyKey) {
        IdempotentRequest key = key(actor, idempotencyKey, "reinstate", merchantId, null);
        Optional<MerchantView> earlier = replayOrCheck(merchantId, MerchantStatus.Action.REINSTATE, key);
        if (earlier.isPresent()) {
            return Idempotent.replay(earlier.get());
        }
        Merchant m = merchants.find(merchantId).orElseThrow();
        keycloak.setEnabled(m.keycloakUserId(), true);
        try {
            return view(tx.reinstate(merchantId, actor, key));
        } catch (RuntimeException e) {
            restoreEnabled(m.keycloakUserId(), false, e);
            throw e;
        }
    }

    /** The platform's realm roles; Keycloak's own (default-roles-*, offline_access, …) are not shown. */
    static final Set<String> PLATFORM_ROLES = Set.of("partner", "merchant", "admin", "auditor");

    @Override
    public Set<String> roles(String merchantId) {
        Merchant m = merchants.find(merchantId)
            .orElseThrow(() -> ProblemException.notFound("No merchant " + merchantId + "."));
        return platformRoles(keycloak.realmRoles(m.keycloakUserId()));
    }

    @Override
    public Set<String> setRoles(String merchantId, Set<String> roles, PartyId actor) {
        if (roles == null || !roles.contains(MERCHANT_ROLE)) {
            throw ProblemException.badRequest("roles: must include merchant (remove a merchant by suspending it).");
        }
        Set<String> refused = new TreeSet<>(roles);
        refused.removeAll(ASSIGNABLE_ROLES);
        if (!refused.isEmpty()) {
            throw ProblemException.badRequest("roles: " + refused + " cannot be given here; assignable are "
                + new TreeSet<>(ASSIGNABLE_ROLES) + ".");
        }
        Merchant m = merchants.find(merchantId)
            .orElseThrow(() -> ProblemException.notFound("No merchant " + merchantId + "."));
        Set<String> current = platformRoles(keycloak.realmRoles(m.keycloakUserId()));
        Set<String> added = new TreeSet<>(roles);
        added.removeAll(current);
        Set<String> removed = new TreeSet<>(current);
        removed.retainAll(ASSIGNABLE_ROLES);
        removed.removeAll(roles);
        if (added.isEmpty() && removed.isEmpty()) {
            return current;
        }
        keycloak.addRealmRoles(m.keycloakUserId(), added);
        try {
            keycloak.removeRealmRoles(m.keycloakUserId(), removed);
            Set<String> now = new TreeSet<>(current);
            now.addAll(added);
            now.removeAll(removed);
            tx.rolesChanged(merchantId, added, removed, now, actor);
            return now;
        } catch (RuntimeException e) {
            try {
                keycloak.removeRealmRoles(m.keycloakUserId(), added);
                keycloak.addRealmRoles(m.keycloakUserId(), removed);
            } catch (RuntimeException undo) {
                e.addSuppressed(undo);
                LOG.log(Level.WARNING, "Keycloak compensation: restoring the roles of merchant " + merchantId
                    + " failed", undo);
            }
            throw e;
        }
    }

    private static Set<String> platformRoles(Set<String> realmRoles) {
        Set<String> roles = new TreeSet<>(realmRoles);
        roles.retainAll(PLATFORM_ROLES);
        return roles;
    }

    /**
     * The keyed request of a merchant action (operation {@code identity.merchant.<action>}), fingerprinting the
     * merchant and the reason with the admin: the same key on another action, merchant, reason or admin is a 409.
     */
    private static IdempotentRequest key(PartyId actor, IdempotencyKey idempotencyKey, String action,
                                         String merchantId, String reason) {
        if (idempotencyKey == null) {
            return null;
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("merchantId", merchantId);
        request.put("reason", reason);
        return IdempotentRequest.of(idempotencyKey, OP_ACTION + action, actor, request);
    }

    /**
     * The answer of a completed earlier request with this key, if there is one; otherwise checks that the action
     * applies to the merchant's status now (before Keycloak is touched; the transaction checks again under lock).
     * When it does not, a concurrent first request with the same key may just have done it: then its answer is ours.
     */
    private Optional<MerchantView> replayOrCheck(String merchantId, MerchantStatus.Action action,
                                                 IdempotentRequest key) {
        Optional<MerchantView> earlier = tx.earlier(key).map(this::view);
        if (earlier.isPresent()) {
            return earlier;
        }
        try {
            tx.status(merchantId).after(action);
            return Optional.empty();
        } catch (ProblemException e) {
            Optional<MerchantView> raced = tx.earlier(key).map(this::view);
            if (raced.isPresent()) {
                return raced;
            }
            throw e;
        }
    }

    private void restoreEnabled(String userId, boolean enabled, RuntimeException cause) {
        try {
            keycloak.setEnabled(userId, enabled);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            LOG.log(Level.SEVERE, "Keycloak user " + userId + " could not be set back to enabled=" + enabled, e);
        }
    }

    @Override
    public MerchantView get(String merchantId) {
        return view(merchants.find(merchantId)
            .orElseThrow(() -> ProblemException.notFound("No merchant " + merchantId + ".")));
    }

    @Override
    public MerchantPage search(String status, String q, String cursor, int limit) {
        if (limit < 1 || limit > 200) {
            throw ProblemException.badRequest("limit must be 1..200.");
        }
        MerchantStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = MerchantStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("status must be PENDING, VERIFIED or SUSPENDED.");
            }
        }
        String after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ProblemException.malformed("cursor is not one this API returned.");
            }
        }
        String query = q == null || q.isBlank() ? null : q.strip();
        List<Merchant> rows = merchants.search(s, query, after, limit + 1);
        List<MerchantView> items = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, rows.size()); i++) {
            items.add(view(rows.get(i)));
        }
        String next = rows.size() > limit ? Base64.getUrlEncoder().withoutPadding()
            .encodeToString(rows.get(limit - 1).id().getBytes(StandardCharsets.UTF_8)) : null;
        return new MerchantPage(items, next);
    }

    @Override
    public List<HistoryEntry> history(String merchantId) {
        get(merchantId);
        return merchants.events(merchantId).stream().map(e -> new HistoryEntry(e.type(), e.status(), e.actor(),
            e.auditEntryId(), e.leafHash(), e.at())).toList();
    }

    @Override
    public boolean writesBlocked(String keycloakUserId) {
        return keycloakUserId != null
            && merchants.statusOfUser(keycloakUserId).map(s -> !s.writesAllowed()).orElse(false);
    }

    @Override
    public Optional<String> merchantIdOf(String keycloakUserId) {
        return keycloakUserId == null ? Optional.empty() : merchants.byUser(keycloakUserId).map(Merchant::id);
    }

    private Idempotent<MerchantView> view(Idempotent<MerchantEvent> e) {
        return new Idempotent<>(view(e.value()), e.replayed());
    }

    /** The merchant as a step left it (status, credential, change time), for its answer and any replay of it. */
    private MerchantView view(MerchantEvent e) {
        Merchant m = merchants.find(e.merchantId()).orElseThrow();
        return view(m, MerchantStatus.valueOf(e.status()), e.credentialId(), e.at());
    }

    private MerchantView view(Merchant m) {
        return view(m, m.status(), m.credentialId(), m.updatedAt());
    }

    private MerchantView view(Merchant m, MerchantStatus status, UUID credentialId, Instant updatedAt) {
        MerchantProfile p = merchants.profile(m.id()).orElse(null);
        String jwt = credentialId == null ? null
            : credentialRecords.find(credentialId).map(c -> c.jwt()).orElse(null);
        return new MerchantView(m.id(), m.did(), status.name(), m.keycloakUserId(),
            p == null ? null : p.name(), p == null ? null : p.businessLicence(), p == null ? null : p.contactEmail(),
            p == null ? null : p.username(), credentialId == null ? null : "urn:uuid:" + credentialId, jwt,
            m.createdAt(), updatedAt);
    }

    private static String require(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field + " is required.");
        }
        String v = value.strip();
        if (v.length() > max) {
            throw ProblemException.badRequest(field + ": at most " + max + " characters.");
        }
        return v;
    }

}
