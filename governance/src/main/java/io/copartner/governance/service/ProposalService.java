package io.copartner.governance.service;

import io.copartner.governance.api.Actor;
import io.copartner.governance.api.CoCreator;
import io.copartner.governance.api.RevenuePolicy;
import io.copartner.governance.api.event.ProposalExecuted;
import io.copartner.governance.domain.CoCreatorCodec;
import io.copartner.governance.api.GovernanceParameters;
import io.copartner.governance.api.KindParameters;
import io.copartner.governance.api.NewProposal;
import io.copartner.governance.api.ParameterVersion;
import io.copartner.governance.api.ProposalKind;
import io.copartner.governance.api.ProposalView;
import io.copartner.governance.api.Proposals;
import io.copartner.governance.domain.GovernanceRules;
import io.copartner.governance.domain.ParameterCodec;
import io.copartner.governance.domain.Proposal;
import io.copartner.governance.domain.ProposalState;
import io.copartner.governance.persistence.IdempotencyRepository;
import io.copartner.governance.persistence.ProposalRepository;
import io.copartner.identity.api.MerchantAccess;
import io.copartner.identity.api.MerchantAdministration;
import io.copartner.kernel.idempotency.Idempotent;
import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.IdempotentRequest;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.ledger.api.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Proposals: who may propose what, creation with parameters frozen from the version in force, the actions, and the
 * lifecycle side of the seam with the voting booth ({@link ProposalWindows}).
 */
@ApplicationScoped
public class ProposalService implements Proposals, ProposalWindows {

    static final String CREATE = "governance.proposal.create";
    static final int MAX_LINKS = 20;

    @Inject
    ProposalRepository proposals;

    @Inject
    ProposalLifecycle lifecycle;

    @Inject
    VersionService versions;

    @Inject
    RosterService roster;

    @Inject
    IdempotencyRepository idempotency;

    @Inject
    MerchantAccess merchantAccess;

    @Inject
    MerchantAdministration merchants;

    @Inject
    AuditTrail audit;

    @Inject
    GovernanceClock clock;

