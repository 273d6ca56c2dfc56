package io.copartner.governance.service;

import io.copartner.governance.api.GovernanceParameters;
import io.copartner.governance.api.GovernanceSettings;
import io.copartner.governance.api.ParameterVersion;
import io.copartner.governance.api.PolicyVersion;
import io.copartner.governance.api.RevenuePolicies;
import io.copartner.governance.api.RevenuePolicy;
import io.copartner.governance.domain.ParameterCodec;
import io.copartner.governance.domain.ParameterVersionRecord;
import io.copartner.governance.domain.PolicyVersionRecord;
import io.copartner.governance.persistence.VersionRepository;
import io.copartner.kernel.crypto.Hashes;
import io.copartner.ledger.api.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The versioned governance parameters and revenue policies. A fresh database gets the seeds (version 1) on first use;
 * an executed proposal appends a version, with its audit entry, in the executing transaction.
 */
@ApplicationScoped
public class VersionService implements GovernanceSettings, RevenuePolicies {

    @Inject
    VersionRepository versions;

    @Inject
    GovernanceSeeds seeds;

    @Inject
    CalendarService calendar;

    @Inject
    AuditTrail audit;

    @Inject
    GovernanceClock clock;

    @Override
    @Transactional
    public ParameterVersion current() {
        return view(versions.latestParameters().orElseGet(() -> {
            seed();
            return versions.latestParameters().orElseThrow();
        }));
    }

    @Override
    @Transactional
    public List<ParameterVersion> parameterHistory() {
        current();
        return versions.parameterHistory().stream().map(VersionService::view).toList();
    }

    @Override
    @Transactional
    public PolicyVersion inForceAt(Instant instant) {
        current();
        return versions.policyInForceAt(instant).map(VersionService::view)
            // Before the calendar's origin nothing was in force; the seed is the only sensible answer.
            .orElseGet(() -> view(versions.policyHistory().get(0)));
    }

    @Override
    @Transactional
    public List<PolicyVersion> policyHistory() {
        current();
        return versions.policyHistory().stream().map(VersionService::view).toList();
    }

    /** Appends the parameters of an executed proposal, for proposals created from {@code at} on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ParameterVersion addParameters(GovernanceParameters parameters, UUID proposal, Instant at) {
        int version = current().version() + 1;
        String body = ParameterCodec.encode(parameters);
        versions.add(new ParameterVersionRecord(version, at, proposal, body));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("version", version);
        payload.put("proposal", proposal.toString());
        payload.put("bodySha256", sha256(body));
        audit.record("governance.parameters.version", "governance-parameters:" + version, at, payload);
        return new ParameterVersion(version, at, proposal, parameters);
    }

    /** Appends the policy of an executed proposal, in force from the start of the next settlement period. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PolicyVersion addPolicy(RevenuePolicy policy, UUID proposal, Instant at) {
        current();
        int version = versions.latestPolicy().orElseThrow().version() + 1;
        Instant effectiveFrom = calendar.nextPeriodStart(at);
        String body = ParameterCodec.encode(policy);
        versions.add(new PolicyVersionRecord(version, effectiveFrom, at, proposal, body));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("version", version);
        payload.put("proposal", proposal.toString());
        payload.put("effectiveFrom", effectiveFrom.toString());
        payload.put("bodySha256", sha256(body));
        audit.record("governance.policy.version", "revenue-policy:" + version, at, payload);
        return new PolicyVersion(version, effectiveFrom, at, proposal, policy);
    }

    private void seed() {
        Instant now = clock.now();
        String parameters = ParameterCodec.encode(seeds.parameters());
        if (versions.seedParameters(now, parameters)) {
            audit.record("governance.parameters.version", "governance-parameters:1", now,
                Map.of("version", 1, "bodySha256", sha256(parameters)));
        }
        String policy = ParameterCodec.encode(seeds.policy());
        if (versions.seedPolicy(calendar.origin(), now, policy)) {
            audit.record("governance.policy.version", "revenue-policy:1", now, Map.of("version", 1,
                "effectiveFrom", calendar.origin().toString(), "bodySha256", sha256(policy)));
        }
    }

    private static ParameterVersion view(ParameterVersionRecord r) {
        return new ParameterVersion(r.version(), r.recordedAt(), r.proposalId(),
            ParameterCodec.decodeParameters(r.body()));
    }

    private static PolicyVersion view(PolicyVersionRecord r) {
        return new PolicyVersion(r.version(), r.effectiveFrom(), r.recordedAt(), r.proposalId(),
            ParameterCodec.decodePolicy(r.body()));
    }

    private static String sha256(String text) {
        return Hashes.hex(Hashes.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }
}
