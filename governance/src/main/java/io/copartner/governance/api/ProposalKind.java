package io.copartner.governance.api;

/** What a proposal decides; each kind has its own governance parameters (delay, period, quorum, strategy...). */
public enum ProposalKind {
    /** Text only: the decision is recorded, nothing else changes. */
    GENERAL,
    /** Lists a product: commerce observes {@code ProposalExecuted} and lists it. */
    PRODUCT_LISTING,
    /** A full revenue parameter set, in force from the next settlement period after execution. */
    REVENUE_POLICY,
    /** New governance parameters for proposals created after execution. */
    GOVERNANCE_PARAMETERS
}