    @Override
    @Transactional
    public Idempotent<ProposalView> create(Actor actor, NewProposal request, IdempotencyKey key, String fingerprint) {
        Instant now = clock.now();
        UUID id = UUID.randomUUID();
        if (key != null) {
            Optional<String> earlier = idempotency.claim(
                new IdempotentRequest(key, CREATE, actor.party(), fingerprint), id.toString());
            if (earlier.isPresent()) {
                return Idempotent.replay(find(UUID.fromString(earlier.get())).orElseThrow());
            }
        }
        ParameterVersion version = versions.current();
        Proposal p = validated(actor, request, id, version, now);
        proposals.add(p);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("proposal", id.toString());
        payload.put("kind", p.kind().name());
        payload.put("author", author(p));
        payload.put("parametersVersion", p.parametersVersion());
        payload.put("votingStartsAt", p.votingStartsAt().toString());
        payload.put("votingEndsAt", p.votingEndsAt().toString());
        if (p.payload() != null) {
            payload.put("payloadSha256", io.copartner.kernel.crypto.Hashes.hex(io.copartner.kernel.crypto.Hashes
                .sha256(p.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        }
        if (p.coCreators() != null) {
            // Voters see who shares the product's co-creation revenue, and how, in the entry itself.
            payload.put("coCreators", coCreatorsPayload(CoCreatorCodec.decode(p.coCreators())));
        }
        audit.record("governance.proposal.created", ProposalLifecycle.subject(p), now, payload);
        return Idempotent.fresh(view(p));
    }

    private Proposal validated(Actor actor, NewProposal r, UUID id, ParameterVersion version, Instant now) {
        if (r == null || r.kind() == null) {
            throw ProblemException.badRequest("kind is required: GENERAL, PRODUCT_LISTING, REVENUE_POLICY or "
                + "GOVERNANCE_PARAMETERS");
        }
        String title = text("title", r.title(), 1, 200);
        String description = r.description() == null ? "" : text("description", r.description(), 0, 20000);
        List<String> links = r.links() == null ? List.of() : r.links();
        if (links.size() > MAX_LINKS) {
            throw ProblemException.badRequest("at most " + MAX_LINKS + " links");
        }
        for (String link : links) {
            if (link == null || !link.matches("https?://[^\\s]{1,480}")) {
                throw ProblemException.badRequest("links are http(s) URLs without spaces, at most 487 characters");
            }
        }
        GovernanceParameters parameters = version.parameters();
        String productRef = null;
        String merchantDid = null;
        String payload = null;
        String coCreators = null;
        switch (r.kind()) {
            case PRODUCT_LISTING -> {
                coCreators = CoCreatorCodec.encode(coCreators(r.coCreators()));
                productRef = text("productRef", r.productRef(), 1, 200);
                merchantDid = r.merchantDid() == null ? null : text("merchantDid", r.merchantDid(), 8, 300);
                if (merchantDid != null && !merchantDid.startsWith("did:")) {
                    throw ProblemException.badRequest("merchantDid must be a DID");
                }
            }
            case REVENUE_POLICY -> {
                RevenuePolicy policy = r.policy();
                if (policy != null && (policy.coCreationShareBps() == null || policy.contributionWeights() == null)) {
                    // Omitted (a client from before co-creation or contribution weights): the value in force stays.
                    RevenuePolicy inForce = versions.inForceAt(now).policy();
                    policy = new RevenuePolicy(policy.partnerPoolBps(), policy.platformFeeBps(), policy.commissionBps(),
                        policy.purchaseRewardBps(), policy.reviewRewardPoints(), policy.shareRewardPoints(),
                        policy.pointExchangeRates(), policy.coCreationShareBps() == null
                            ? inForce.coCreationShareBps() : policy.coCreationShareBps(),
                        policy.contributionWeights() == null ? inForce.contributionWeights()
                            : policy.contributionWeights());
                }
                GovernanceRules.check(policy, parameters.maxReferralLevels());
                payload = ParameterCodec.encode(policy);
            }
            case GOVERNANCE_PARAMETERS -> {
                GovernanceRules.check(r.parameters());
                payload = ParameterCodec.encode(r.parameters());
            }
            case GENERAL -> {
            }
        }
        if (r.kind() != ProposalKind.PRODUCT_LISTING && (r.productRef() != null || r.merchantDid() != null)) {
            throw ProblemException.badRequest("productRef and merchantDid belong to PRODUCT_LISTING proposals");
        }
        if (r.kind() != ProposalKind.PRODUCT_LISTING && r.coCreators() != null && !r.coCreators().isEmpty()) {
            throw ProblemException.badRequest("coCreators belong to PRODUCT_LISTING proposals");
        }
        if (r.kind() != ProposalKind.REVENUE_POLICY && r.policy() != null) {
            throw ProblemException.badRequest("policy belongs to REVENUE_POLICY proposals");
        }
        if (r.kind() != ProposalKind.GOVERNANCE_PARAMETERS && r.parameters() != null) {
            throw ProblemException.badRequest("parameters belong to GOVERNANCE_PARAMETERS proposals");
        }
        KindParameters k = parameters.of(r.kind());
        merchantDid = mayPropose(actor, r.kind(), k, merchantDid, now);
        return new Proposal(id, r.kind(), title, description, String.join("\n", links), actor.did(),
            actor.party().value(), productRef, merchantDid, payload, version.version(), k, now, coCreators);
    }

    /** The co-creators validated (shape, then membership) with each member's party id, the wallet owner. */
    private List<ProposalExecuted.CoCreatorShare> coCreators(List<CoCreator> named) {
        GovernanceRules.checkCoCreators(named);
        List<ProposalExecuted.CoCreatorShare> shares = new ArrayList<>();
        if (named == null) {
            return shares;
        }
        for (int i = 0; i < named.size(); i++) {
            CoCreator c = named.get(i);
            int at = i;
            MemberRoster.Member m = roster.member(c.partner()).orElseThrow(() -> ProblemException.badRequest(
                "coCreators[" + at + "].partner " + c.partner() + " is not a member (a partner who "
                    + "signed in with this did:key)"));
            shares.add(new ProposalExecuted.CoCreatorShare(m.did(), m.partyId(), c.shareBps()));
        }
        return shares;
    }

    static List<Map<String, Object>> coCreatorsPayload(List<ProposalExecuted.CoCreatorShare> shares) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ProposalExecuted.CoCreatorShare s : shares) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("partner", s.did());
            m.put("shareBps", s.shareBps());
            out.add(m);
        }
        return out;
    }

