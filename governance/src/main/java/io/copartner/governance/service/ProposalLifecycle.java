package io.copartner.governance.service;

import io.copartner.governance.api.event.ProposalExecuted;
import io.copartner.governance.domain.CoCreatorCodec;
import io.copartner.governance.domain.ParameterCodec;
import io.copartner.governance.domain.Proposal;
import io.copartner.governance.domain.ProposalState;
import io.copartner.governance.domain.TimedStep;
import io.copartner.governance.persistence.ProposalRepository;
import io.copartner.ledger.api.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies transitions to a proposal the caller holds locked, each with its audit entry in the same transaction:
 * the timed ones (voting opens and ends through the voting booth, execution at the eta, expiry) and execution's
 * effects. Whoever gets the lock first (the scheduler of any instance, or an action) applies what is due.
 */
@ApplicationScoped
public class ProposalLifecycle {

    @Inject
    ProposalRepository proposals;

    @Inject
    VotingBooth booth;

    @Inject
    VersionService versions;

    @Inject
    AuditTrail audit;

    @Inject
    Event<ProposalExecuted> executed;

    /** Whether the scheduler executes a queued proposal at its eta (else a member or admin must). */
    @Inject
    @ConfigProperty(name = "copartner.governance.auto-execute", defaultValue = "true")
    boolean autoExecute;

    /** Applies every timed transition due at {@code now}, in order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void advance(Proposal p, Instant now) {
        Optional<TimedStep> step;
        while ((step = p.dueStep(now, autoExecute)).isPresent()) {
            ProposalState from = p.state();
            switch (step.get()) {
                case START_VOTING -> {
                    p.startVoting(now);
                    booth.openVoting(ProposalService.facts(p));
                }
                case END_VOTING -> {
                    TallyView tally = booth.finalizeTally(ProposalService.facts(p));
                    p.endVoting(now, tally.succeeded());
                }
                case EXECUTE -> {
                    execute(p, now);
                    continue;
                }
                case EXPIRE -> p.expire(now);
            }
            recordState(p, from, now);
        }
        p.settle(now, autoExecute);
    }

    /** Executes (the timelock passed) with its effects; false with no effect when it already was. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean execute(Proposal p, Instant now) {
        ProposalState from = p.state();
        if (!p.execute(now)) {
            return false;
        }
        recordState(p, from, now);
        switch (p.kind()) {
            case REVENUE_POLICY -> versions.addPolicy(ParameterCodec.decodePolicy(p.payload()), p.id(), now);
            case GOVERNANCE_PARAMETERS -> versions.addParameters(ParameterCodec.decodeParameters(p.payload()), p.id(),
                now);
            default -> {
                // GENERAL records the decision only; PRODUCT_LISTING's effect is commerce's, through the event.
            }
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("proposal", p.id().toString());
        payload.put("kind", p.kind().name());
        if (p.productRef() != null) {
            payload.put("productRef", p.productRef());
        }
        List<ProposalExecuted.CoCreatorShare> coCreators = CoCreatorCodec.decode(p.coCreators());
        if (!coCreators.isEmpty()) {
            payload.put("coCreators", ProposalService.coCreatorsPayload(coCreators));
        }
        audit.record("governance.proposal.executed", subject(p), now, payload);
        executed.fire(new ProposalExecuted(p.id(), p.kind(), p.productRef(), p.merchantDid(), now, coCreators));
        return true;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void cancel(Proposal p, Instant now) {
        ProposalState from = p.state();
        p.cancel(now);
        recordState(p, from, now);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(Proposal p, Instant now) {
        ProposalState from = p.state();
        p.queue(now);
        recordState(p, from, now);
    }

    void recordState(Proposal p, ProposalState from, Instant now) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("proposal", p.id().toString());
        payload.put("from", from.name());
        payload.put("to", p.state().name());
        if (p.eta() != null) {
            payload.put("eta", p.eta().toString());
        }
        audit.record("governance.proposal.state", subject(p), now, payload);
    }

    static String subject(Proposal p) {
        return "proposal:" + p.id();
    }
}
