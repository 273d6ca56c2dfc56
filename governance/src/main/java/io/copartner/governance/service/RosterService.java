package io.copartner.governance.service;

import io.copartner.governance.api.Membership;
import io.copartner.governance.domain.GovernanceRules;
import io.copartner.governance.domain.MemberRecord;
import io.copartner.governance.persistence.MemberRepository;
import io.copartner.ledger.api.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The membership roster. Joining costs one {@code INSERT .. ON CONFLICT DO NOTHING} per DID and instance: DIDs known
 * to be members are remembered in memory (bounded; forgetting only costs a repeated no-op insert).
 */
@ApplicationScoped
public class RosterService implements MemberRoster, Membership {

    static final int KNOWN_MAX = 1_000_000;

    private final Set<String> known = ConcurrentHashMap.newKeySet();

    @Inject
    MemberRepository members;

    @Inject
    VersionService versions;

    @Inject
    AuditTrail audit;

    @Inject
    GovernanceClock clock;

    /** True if the caller still has to call {@link #join}: cheap, no database. */
    @Override
    public boolean isKnown(String did) {
        return known.contains(did);
    }

    @Override
    @Transactional
    public void join(String did, String partyId) {
        if (known.contains(did)) {
            return;
        }
        Instant now = clock.now();
        if (members.addIfAbsent(did, partyId, now)) {
            audit.record("governance.member.joined", did, now, Map.of("did", did, "memberSince", now.toString()));
        }
        if (known.size() >= KNOWN_MAX) {
            known.clear();
        }
        known.add(did);
    }

    @Override
    @Transactional
    public Optional<MemberStatus> status(String did) {
        return members.find(did).map(m -> new MemberStatus(m.did(), m.memberSince(),
            tierBpsAt(view(m), clock.now())));
    }

    @Override
    @Transactional
    public Optional<Member> member(String did) {
        return members.find(did).map(RosterService::view);
    }

    @Override
    @Transactional
    public List<Member> membersBefore(Instant instant) {
        return members.before(instant).stream().map(RosterService::view).toList();
    }

    @Override
    @Transactional
    public int tierBpsAt(Member member, Instant instant) {
        long seconds = Math.max(0, Duration.between(member.memberSince(), instant).getSeconds());
        return GovernanceRules.tierBps(versions.current().parameters().tierSchedule(), seconds);
    }

    private static Member view(MemberRecord m) {
        return new Member(m.did(), m.partyId(), m.memberSince());
    }
}
