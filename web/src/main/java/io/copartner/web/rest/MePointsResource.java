package io.copartner.web.rest;

import io.copartner.economy.api.Points;
import io.copartner.economy.api.Points.BrandLiability;
import io.copartner.economy.api.Points.BrandPoints;
import io.copartner.economy.api.Points.ExchangeQuote;
import io.copartner.economy.api.Points.PointsExchange;
import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.IdempotencyKey;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
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

/** The caller's loyalty points per brand (see {@link PointsResource}). */
@Path("me/points")
@RequestScoped
@Tag(name = "economy")
@RolesAllowed("partner")
@SecurityRequirement(name = "bearer")
public class MePointsResource {

    @Inject
    Points points;

    @Context
    SecurityContext security;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMyPoints", summary = "The caller's points per brand",
        description = "Per brand (merchant id): balance (from the ledger), lifetime points, tier, the open lots "
            + "with their expiry (spent and expired first-to-expire first) and the latest 50 movements.")
    @APIResponse(responseCode = "200", description = "Points per brand", content = @Content(
        mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = BrandPoints.class),
        examples = @ExampleObject(name = "points", value = "[{\"brand\":\"m-acme\",\"asset\":\"PTS:m-acme\","
            + "\"balance\":120,\"lifetime\":120,\"tier\":\"BRONZE\",\"lots\":[{\"id\":"
            + "\"01936b2f-0000-7000-8000-00000000d010\",\"reason\":\"PURCHASE\",\"granted\":120,\"remaining\":120,"
            + "\"earnedAt\":\"2026-12-02T10:00:00Z\",\"expiresAt\":\"2027-12-02T10:00:00Z\"}],\"history\":[]}]")))
    @APIResponse(responseCode = "403", description = "Not a partner", content = @Content(mediaType = PointsResource.PROBLEM))
    public List<BrandPoints> mine() {
        return points.mine(actor());
    }

    private PartyId actor() {
        return Callers.actor(security);
    }
}
