package io.copartner.system;

import io.copartner.system.RoleTokens.Caller;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Who may call each served operation: the one declaration the authorisation matrix tests and the fuzz picks its
 * token from. It mirrors the resources' {@code @RolesAllowed} (web/src/main/java/io/copartner/web/rest); an operation
 * the platform serves but this table does not name fails {@link AuthorizationMatrixIT}, so a new endpoint cannot
 * ship without a declared expectation.
 */
final class OperationRoles {

    /** Anyone, token or not. */
    static final Set<Caller> PUBLIC = EnumSet.of(Caller.ANONYMOUS);
    static final Set<Caller> ADMIN = EnumSet.of(Caller.ADMIN);
    static final Set<Caller> ADMIN_AUDITOR = EnumSet.of(Caller.ADMIN, Caller.AUDITOR);
    static final Set<Caller> EVERY_ROLE = EnumSet.of(Caller.ADMIN, Caller.AUDITOR, Caller.PARTNER, Caller.MERCHANT);
    static final Set<Caller> PEOPLE = EnumSet.of(Caller.PARTNER, Caller.MERCHANT);

    static final Map<String, Set<Caller>> ALLOWED = Map.ofEntries(
        // public contract (DESIGN §4) and tools
        Map.entry("getPlatformDidDocument", PUBLIC),
        Map.entry("getMerchantDidDocument", PUBLIC),
        Map.entry("resolveDid", PUBLIC),
        Map.entry("getCheckpoint", PUBLIC),
        Map.entry("getAuditEntry", PUBLIC),
        Map.entry("getAuditEntryByEntryId", PUBLIC),
        Map.entry("getInclusionProof", PUBLIC),
        Map.entry("getConsistencyProof", PUBLIC),
        Map.entry("listAnchors", PUBLIC),
        Map.entry("getAnchorContract", PUBLIC),
        Map.entry("getStatusList", PUBLIC),
        Map.entry("getTokenStatusList", PUBLIC),
        Map.entry("verifyCredential", PUBLIC),
        Map.entry("canonicalizeJson", PUBLIC),
        Map.entry("computeSplits", PUBLIC),
        Map.entry("listReports", PUBLIC),
        Map.entry("getReport", PUBLIC),
        // economy: settlement (issue 12)
        Map.entry("listSettlementPeriods", ADMIN),
        Map.entry("getSettlementPeriod", ADMIN),
        Map.entry("approvePayout", ADMIN),
        Map.entry("listMyStatements", PEOPLE),
        Map.entry("getMyStatement", PEOPLE),
        // admin
        Map.entry("registerMerchantKey", ADMIN),
        Map.entry("rotatePlatformIssuerKey", ADMIN),
        Map.entry("listMerchants", ADMIN),
        Map.entry("createMerchant", ADMIN),
        Map.entry("getMerchant", ADMIN),
        Map.entry("getMerchantHistory", ADMIN),
        Map.entry("reinstateMerchant", ADMIN),
        Map.entry("getMerchantRoles", ADMIN),
        Map.entry("setMerchantRoles", ADMIN),
        Map.entry("suspendMerchant", ADMIN),
        Map.entry("verifyMerchant", ADMIN),
        Map.entry("getSystemInfo", ADMIN),
        Map.entry("issueMerchantVerification", ADMIN),
        Map.entry("issuePartnerMembership", ADMIN),
        Map.entry("revokeCredential", ADMIN),
        Map.entry("openAccount", ADMIN),
        Map.entry("postEntry", ADMIN),
        Map.entry("reverseEntry", ADMIN),
        // oversight
        Map.entry("runAuditSelfCheck", ADMIN_AUDITOR),
        Map.entry("getTrialBalance", ADMIN_AUDITOR),
        // everyone signed in (each sees what is theirs)
        Map.entry("getMe", EVERY_ROLE),
        Map.entry("listAccounts", EVERY_ROLE),
        Map.entry("getAccount", EVERY_ROLE),
        Map.entry("getAccountStatement", EVERY_ROLE),
        Map.entry("getEntry", EVERY_ROLE),
        // the caller's own things
        Map.entry("getMyPersonalData", PEOPLE),
        Map.entry("putMyPersonalData", PEOPLE),
        Map.entry("deleteMyPersonalData", PEOPLE),
        Map.entry("issueMyMembershipSdJwt", EnumSet.of(Caller.PARTNER)),
        Map.entry("registerOwnMerchantKey", EnumSet.of(Caller.MERCHANT)),
        Map.entry("listMyProducts", EnumSet.of(Caller.MERCHANT)),
        // governance: reads are public; proposing is the admin's, or a did:key member's or a merchant's for its own
        // listing by the domain rules (the matrix's partner and merchant are neither, so forbidden to them)
        Map.entry("listProposals", PUBLIC),
        Map.entry("getProposal", PUBLIC),
        Map.entry("getGovernanceParameters", PUBLIC),
        Map.entry("listGovernanceParameters", PUBLIC),
        Map.entry("listRevenuePolicies", PUBLIC),
        Map.entry("getRevenuePolicyInForce", PUBLIC),
        Map.entry("listBallots", PUBLIC),
        Map.entry("getProposalWeights", PUBLIC),
        Map.entry("getProposalTally", PUBLIC),
        Map.entry("getDelegation", PUBLIC),
        Map.entry("createProposal", ADMIN),
        Map.entry("queueProposal", EVERY_ROLE),
        Map.entry("executeProposal", EVERY_ROLE),
        Map.entry("cancelProposal", EVERY_ROLE),
        Map.entry("castBallot", EVERY_ROLE),
        Map.entry("putDelegation", EVERY_ROLE),
        // commerce: the catalogue's reads are public, its writes the merchants' (verified ones, by the domain rules);
        // wallets and top-ups the partners'; the payment webhook is authenticated by its signature, not a token
        Map.entry("listProducts", PUBLIC),
        Map.entry("getProduct", PUBLIC),
        Map.entry("listProductVersions", PUBLIC),
        Map.entry("createProduct", EnumSet.of(Caller.MERCHANT)),
        Map.entry("changeProduct", EnumSet.of(Caller.MERCHANT)),
        // traceability (EPCIS capture, supply-chain parties, public trace pages)
        Map.entry("captureEpcisEvents", PEOPLE),
        Map.entry("getEpcisCapture", PEOPLE),
        Map.entry("authoriseSupplyChainParty", EnumSet.of(Caller.MERCHANT)),
        Map.entry("endSupplyChainParty", EnumSet.of(Caller.MERCHANT)),
        Map.entry("listSupplyChainParties", EnumSet.of(Caller.MERCHANT)),
        Map.entry("getItemTrace", PUBLIC),
        Map.entry("getBatchTrace", PUBLIC),
        Map.entry("getItemQrPng", PUBLIC),
        Map.entry("getItemQrSvg", PUBLIC),
        Map.entry("getBatchQrPng", PUBLIC),
        Map.entry("getBatchQrSvg", PUBLIC),
        Map.entry("listMyWallets", EnumSet.of(Caller.PARTNER)),
        Map.entry("createTopUp", EnumSet.of(Caller.PARTNER)),
        Map.entry("getMyPoints", EnumSet.of(Caller.PARTNER)),
        Map.entry("getMyConsents", EnumSet.of(Caller.PARTNER)),
        Map.entry("putMyConsents", EnumSet.of(Caller.PARTNER)),
        Map.entry("getMyRecommendations", EnumSet.of(Caller.PARTNER)),
        Map.entry("quotePointsExchange", EnumSet.of(Caller.PARTNER)),
        Map.entry("exchangePoints", EnumSet.of(Caller.PARTNER)),
        Map.entry("getPointsLiability", ADMIN_AUDITOR),
        Map.entry("getTopUp", EnumSet.of(Caller.PARTNER)),
        Map.entry("getSandboxConfirmation", EnumSet.of(Caller.PARTNER)),
        Map.entry("receivePaymentWebhook", PUBLIC),
        // commerce orders and reviews: checkout and the buyer's steps are partners'; shipping the merchants';
        // which order is whose is a domain rule (a 403 of type forbidden from the service comes after the role check,
        // but the matrix's sample ids are nobody's orders, so 404); moderation the admins'
        Map.entry("createCheckout", EnumSet.of(Caller.PARTNER)),
        Map.entry("listMyOrders", EnumSet.of(Caller.PARTNER, Caller.MERCHANT, Caller.ADMIN)),
        Map.entry("getOrder", EnumSet.of(Caller.PARTNER, Caller.MERCHANT, Caller.ADMIN)),
        Map.entry("shipOrder", EnumSet.of(Caller.PARTNER, Caller.MERCHANT, Caller.ADMIN)),
        Map.entry("confirmOrderDelivery", EnumSet.of(Caller.PARTNER, Caller.MERCHANT, Caller.ADMIN)),
        Map.entry("completeOrder", EnumSet.of(Caller.PARTNER, Caller.MERCHANT, Caller.ADMIN)),
        Map.entry("cancelOrder", EnumSet.of(Caller.PARTNER, Caller.MERCHANT, Caller.ADMIN)),
        Map.entry("refundOrder", EnumSet.of(Caller.PARTNER, Caller.MERCHANT, Caller.ADMIN)),
        Map.entry("createReview", EnumSet.of(Caller.PARTNER)),
        Map.entry("replyToReview", EnumSet.of(Caller.MERCHANT)),
        Map.entry("hideReview", ADMIN),
        Map.entry("listProductReviews", PUBLIC),
        // economy: referrals and commissions are partners'; fraud flags the admins'
        Map.entry("createShareLink", EnumSet.of(Caller.PARTNER)),
        Map.entry("listMyShareLinks", EnumSet.of(Caller.PARTNER)),
        Map.entry("listMyCommissions", EnumSet.of(Caller.PARTNER)),
        Map.entry("listFraudFlags", ADMIN),
        Map.entry("clearFraudFlag", ADMIN),
        Map.entry("confirmFraudFlag", ADMIN));

    private OperationRoles() {
    }

    /** The token the fuzz uses to get past authorisation into input validation (admin where it may). */
    static Caller fuzzCaller(String operationId) {
        Set<Caller> allowed = ALLOWED.get(operationId);
        if (allowed == null || allowed.contains(Caller.ADMIN)) {
            return Caller.ADMIN;
        }
        if (allowed.equals(PUBLIC)) {
            return Caller.ANONYMOUS;
        }
        return allowed.contains(Caller.PARTNER) ? Caller.PARTNER : allowed.iterator().next();
    }
}
