package io.copartner.governance.api;

import java.util.List;

/**
 * A proposal as submitted. {@code productRef} and {@code merchantDid} (the DID of the merchant whose product it is)
 * belong to {@code PRODUCT_LISTING}; {@code policy} to {@code REVENUE_POLICY}; {@code parameters} to
 * {@code GOVERNANCE_PARAMETERS}. {@code coCreators} (optional, {@code PRODUCT_LISTING} only) name the partners who
 * share the governed co-creation share of the product's revenue once it is listed.
 */
public record NewProposal(ProposalKind kind, String title, String description, List<String> links,
                          String productRef, String merchantDid, RevenuePolicy policy,
                          GovernanceParameters parameters, List<CoCreator> coCreators) {
}
