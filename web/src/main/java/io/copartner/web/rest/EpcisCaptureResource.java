package io.copartner.web.rest;

import io.copartner.commerce.api.Traceability;
import io.copartner.identity.api.MerchantAccess;
import io.copartner.identity.api.PlatformDid;
import io.copartner.kernel.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import io.copartner.kernel.idempotency.Idempotent;
import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.IdempotentRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * GS1 EPCIS 2.0 REST capture binding: {@code POST /epcis/capture} takes an EPCISDocument of signed events and
 * answers 202 with the capture job's location; the job says whether the whole document was captured (rollback on
 * any bad event) and, if not, why each refused event was refused.
 */
@Path("epcis")
@RequestScoped
@RolesAllowed({"partner", "merchant"})
@Tag(name = "commerce")
@SecurityRequirement(name = "bearer")
public class EpcisCaptureResource {

    static final String LD_JSON = "application/ld+json";
    static final String DOCUMENT = """
        {"@context":["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",\
        {"copartner":"https://copartner.io/epcis/"}],"type":"EPCISDocument","schemaVersion":"2.0",\
        "creationDate":"2026-12-02T06:00:00Z","epcisBody":{"eventList":[{"type":"ObjectEvent",\
        "eventTime":"2026-12-02T05:59:00+08:00","eventTimeZoneOffset":"+08:00",\
        "epcList":["https://id.gs1.org/01/04012345678901/21/A100"],"action":"ADD","bizStep":"commissioning",\
        "disposition":"active","readPoint":{"id":"https://id.gs1.org/414/4012345000009"},\
        "copartner:signature":"eyJhbGciOiJFZERTQSIsImtpZCI6ImRpZDp3ZWI6Y29wYXJ0bmVyLmV4YW1wbGU6bWVyY2hhbnRzOm0tN2YzYSNrZXktMSJ9..\
        3q2Zk0bQyq1wVw0lN1k2fX3o9bJmQm9J0m2xgkq4m8bY1O4kZt0cS7o2w3lFQ3mC0rQ8m9k1xXlJfYpZ9jq4Bg"}]}}""";
    static final String JOB_OK = """
        {"captureID":"01936b2f-0000-7000-8000-00000000e001","running":false,"success":true,\
        "captureErrorBehaviour":"rollback","errors":[]}""";
    static final String JOB_FAILED = """
        {"captureID":"01936b2f-0000-7000-8000-00000000e002","running":false,"success":false,\
        "captureErrorBehaviour":"rollback","errors":[{"eventIndex":1,\
        "type":"https://copartner.io/problems/event-out-of-order",\
        "detail":"https://id.gs1.org/01/04012345678901/21/A101 was never commissioned (an ObjectEvent ADD with \
        bizStep commissioning comes first)"}]}""";

    @Inject
    Traceability traceability;

    @Inject
    MerchantAccess merchants;

    @Inject
    PlatformDid platform;

    @Inject
    JsonWebToken token;