    /**
     * Admins propose anything; a merchant only the listing of its own product (its DID is the listing's merchant); a
     * member once they have been one for the kind's proposal threshold. Returns the listing's merchant DID.
     */
    private String mayPropose(Actor actor, ProposalKind kind, KindParameters k, String merchantDid, Instant now) {
        if (actor.isAdmin()) {
            return merchantDid;
        }
        if (actor.isMerchant()) {
            if (kind != ProposalKind.PRODUCT_LISTING) {
                throw ProblemException.forbidden("A merchant may propose only the listing of its own products.");
            }
            String own = merchantAccess.merchantIdOf(actor.party().local()).map(id -> merchants.get(id).did())
                .orElseThrow(() -> ProblemException.forbidden("This merchant is not administered here."));
            if (merchantDid != null && !merchantDid.equals(own)) {
                throw ProblemException.forbidden("A merchant may propose only the listing of its own products: "
                    + "merchantDid must be " + own + ".");
            }
            return own;
        }
        if (actor.did() == null || !actor.did().startsWith("did:key:")) {
            throw ProblemException.forbidden("Only members (partners signed in with a did:key), merchants for their "
                + "own listings and admins may propose.");
        }
        MemberRoster.Member member = roster.member(actor.did()).orElseThrow(() -> ProblemException.forbidden(
            "Not a member yet: sign in with your did:key and call the API once."));
        Instant allowedFrom = member.memberSince().plusSeconds(k.proposalThresholdSeconds());
        if (now.isBefore(allowedFrom)) {
            throw ProblemException.forbidden("A member may propose a " + kind + " once they have been a member for "
                + k.proposalThresholdSeconds() + " s (from " + allowedFrom + ").");
        }
        return merchantDid;
    }

    @Override
    @Transactional
    public Optional<ProposalView> find(UUID id) {
        return proposals.find(id).map(ProposalService::view);
    }

