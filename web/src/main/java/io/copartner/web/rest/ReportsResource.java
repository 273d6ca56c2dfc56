package io.copartner.web.rest;

import io.copartner.economy.api.TransparencyReports;
import io.copartner.kernel.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public transparency reports of settlement periods (pinned contract, issue 12). */
@Path("reports")
@RequestScoped
@Tag(name = "economy")
@PermitAll
public class ReportsResource {

    static final String P = CommerceBodies.PROBLEM;

    @Inject
    TransparencyReports reports;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listReports", summary = "Settlement periods with their report state, newest first",
        description = "Public. items: periodId, start, end, state (OPEN, CLOSING, CLOSED; a CLOSED period has a "
            + "signed report). Pass next as cursor for the following page.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = TransparencyReports.Page.class), examples = @ExampleObject(name = "page",
            value = "{\"items\":[{\"periodId\":\"20261202T100000Z\",\"start\":\"2026-12-02T10:00:00Z\","
                + "\"end\":\"2026-12-09T10:00:00Z\",\"state\":\"CLOSED\"}],\"next\":\"20261125T100000Z\"}")))
    public TransparencyReports.Page list(@QueryParam("cursor") @Parameter(description = "next of the previous page")
                                         String cursor) {
        return reports.reports(cursor == null || cursor.isBlank() ? null : cursor);
    }

    @GET
    @Path("{periodId}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(operationId = "getReport", summary = "A period's signed transparency report",
        description = "Public. Revenue, platform fee, partner pool, distributed and undistributed per asset "
            + "(decimal-integer strings, minor units), payouts (count, min, lower median, max, Gini), commissions, "
            + "points per brand, coCreation per asset (accrued, clawedBack, paid, payouts: what co-creators of "
            + "listed products earned), the data-use statement (counts only), proofs (JSON pointer + audit leaf indexes) "
            + "for every figure, auditIndex of the report's own entry, and signature: a compact JWS with a detached "
            + "payload (RFC 7515 Appendix F, header..signature; EdDSA, kid the platform's did:web key) over the RFC "
            + "8785 canonical JSON of the report without signature, so a verifier canonicalises what it received. "
            + "The report cites every payout entry (tens of MB for 10^6 partners): it is streamed, carries a strong "
            + "ETag and answers If-None-Match with 304. Accept: text/html gives the page (Accept-Language zh: 简体中文; "
            + "the first 50 proof links per figure). 409 while the period is not CLOSED.")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(
        mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "report", value = "{\"periodId\":"
            + "\"20261202T100000Z\",\"start\":\"2026-12-02T10:00:00Z\",\"end\":\"2026-12-09T10:00:00Z\","
            + "\"byAsset\":{\"CNY\":{\"revenue\":\"13600\",\"platformFee\":\"680\",\"partnerPool\":\"1360\","
            + "\"distributed\":\"1360\",\"undistributed\":\"0\"}},\"payouts\":{\"count\":\"1\",\"min\":\"1360\","
            + "\"median\":\"1360\",\"max\":\"1360\",\"gini\":\"0.000000\"},\"coCreation\":{\"CNY\":"
            + "{\"accrued\":\"666\",\"clawedBack\":\"166\",\"paid\":\"666\",\"payouts\":\"2\"}},\"proofs\":[{\"figure\":"
            + "\"/byAsset/CNY/revenue\",\"auditIndexes\":[1301]}],\"auditIndex\":1320,\"signature\":\"eyJ...."
            + ".x2Qd...\"}")))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match named the report's ETag")
    @APIResponse(responseCode = "404", description = "No such period", content = @Content(mediaType = P))
    @APIResponse(responseCode = "409", description = "The period is not CLOSED yet", content = @Content(mediaType = P))
    @APIResponse(responseCode = "503", description = "The report is being signed; retry",
        content = @Content(mediaType = P))
    public Response get(@PathParam("periodId") @Parameter(description = "the period id") String id,
                        @HeaderParam("Accept") String accept, @HeaderParam("Accept-Language") String lang,
                        @HeaderParam("If-None-Match") @Parameter(description = "an ETag of an earlier answer")
                        String ifNoneMatch) {
        boolean html = accept != null && accept.contains("text/html") && !accept.contains("application/json");
        if (html) {
            String page = reports.reportHtml(id, lang).orElseThrow(() -> ProblemException.notFound("No period " + id));
            return Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        TransparencyReports.SignedReport report = reports.report(id)
            .orElseThrow(() -> ProblemException.notFound("No period " + id + "."));
        // A signed report never changes: a client that has it is told so without the bytes.
        if (ifNoneMatch != null && java.util.Arrays.stream(ifNoneMatch.split(","))
            .anyMatch(t -> t.trim().equals(report.etag()) || t.trim().equals("*"))) {
            return Response.notModified().tag(EntityTag.valueOf(report.etag())).build();
        }
        StreamingOutput body = report::writeTo;
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).tag(EntityTag.valueOf(report.etag()))
            .header("Cache-Control", "public, max-age=3600").build();
    }
}
