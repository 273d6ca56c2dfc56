package io.copartner.governance.api;

import java.time.Instant;
import java.util.List;

/** The revenue policy versions (commerce and the economy read the one in force for a settlement period). */
public interface RevenuePolicies {

    /** The version in force at {@code instant}: the latest whose {@code effectiveFrom} is at or before it. */
    PolicyVersion inForceAt(Instant instant);

    /** Every version, oldest first (a version may be recorded before it takes effect). */
    List<PolicyVersion> policyHistory();
}
