package io.copartner.web.rest;

import io.copartner.governance.api.GovernanceSettings;
import io.copartner.governance.api.ParameterVersion;
import io.copartner.governance.api.PolicyVersion;
import io.copartner.governance.api.RevenuePolicies;
import io.copartner.governance.api.SettlementCalendar;
import io.copartner.governance.api.SettlementPeriod;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public history of governance parameters and revenue policy versions, and the settlement calendar. */
@Path("governance")
@RequestScoped
@PermitAll
@Tag(name = "governance")
public class GovernanceVersionsResource {

    static final String PROBLEM = "application/problem+json";
    static final String KIND = "{\"votingDelaySeconds\":86400,\"votingPeriodSeconds\":604800,\"quorumBps\":1000,"
        + "\"thresholdBps\":5000,\"timelockSeconds\":172800,\"graceSeconds\":1209600,\"lateQuorumSeconds\":86400,"
        + "\"proposalThresholdSeconds\":0,\"strategy\":\"ONE_MEMBER_ONE_VOTE\",\"contributionCap\":1000000,"
        + "\"contributionWindowSeconds\":31536000}";
    static final String PARAMETERS = "{\"version\":1,\"recordedAt\":\"2026-12-01T10:00:00Z\",\"proposal\":null,"
        + "\"parameters\":{\"kinds\":{\"GENERAL\":" + KIND + ",\"PRODUCT_LISTING\":" + KIND + ",\"REVENUE_POLICY\":"
        + KIND + ",\"GOVERNANCE_PARAMETERS\":" + KIND + "},\"tierSchedule\":[{\"afterSeconds\":0,\"bps\":10000},"
        + "{\"afterSeconds\":31536000,\"bps\":12500},{\"afterSeconds\":94608000,\"bps\":15000}],"
        + "\"maxReferralLevels\":2}}";
    static final String POLICY = "{\"version\":1,\"effectiveFrom\":\"1970-01-05T00:00:00Z\","
        + "\"recordedAt\":\"2026-12-01T10:00:00Z\",\"proposal\":null,\"policy\":{\"partnerPoolBps\":3000,"
        + "\"platformFeeBps\":500,\"commissionBps\":[1000,500],\"purchaseRewardBps\":100,\"reviewRewardPoints\":0,"
        + "\"shareRewardPoints\":0,\"pointExchangeRates\":[]}}";

    @Inject
    GovernanceSettings settings;

    @Inject
    RevenuePolicies policies;

    @Inject
    SettlementCalendar calendar;

    @GET
    @Path("parameters")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getGovernanceParameters", summary = "The governance parameters in force (public)",
        description = "For proposals created now, per kind, with the tier schedule and the referral level cap. A "
            + "fresh platform starts from the COPARTNER_GOVERNANCE_* seeds; only an executed GOVERNANCE_PARAMETERS "
            + "proposal changes them.")
    @APIResponse(responseCode = "200", description = "The current version", content = @Content(
        mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "seed", value = PARAMETERS)))
    public ParameterVersion parameters() {
        return settings.current();
    }

    @GET
    @Path("parameters/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listGovernanceParameters", summary = "Every governance parameters version (public)",
        description = "Oldest first; each names the proposal that made it (null for the seed).")
    @APIResponse(responseCode = "200", description = "The versions", content = @Content(
        mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "history",
            value = "{\"items\":[" + PARAMETERS + "]}")))
    public Versions<ParameterVersion> parameterHistory() {
        return new Versions<>(settings.parameterHistory());
    }

    @GET
    @Path("policies")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listRevenuePolicies", summary = "Every revenue policy version (public)",
        description = "Oldest first. A version is in force from effectiveFrom, the start of the settlement period "
            + "after its proposal was executed, until the next version's effectiveFrom.")
    @APIResponse(responseCode = "200", description = "The versions", content = @Content(
        mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "history",
            value = "{\"items\":[" + POLICY + "]}")))
    public Versions<PolicyVersion> policyHistory() {
        return new Versions<>(policies.policyHistory());
    }

    @GET
    @Path("policies/in-force")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getRevenuePolicyInForce", summary = "The revenue policy in force at an instant (public)",
        description = "At `at` (RFC 3339, default now), with the settlement period containing it.")
    @APIResponse(responseCode = "200", description = "The version in force", content = @Content(
        mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "inForce", value = "{\"at\":"
            + "\"2026-12-02T10:00:00Z\",\"period\":{\"start\":\"2026-11-30T00:00:00Z\",\"end\":"
            + "\"2026-12-07T00:00:00Z\"},\"version\":" + POLICY + "}")))
    @APIResponse(responseCode = "400", description = "at is not an RFC 3339 timestamp",
        content = @Content(mediaType = PROBLEM))
    public InForce inForce(@QueryParam("at") @Parameter(description = "RFC 3339; default now") String at) {
        Instant instant = at == null || at.isBlank() ? Instant.now() : Callers.instant(at, "at");
        return new InForce(instant, calendar.periodAt(instant), policies.inForceAt(instant));
    }

    public record Versions<T>(List<T> items) {
    }

    public record InForce(Instant at, SettlementPeriod period, PolicyVersion version) {
    }
}