    @Override
    @Transactional
    public Page list(String state, ProposalKind kind, String cursor, int limit) {
        ProposalState s = null;
        if (state != null && !state.isBlank()) {
            try {
                s = ProposalState.valueOf(state.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("state must be one of PENDING, ACTIVE, CANCELED, DEFEATED, "
                    + "SUCCEEDED, QUEUED, EXECUTED, EXPIRED");
            }
        }
        if (limit < 1 || limit > 100) {
            throw ProblemException.badRequest("limit must be within 1..100");
        }
        Long before = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                before = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("cursor must be the next value of a previous page");
            }
        }
        List<Proposal> page = proposals.list(s, kind, before, limit);
        String next = page.size() == limit ? String.valueOf(page.get(page.size() - 1).seq()) : null;
        return new Page(page.stream().map(ProposalService::view).toList(), next);
    }

    @Override
    @Transactional
    public ProposalView queue(Actor actor, UUID id) {
        requireMemberOrAdmin(actor, "queue");
        Instant now = clock.now();
        Proposal p = locked(id, now);
        lifecycle.queue(p, now);
        return view(p);
    }

    @Override
    @Transactional
    public ProposalView execute(Actor actor, UUID id) {
        requireMemberOrAdmin(actor, "execute");
        Instant now = clock.now();
        Proposal p = locked(id, now);
        lifecycle.execute(p, now);
        return view(p);
    }

    @Override
    @Transactional
    public ProposalView cancel(Actor actor, UUID id) {
        Instant now = clock.now();
        Proposal p = locked(id, now);
        boolean author = actor.party().value().equals(p.authorParty())
            || actor.did() != null && actor.did().equals(p.authorDid());
        if (!author && !actor.isAdmin()) {
            throw ProblemException.forbidden("Only the proposal's author or an admin may cancel it.");
        }
        lifecycle.cancel(p, now);
        return view(p);
    }

    @Override
    @Transactional
    public Optional<ProposalFacts> facts(UUID proposalId) {
        return proposals.find(proposalId).map(ProposalService::facts);
    }

    @Override
    @Transactional
    public ProposalFacts quorumFirstReached(UUID proposalId, Instant at) {
        Proposal p = proposals.findForUpdate(proposalId)
            .orElseThrow(() -> ProblemException.notFound("No proposal " + proposalId + "."));
        if (p.quorumFirstReached(at)) {
            audit.record("governance.proposal.extended", ProposalLifecycle.subject(p), at, Map.of(
                "proposal", p.id().toString(), "votingEndsAt", p.votingEndsAt().toString()));
        }
        return facts(p);
    }

    /** The proposal locked, with what time has made due applied first (the scheduler may lag a tick). */
    private Proposal locked(UUID id, Instant now) {
        Proposal p = proposals.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("No proposal " + id + "."));
        lifecycle.advance(p, now);
        return p;
    }

    private void requireMemberOrAdmin(Actor actor, String what) {
        if (actor.isAdmin()) {
            return;
        }
        if (actor.did() == null || roster.member(actor.did()).isEmpty()) {
            throw ProblemException.forbidden("Only members and admins may " + what + " proposals.");
        }
    }

    private static String text(String name, String value, int min, int max) {
        if (value == null) {
            if (min == 0) {
                return "";
            }
            throw ProblemException.badRequest(name + " is required");
        }
        String v = value.strip();
        if (v.length() < min || v.length() > max) {
            throw ProblemException.badRequest(name + " must have " + min + ".." + max + " characters");
        }
        return v;
    }

    static String author(Proposal p) {
        return p.authorDid() != null ? p.authorDid() : p.authorParty();
    }

    static ProposalFacts facts(Proposal p) {
        return new ProposalFacts(p.id(), p.kind(), ProposalFacts.ProposalStatus.valueOf(p.state().name()),
            p.authorDid(), p.strategy(), p.quorumBps(), p.thresholdBps(), p.lateQuorumSeconds(), p.votingStartsAt(),
            p.votingEndsAt(), p.merchantDid(), p.contributionCap(), p.contributionWindowSeconds());
    }

    static ProposalView view(Proposal p) {
        List<String> links = p.links().isEmpty() ? List.of() : List.of(p.links().split("\n"));
        return new ProposalView(p.id(), p.kind(), p.state().name(), p.title(), author(p), p.strategy(), p.quorumBps(),
            p.thresholdBps(), p.votingStartsAt(), p.votingStartsAt(), p.votingEndsAt(), p.eta(), p.executedAt(),
            p.description(), new ArrayList<>(links), p.productRef(), p.merchantDid(),
            p.kind() == ProposalKind.REVENUE_POLICY ? ParameterCodec.decodePolicy(p.payload()) : null,
            p.kind() == ProposalKind.GOVERNANCE_PARAMETERS ? ParameterCodec.decodeParameters(p.payload()) : null,
            p.createdAt(), p.queuedAt(), p.canceledAt(), p.expiresAt(), p.timelockSeconds(), p.graceSeconds(),
            p.lateQuorumSeconds(), p.votingExtended(), p.parametersVersion(),
            CoCreatorCodec.decode(p.coCreators()).stream().map(s -> new CoCreator(s.did(), s.shareBps())).toList());
    }
}
