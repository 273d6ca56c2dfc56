package io.copartner.governance.service;

import io.copartner.ledger.api.AuditReceipt;
import io.copartner.ledger.api.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Test doubles of the lifecycle's half of the seam (govcore's), the roster and the audit trail. */
final class Fakes {

    private Fakes() {
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final class Windows implements ProposalWindows {
        final Map<UUID, ProposalFacts> facts = new HashMap<>();
        final List<Instant> quorumReports = new ArrayList<>();

        @Override
        public Optional<ProposalFacts> facts(UUID proposalId) {
            return Optional.ofNullable(facts.get(proposalId));
        }

        @Override
        public ProposalFacts quorumFirstReached(UUID proposalId, Instant at) {
            quorumReports.add(at);
            return facts.get(proposalId);
        }
    }

    static final class Roster implements MemberRoster {
        final List<Member> members = new ArrayList<>();
        final Map<String, Integer> tiers = new HashMap<>();

        Member add(String did, Instant since) {
            Member m = new Member(did, "party:" + did.substring(did.length() - 8), since);
            members.add(m);
            return m;
        }

        @Override
        public Optional<Member> member(String did) {
            return members.stream().filter(m -> m.did().equals(did)).findFirst();
        }

        @Override
        public List<Member> membersBefore(Instant instant) {
            return members.stream().filter(m -> m.memberSince().isBefore(instant)).toList();
        }

        @Override
        public int tierBpsAt(Member member, Instant instant) {
            return tiers.getOrDefault(member.did(), 10_000);
        }
    }

    /** Records entries in memory, numbered as the audit log would number them. */
    static final class Audit implements AuditTrail {
        record Entry(long id, String type, String subject, Map<String, ?> payload) {
        }

        final List<Entry> entries = new ArrayList<>();

        @Override
        public AuditReceipt record(String type, String subject, Map<String, ?> payload) {
            return record(type, subject, Instant.now(), payload);
        }

        @Override
        public synchronized AuditReceipt record(String type, String subject, Instant time, Map<String, ?> payload) {
            long id = entries.size() + 1;
            entries.add(new Entry(id, type, subject, Map.copyOf(payload)));
            return new AuditReceipt(id, "00", time);
        }
    }
}
