package io.copartner.web.rest;

import io.copartner.governance.api.Votes;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.UUID;

/**
 * The pinned governance response bodies written with JSON-P, so members that are null (replaces, auditIndex, next)
 * appear as null rather than being dropped, and weights are JSON strings.
 */
final class GovernanceJson {

    private GovernanceJson() {
    }

    static String ballotAccepted(Votes.BallotAccepted b) {
        JsonObjectBuilder o = Json.createObjectBuilder()
            .add("ballotId", b.ballotId().toString())
            .add("proposal", b.proposal().toString())
            .add("voter", b.voter())
            .add("choice", b.choice())
            .add("receivedAt", instant(b.receivedAt()));
        uuidOrNull(o, "replaces", b.replaces());
        return o.build().toString();
    }

    static String ballots(Votes.BallotPage page) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (Votes.PublishedBallot b : page.items()) {
            JsonObjectBuilder o = Json.createObjectBuilder()
                .add("ballotId", b.ballotId().toString())
                .add("ballot", b.ballot())
                .add("receivedAt", instant(b.receivedAt()))
                .add("counted", b.counted());
            if (b.auditIndex() == null) {
                o.addNull("auditIndex");
            } else {
                o.add("auditIndex", b.auditIndex());
            }
            items.add(o);
        }
        JsonObjectBuilder o = Json.createObjectBuilder().add("items", items);
        if (page.next() == null) {
            o.addNull("next");
        } else {
            o.add("next", page.next());
        }
        return o.build().toString();
    }

    static String tally(Votes.Tally t) {
        JsonObjectBuilder o = Json.createObjectBuilder()
            .add("final", t.isFinal())
            .add("for", Long.toString(t.forWeight()))
            .add("against", Long.toString(t.againstWeight()))
            .add("abstain", Long.toString(t.abstainWeight()))
            .add("totalEligibleWeight", Long.toString(t.totalEligibleWeight()))
            .add("quorumReached", t.quorumReached())
            .add("succeeded", t.succeeded())
            .add("ballotsHash", t.ballotsHash())
            .add("snapshotHash", t.snapshotHash());
        if (t.auditIndex() == null) {
            o.addNull("auditIndex");
        } else {
            o.add("auditIndex", t.auditIndex());
        }
        return o.build().toString();
    }

    static String delegationAccepted(Votes.DelegationAccepted d) {
        return Json.createObjectBuilder().add("delegator", d.delegator()).add("receivedAt", instant(d.receivedAt()))
            .build().toString();
    }

    static String delegation(Votes.DelegationInForce d) {
        JsonArrayBuilder shares = Json.createArrayBuilder();
        d.delegations().forEach(s -> shares.add(Json.createObjectBuilder().add("delegate", s.delegate())
            .add("shareBps", s.shareBps())));
        JsonArrayBuilder kinds = Json.createArrayBuilder();
        d.kinds().forEach(kinds::add);
        return Json.createObjectBuilder().add("delegator", d.delegator()).add("statement", d.statement())
            .add("receivedAt", instant(d.receivedAt())).add("delegations", shares).add("kinds", kinds)
            .build().toString();
    }

    private static void uuidOrNull(JsonObjectBuilder o, String name, UUID id) {
        if (id == null) {
            o.addNull(name);
        } else {
            o.add(name, id.toString());
        }
    }

    static String instant(Instant t) {
        return t.toString();
    }
}
