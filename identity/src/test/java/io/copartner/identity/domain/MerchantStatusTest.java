package io.copartner.identity.domain;

import static io.copartner.identity.domain.MerchantStatus.Action.REINSTATE;
import static io.copartner.identity.domain.MerchantStatus.Action.SUSPEND;
import static io.copartner.identity.domain.MerchantStatus.Action.VERIFY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.kernel.problem.ProblemException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MerchantStatusTest {

    @Test
    void aPendingMerchantIsVerifiedOrSuspended() {
        assertEquals(MerchantStatus.VERIFIED, MerchantStatus.PENDING.after(VERIFY));
        assertEquals(MerchantStatus.SUSPENDED, MerchantStatus.PENDING.after(SUSPEND));
        assertFalse(MerchantStatus.PENDING.allows(REINSTATE));
    }

    @Test
    void aVerifiedMerchantCanOnlyBeSuspended() {
        assertEquals(MerchantStatus.SUSPENDED, MerchantStatus.VERIFIED.after(SUSPEND));
        assertFalse(MerchantStatus.VERIFIED.allows(VERIFY));
        assertFalse(MerchantStatus.VERIFIED.allows(REINSTATE));
    }

    @Test
    void aSuspendedMerchantCanOnlyBeReinstatedAndThenIsVerified() {
        assertEquals(MerchantStatus.VERIFIED, MerchantStatus.SUSPENDED.after(REINSTATE));
        ProblemException e = assertThrows(ProblemException.class, () -> MerchantStatus.SUSPENDED.after(VERIFY));
        assertEquals(409, e.problem().status());
        assertFalse(MerchantStatus.SUSPENDED.allows(SUSPEND));
    }

    @Test
    void onlyASuspendedMerchantIsRefusedWrites() {
        assertTrue(MerchantStatus.PENDING.writesAllowed());
        assertTrue(MerchantStatus.VERIFIED.writesAllowed());
        assertFalse(MerchantStatus.SUSPENDED.writesAllowed());
    }

    @Test
    void aRefusedActionLeavesTheMerchantAsItWas() {
        Merchant m = new Merchant("m-1", "did:web:x:merchants:m-1", "u", "g", Instant.EPOCH);
        assertThrows(ProblemException.class, () -> m.apply(REINSTATE, null, Instant.now()));
        assertEquals(MerchantStatus.PENDING, m.status());
        m.apply(VERIFY, null, Instant.now());
        m.apply(SUSPEND, null, Instant.now());
        m.apply(REINSTATE, null, Instant.now());
        assertEquals(MerchantStatus.VERIFIED, m.status());
    }
}
