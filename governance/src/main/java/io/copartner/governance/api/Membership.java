package io.copartner.governance.api;

import java.util.Optional;

/** The membership roster as the web layer sees it. */
public interface Membership {

    /** A member, their {@code memberSince} and their tier multiplier now. */
    record MemberStatus(String did, java.time.Instant memberSince, int tierBps) {
    }

    /**
     * Makes a did:key partner a member if not one already (cheap: known DIDs are remembered in memory, the insert
     * ignores an existing row). {@code partyId} is {@code party:<sub>}.
     */
    void join(String did, String partyId);

    /** True when {@code did} is known to be a member already: in memory only, so a filter may ask on every call. */
    boolean isKnown(String did);

    Optional<MemberStatus> status(String did);
}
