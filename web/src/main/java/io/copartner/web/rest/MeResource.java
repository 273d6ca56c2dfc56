package io.copartner.web.rest;

import io.copartner.governance.api.Membership;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who am I: the caller as the platform sees it. Protected only, so JsonWebToken is never injected anonymously. */
@Path("me")
@RequestScoped
@RolesAllowed({"partner", "merchant", "admin", "auditor"})
@Tag(name = "identity")
@SecurityRequirement(name = "bearer")
public class MeResource {

    static final Set<String> PLATFORM_ROLES = Set.of("partner", "merchant", "admin", "auditor");

    @Inject
    JsonWebToken token;

    @Inject
    Membership membership;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMe", summary = "The authenticated caller: subject, roles and DID (if any)",
        description = "The caller as the platform sees the bearer token: Keycloak subject, username, platform roles and the DID the partner signed in with (null after a password sign-in). A partner signed in with a did:key is a governance member from their first authenticated call: memberSince and tierBps (the tier multiplier in basis points) are then set, else null.")
    @APIResponse(responseCode = "200", description = "The caller",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Me.class),
            examples = @ExampleObject(name = "partner", value = """
                {"subject":"5c2f0b1e-8d3a-4c39-9a57-2f4d7b1e9c01","username":"partner","roles":["partner"],"did":null,"memberSince":null,"tierBps":null}""")))
    @APIResponse(responseCode = "401", description = "No or invalid token",
        content = @Content(mediaType = "application/problem+json"))
    public Me me() {
        Set<String> roles = new TreeSet<>();
        for (String g : token.getGroups()) {
            if (PLATFORM_ROLES.contains(g)) {
                roles.add(g);
            }
        }
        String did = token.getClaim("did");
        var member = did == null ? null : membership.status(did).orElse(null);
        return new Me(token.getSubject(), token.getClaim("preferred_username"), List.copyOf(roles), did,
            member == null ? null : member.memberSince(), member == null ? null : member.tierBps());
    }

    /** The caller. {@code did} is null until the partner signs in with a DID. */
    @Schema(name = "Me")
    public record Me(String subject, String username, List<String> roles,
                     @Schema(nullable = true, description = "The DID the partner signed in with; null otherwise") String did,
                     @Schema(nullable = true, description = "Governance member since (a did:key partner's first authenticated call); null otherwise") Instant memberSince,
                     @Schema(nullable = true, description = "The member's tier multiplier in basis points (10000 = 1x); null for non-members") Integer tierBps) {
    }
}
