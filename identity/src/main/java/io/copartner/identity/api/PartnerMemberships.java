package io.copartner.identity.api;

import java.time.Instant;
import java.util.Set;

/** Who holds a PartnerMembership credential (vc+jwt or SD-JWT VC) that is valid and unrevoked at an instant. */
public interface PartnerMemberships {

    /** The subject DIDs of the PartnerMembership credentials issued before {@code at}, valid and not revoked at it. */
    Set<String> holdersAt(Instant at);
}
