package io.copartner.web.rest;

import io.copartner.identity.api.PersonalData;
import io.copartner.kernel.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's personal data (name, phone, address), stored apart from identifiers under the party id
 * {@code party:<token sub>}. It never enters the audit log; erasure deletes it and the per-party salt of the
 * caller's audit pseudonyms, so what the log recorded about the caller can no longer be linked to it.
 */
@Path("me/personal-data")
@RequestScoped
@RolesAllowed({"partner", "merchant"})
@Tag(name = "privacy")
@SecurityRequirement(name = "bearer")
public class PersonalDataResource {

    static final String EXAMPLE = """
        {"name":"Mei Chen","phone":"+86 21 5555 0101","address":"88 Century Avenue, Pudong, Shanghai 200120"}""";

    @Inject
    JsonWebToken token;

    @Inject
    PersonalData personalData;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMyPersonalData", summary = "Read my personal data",
        description = "The partner's or merchant's own personal data (name, phone, address). Personal data is kept off the audit log and the chain; it can be erased.")
    @APIResponse(responseCode = "200", description = "The stored personal data",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonalDataView.class),
            examples = @ExampleObject(name = "stored", value = """
                {"name":"Mei Chen","phone":"+86 21 5555 0101","address":"88 Century Avenue, Pudong, Shanghai 200120",
                 "updatedAt":"2026-11-25T10:00:00.123Z"}""")))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Not a partner or merchant", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "Nothing stored (or erased)", content = @Content(mediaType = "application/problem+json"))
    public PersonalDataView read() {
        return personalData.find(Callers.actor(token)).map(PersonalDataView::of)
            .orElseThrow(() -> ProblemException.notFound("No personal data is stored for you."));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putMyPersonalData", summary = "Store or replace my personal data",
        description = "name (1..200), phone (digits, optional leading '+', spaces, ( ) . / -; at most 40) and address "
            + "(1..500) are required. The audit log records only that personal data changed, under a salted hash of "
            + "the party id, never the values.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = PersonalDataRequest.class), examples = @ExampleObject(name = "partner", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Stored",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonalDataView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (validation, per-field errors)",
        content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "validation", value = """
            {"type":"https://copartner.io/problems/validation","title":"Request validation failed","status":400,
             "detail":"1 field(s) are invalid","errors":[{"field":"phone","message":"must not be blank"}]}""")))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = "application/problem+json"))
    public PersonalDataView store(PersonalDataRequest request) {
        PersonalData.Details d = request == null ? null
            : new PersonalData.Details(request.name(), request.phone(), request.address(), null);
        return PersonalDataView.of(personalData.store(Callers.actor(token), d));
    }

    @DELETE
    @Operation(operationId = "deleteMyPersonalData", summary = "Erase my personal data",
        description = "Deletes the personal data and the salt of the caller's audit pseudonyms (crypto-shredding) and "
            + "records identity.personal-data.erased with only the salted hash. The audit log stays verifiable.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "Nothing to erase", content = @Content(mediaType = "application/problem+json"))
    public Response erase() {
        if (!personalData.erase(Callers.actor(token))) {
            throw ProblemException.notFound("No personal data is stored for you.");
        }
        return Response.noContent().build();
    }

    @Schema(name = "PersonalDataRequest")
    public record PersonalDataRequest(String name, String phone, String address) {
    }

    @Schema(name = "PersonalData")
    public record PersonalDataView(String name, String phone, String address, Instant updatedAt) {
        static PersonalDataView of(PersonalData.Details d) {
            return new PersonalDataView(d.name(), d.phone(), d.address(), d.updatedAt());
        }
    }
}
