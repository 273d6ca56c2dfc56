package io.copartner.governance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.copartner.governance.Wallet;
import io.copartner.governance.api.ProposalKind;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClaimsTest {

    static final UUID P = UUID.fromString("01936b2f-0000-7000-8000-000000000001");
    static final String VOTER = Wallet.ed25519().did();
    static final Map<String, Object> BALLOT_HEADER = Map.of("typ", BallotClaims.TYP);
    static final Map<String, Object> DELEGATION_HEADER = Map.of("typ", DelegationClaims.TYP);

    static Map<String, Object> ballot() {
        Map<String, Object> m = new HashMap<>();
        m.put("proposal", P.toString());
        m.put("choice", "for");
        m.put("voter", VOTER);
        m.put("issuedAt", 1_780_000_000L);
        m.put("nonce", "0123456789abcdef");
        return m;
    }

    static void refused(ProblemType type, Map<String, Object> header, Map<String, Object> payload) {
        ProblemException e = assertThrows(ProblemException.class, () -> BallotClaims.parse(header, payload, P));
        assertEquals(type.uri(), e.problem().type());
    }

    @Test
    void aWellFormedBallot() {
        BallotClaims c = BallotClaims.parse(BALLOT_HEADER, ballot(), P);
        assertEquals(Choice.FOR, c.choice());
        assertEquals(VOTER, c.voter());
    }

    @Test
    void ballotRefusals() {
        refused(ProblemType.BALLOT_INVALID, Map.of("typ", "JWT"), ballot());
        refused(ProblemType.BALLOT_INVALID, Map.of(), ballot());
        Map<String, Object> m = ballot();
        m.put("choice", "yes");
        refused(ProblemType.BALLOT_INVALID, BALLOT_HEADER, m);
        m = ballot();
        m.put("proposal", UUID.randomUUID().toString());
        refused(ProblemType.BALLOT_INVALID, BALLOT_HEADER, m);
        m = ballot();
        m.put("nonce", "short");
        refused(ProblemType.BALLOT_INVALID, BALLOT_HEADER, m);
        m = ballot();
        m.put("nonce", "x".repeat(65));
        refused(ProblemType.BALLOT_INVALID, BALLOT_HEADER, m);
        m = ballot();
        m.put("issuedAt", "1780000000");
        refused(ProblemType.BALLOT_INVALID, BALLOT_HEADER, m);
        m = ballot();
        m.put("extra", 1);
        refused(ProblemType.BALLOT_INVALID, BALLOT_HEADER, m);
        m = ballot();
        m.remove("voter");
        refused(ProblemType.BALLOT_INVALID, BALLOT_HEADER, m);
    }

    static Map<String, Object> delegation(List<Map<String, Object>> shares, List<String> kinds) {
        Map<String, Object> m = new HashMap<>();
        m.put("delegator", VOTER);
        m.put("delegations", shares);
        m.put("kinds", kinds);
        m.put("issuedAt", 1_780_000_000L);
        m.put("nonce", "fedcba9876543210");
        return m;
    }

    static Map<String, Object> share(String did, int bps) {
        return Map.of("delegate", did, "shareBps", bps);
    }

    @Test
    void delegationStatements() {
        String b = Wallet.ed25519().did();
        String c = Wallet.secp256k1().did();
        DelegationClaims all = DelegationClaims.parse(DELEGATION_HEADER,
            delegation(List.of(share(b, 6000), share(c, 4000)), List.of("*")));
        assertEquals(2, all.delegations().size());
        assertEquals(EnumSet.allOf(ProposalKind.class), all.kinds());
        DelegationClaims some = DelegationClaims.parse(DELEGATION_HEADER,
            delegation(List.of(share(b, 1)), List.of("REVENUE_POLICY")));
        assertEquals(EnumSet.of(ProposalKind.REVENUE_POLICY), some.kinds());
        DelegationClaims revoke = DelegationClaims.parse(DELEGATION_HEADER, delegation(List.of(), List.of("*")));
        assertEquals(List.of(), revoke.delegations());
    }

    @Test
    void delegationRefusals() {
        String b = Wallet.ed25519().did();
        String c = Wallet.ed25519().did();
        List<Map<String, Object>> bad = List.of(
            delegation(List.of(share(b, 6000), share(c, 4001)), List.of("*")),   // > 10000 in total
            delegation(List.of(share(b, 0)), List.of("*")),
            delegation(List.of(share(b, 10_001)), List.of("*")),
            delegation(List.of(share(b, 10), share(b, 10)), List.of("*")),     // twice
            delegation(List.of(share(VOTER, 10)), List.of("*")),               // self
            delegation(List.of(share("did:web:example.com", 10)), List.of("*")),
            delegation(List.of(share(b, 10)), List.of()),
            delegation(List.of(share(b, 10)), List.of("*", "GENERAL")),
            delegation(List.of(share(b, 10)), List.of("NOPE")));
        for (Map<String, Object> m : bad) {
            ProblemException e = assertThrows(ProblemException.class, () -> DelegationClaims.parse(DELEGATION_HEADER, m),
                m.toString());
            assertEquals(ProblemType.DELEGATION_INVALID.uri(), e.problem().type());
        }
        ProblemException e = assertThrows(ProblemException.class, () -> DelegationClaims.parse(BALLOT_HEADER,
            delegation(List.of(), List.of("*"))));
        assertEquals(ProblemType.DELEGATION_INVALID.uri(), e.problem().type());
    }
}
