package io.copartner.web.rest;

import io.copartner.commerce.api.Traceability;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import io.copartner.kernel.id.PartyId;
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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The supply-chain parties (farm, processor, warehouse, carrier, ...) a merchant authorises by DID to sign EPCIS
 * events for one of its products. On {@code products} like {@link ProductsResource} (RESTEasy merges classes of the
 * same root path only).
 */
@Path("products")
@RequestScoped
@RolesAllowed("merchant")
@Tag(name = "commerce")
@SecurityRequirement(name = "bearer")
public class ProductPartiesResource {

    static final String PARTY = """
        {"productId":"01936b2f-0000-7000-8000-00000000a001",\
        "did":"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK","role":"farm",\
        "authorisedAt":"2026-12-02T06:00:00Z","endedAt":null}""";

    @Inject
    Traceability traceability;

    @Inject
    JsonWebToken token;

    @POST
    @Path("{id}/parties")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "authoriseSupplyChainParty", summary = "Authorise a DID to capture trace events for a product",
        description = "The product's verified merchant authorises a supply-chain party by DID (did:key or did:web) "
            + "with a free-text role (farm, processor, warehouse, carrier, ...): from now on events that DID signs "
            + "for the product's items are accepted. Audited (commerce.trace.party-authorised). Authorising a DID "
            + "already in force changes nothing and answers the authorisation (200).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = NewParty.class), examples = @ExampleObject(name = "farm",
            value = "{\"did\":\"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK\",\"role\":\"farm\"}")))
    @APIResponse(responseCode = "200", description = "Already in force: the authorisation", content = @Content(
        mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartyDoc.class),
        examples = @ExampleObject(name = "party", value = PARTY)))
    @APIResponse(responseCode = "201", description = "Authorised", content = @Content(
        mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartyDoc.class),
        examples = @ExampleObject(name = "party", value = PARTY)))
    @APIResponse(responseCode = "400", description = "Not a did:key/did:web, or a missing role",
        content = @Content(mediaType = ProductsResource.PROBLEM))
    @APIResponse(responseCode = "403", description = "Not this product's (verified, non-suspended) merchant",
        content = @Content(mediaType = ProductsResource.PROBLEM))
    @APIResponse(responseCode = "404", description = "No such product", content = @Content(mediaType = ProductsResource.PROBLEM))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for another request",
        content = @Content(mediaType = ProductsResource.PROBLEM))
    public Response authorise(@PathParam("id") @Parameter(description = "product id") String id,
                              @HeaderParam(IdempotencyKey.HEADER) @Parameter(description = "optional; "
                                  + MerchantAdminResource.KEY) String idempotencyKey, NewParty body) {
        if (body == null) {
            throw io.copartner.kernel.problem.ProblemException.badRequest("a body {\"did\",\"role\"} is required");
        }
        PartyId merchant = Callers.actor(token);
        IdempotencyKey key = IdempotentResponses.optionalKey(idempotencyKey);
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("product", id);
        sent.put("did", body.did());
        sent.put("role", body.role());
        IdempotentRequest request = key == null ? null
            : IdempotentRequest.of(key, "commerce.trace.party-authorise", merchant, sent);
        Idempotent<Traceability.Authorised> a = traceability.authoriseParty(merchant, ProductsResource.uuid(id),
            body.did(), body.role(), request);
        return IdempotentResponses.mark(Response.status(a.value().created() ? Response.Status.CREATED
            : Response.Status.OK).entity(doc(a.value().party())), a.replayed()).build();
    }

    @DELETE
    @Path("{id}/parties/{did}")
    @Operation(operationId = "endSupplyChainParty", summary = "End a supply-chain party's authorisation",
        description = "Ends the authorisation in force of the DID for the product: events it signs afterwards are "
            + "refused (unauthorised-actor); its earlier events stay. Audited (commerce.trace.party-ended).")
    @APIResponse(responseCode = "204", description = "Ended")
    @APIResponse(responseCode = "403", description = "Not this product's merchant",
        content = @Content(mediaType = ProductsResource.PROBLEM))
    @APIResponse(responseCode = "404", description = "No such product or no authorisation in force",
        content = @Content(mediaType = ProductsResource.PROBLEM))
    public Response end(@PathParam("id") @Parameter(description = "product id") String id,
                        @PathParam("did") @Parameter(description = "the party's DID (percent-encoded)") String did) {
        traceability.endParty(Callers.actor(token), ProductsResource.uuid(id), did);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/parties")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listSupplyChainParties", summary = "The product's supply-chain parties",
        description = "Every authorisation of the product, in force (endedAt null) or ended, oldest first; for its merchant.")
    @APIResponse(responseCode = "200", description = "The authorisations", content = @Content(
        mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = PartyDoc.class),
        examples = @ExampleObject(name = "parties", value = "[" + PARTY + "]")))
    @APIResponse(responseCode = "403", description = "Not this product's merchant",
        content = @Content(mediaType = ProductsResource.PROBLEM))
    @APIResponse(responseCode = "404", description = "No such product", content = @Content(mediaType = ProductsResource.PROBLEM))
    public List<PartyDoc> list(@PathParam("id") @Parameter(description = "product id") String id) {
        return traceability.parties(Callers.actor(token), ProductsResource.uuid(id)).stream().map(ProductPartiesResource::doc)
            .toList();
    }

    private static PartyDoc doc(Traceability.PartyView p) {
        return new PartyDoc(p.productId().toString(), p.did(), p.role(), p.authorisedAt(), p.endedAt());
    }

    @Schema(name = "NewSupplyChainParty")
    public record NewParty(String did, String role) {
    }

    @Schema(name = "SupplyChainParty")
    @jakarta.json.bind.annotation.JsonbNillable
    public record PartyDoc(String productId, String did, String role, Instant authorisedAt,
                           @Schema(nullable = true) Instant endedAt) {
    }
}