    @POST
    @Path("capture")
    @Consumes({LD_JSON, MediaType.APPLICATION_JSON})
    @Operation(operationId = "captureEpcisEvents", summary = "Capture signed EPCIS 2.0 events (EPCIS REST binding)",
        description = "An EPCISDocument (JSON-LD) of ObjectEvent, AggregationEvent, TransformationEvent and "
            + "AssociationEvent. Each event carries copartner:signature, a compact JWS with detached payload (RFC 7515 "
            + "App. F; alg EdDSA or ES256K; kid <did>#<key id>, an assertionMethod of the DID) over the RFC 8785 "
            + "canonical JSON of the event without copartner:signature, eventID and recordTime. The signer must be "
            + "the product's merchant or a party it authorised for the product; the caller must be the signer or the "
            + "product's merchant (else 403 at once). Event IDs are GS1 CBV 2.0 event hash IDs (computed without the "
            + "signature); a client-sent eventID must equal it. Events are checked in document order (commissioning "
            + "first, nothing after decommissioning, no eventTime before the item's latest event or more than 5 "
            + "minutes ahead); one bad event captures none (captureErrorBehaviour rollback). Each accepted event is "
            + "stored as sent plus eventID and recordTime, with one audit entry carrying its event ID.")
    @RequestBody(required = true, content = {
        @Content(mediaType = LD_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "An EPCIS 2.0 EPCISDocument"),
            examples = @ExampleObject(name = "commissioning", value = DOCUMENT)),
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
            description = "An EPCIS 2.0 EPCISDocument"), examples = @ExampleObject(name = "commissioning", value = DOCUMENT))})
    @APIResponse(responseCode = "202", description = "Accepted: the capture job's result is at Location",
        headers = @Header(name = "Location", description = "/api/v1/epcis/capture/{captureId}",
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Not a schema-valid EPCIS 2.0 EPCISDocument",
        content = @Content(mediaType = ProductsResource.PROBLEM))
    @APIResponse(responseCode = "403", description = "The caller is neither an event's signer nor the merchant of "
        + "the products it names", content = @Content(mediaType = ProductsResource.PROBLEM))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for another request",
        content = @Content(mediaType = ProductsResource.PROBLEM))
    public Response capture(@HeaderParam(IdempotencyKey.HEADER) @Parameter(description = "optional; "
                                + MerchantAdminResource.KEY + ". A retry answers the first attempt's job (replayed), "
                                + "whether it captured or refused") String idempotencyKey, String body) {
        Traceability.Caller caller = TraceCallers.of(token, merchants, platform);
        IdempotencyKey key = IdempotentResponses.optionalKey(idempotencyKey);
        // Fingerprinted before the capture parses it: a body that is not JSON is then the same 400 as without a key.
        IdempotentRequest request = key == null ? null : new IdempotentRequest(key, "commerce.epcis.capture",
            caller.party(), ProductsResource.fingerprint("commerce.epcis.capture", caller.party(), body));
        Idempotent<UUID> id = traceability.capture(caller, body, request);
        return IdempotentResponses.mark(Response.status(Response.Status.ACCEPTED)
            .header("Location", "/api/v1/epcis/capture/" + id.value()), id.replayed()).build();
    }

    @GET
    @Path("capture/{captureId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getEpcisCapture", summary = "A capture job's result (EPCIS REST binding)",
        description = "The capture job of the caller's own POST /epcis/capture: running is always false (capture "
            + "completes before the 202), success tells whether every event was captured; errors lists each refused "
            + "event (eventIndex in the document, problem type URI, detail). Rollback: when success is false, no "
            + "event of the document was stored.")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = CaptureJobDoc.class), examples = {
            @ExampleObject(name = "captured", value = JOB_OK), @ExampleObject(name = "refused", value = JOB_FAILED)}))
    @APIResponse(responseCode = "404", description = "No capture job of the caller with this id",
        content = @Content(mediaType = ProductsResource.PROBLEM))
    public CaptureJobDoc job(@PathParam("captureId") @Parameter(description = "the job id from Location") String captureId) {
        UUID id;
        try {
            id = UUID.fromString(captureId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no capture job " + captureId);
        }
        Traceability.CaptureJob job = traceability.capture(id, TraceCallers.of(token, merchants, platform))
            .orElseThrow(() -> ProblemException.notFound("no capture job " + captureId + " of yours"));
        return new CaptureJobDoc(job.captureId().toString(), false, job.success(), "rollback",
            job.errors().stream().map(e -> new CaptureErrorDoc(e.eventIndex(), e.type(), e.detail())).toList());
    }

    /** The EPCIS capture job (pinned field names). */
    public record CaptureJobDoc(String captureID, boolean running, boolean success, String captureErrorBehaviour,
                                List<CaptureErrorDoc> errors) {
    }

    public record CaptureErrorDoc(int eventIndex, String type, String detail) {
    }
}
