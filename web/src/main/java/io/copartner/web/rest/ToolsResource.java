package io.copartner.web.rest;

import io.copartner.kernel.crypto.Hashes;
import io.copartner.kernel.json.CanonicalJson;
import io.copartner.kernel.money.Asset;
import io.copartner.kernel.money.Splits;
import io.copartner.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Public helpers that let third parties reproduce the platform's own computations exactly: the RFC 8785
 * bytes every signature and audit hash is taken over, and the largest-remainder split every revenue share uses.
 */
@Path("tools")
@ApplicationScoped
@Tag(name = "tools", description = "Reproduce the platform's canonical computations")
public class ToolsResource {

    @POST
    @Path("canonical-json")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "canonicalizeJson", summary = "RFC 8785 canonical form of a JSON document and the SHA-256 of its UTF-8 bytes",
        description = "Returns the RFC 8785 (JCS) canonical form of the posted JSON document and the hex SHA-256 of its UTF-8 bytes: the exact bytes every platform signature and audit hash is computed over.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(type = SchemaType.OBJECT,
            description = "A JSON document (shown as an object; arrays and scalars are canonicalised too)"),
        examples = @ExampleObject(name = "object", value = "{\"b\": 2, \"a\": [1.50, true]}")))
    @APIResponse(responseCode = "200", description = "Canonical text and its hash",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CanonicalForm.class),
            examples = @ExampleObject(name = "object", value = """
            {"canonical":"{\\"a\\":[1.5,true],\\"b\\":2}","sha256":"<hex>"}""")))
    @APIResponse(responseCode = "400", description = "Not JSON", content = @Content(mediaType = "application/problem+json"))
    public CanonicalForm canonicalJson(String json) {
        if (json == null || json.isBlank()) {
            throw ProblemException.malformed("The request body must be a JSON document.");
        }
        String canonical;
        try {
            canonical = CanonicalJson.canonicalize(json);
        } catch (IllegalArgumentException e) {
            throw ProblemException.malformed("The request body is not valid JSON.");
        }
        return new CanonicalForm(canonical, Hashes.hex(Hashes.sha256(canonical.getBytes(StandardCharsets.UTF_8))));
    }

    @POST
    @Path("splits")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "computeSplits", summary = "Divide an amount by weights with largest-remainder rounding; parts sum exactly to the whole",
        description = "Divides `amount` minor units in proportion to `weights` with largest-remainder rounding, as every revenue share on the platform does: the parts always sum exactly to the amount, ties go to the earlier weight.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
        examples = @ExampleObject(name = "thirds", value = "{\"asset\":\"CNY\",\"amount\":100,\"weights\":[1,1,1]}")))
    @APIResponse(responseCode = "200", description = "The parts, in the order of the weights",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SplitResult.class),
            examples = @ExampleObject(name = "thirds", value = "{\"asset\":\"CNY\",\"amount\":100,\"parts\":[34,33,33]}")))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = "application/problem+json"))
    public SplitResult splits(@Valid @NotNull SplitRequest request) {
        Asset asset;
        try {
            asset = Asset.of(request.asset());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        List<Long> parts;
        try {
            parts = Splits.largestRemainder(request.amount(), request.weights());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        return new SplitResult(asset.code(), request.amount(), parts);
    }

    public record CanonicalForm(String canonical, String sha256) {
    }

    /** Amount in minor units of the asset; weights non-negative, at least one positive. */
    public record SplitRequest(
        @NotBlank String asset,
        @NotNull @PositiveOrZero Long amount,
        @NotEmpty @Size(max = 10_000) List<@NotNull @PositiveOrZero Long> weights) {
    }

    public record SplitResult(String asset, long amount, List<Long> parts) {
    }
}
