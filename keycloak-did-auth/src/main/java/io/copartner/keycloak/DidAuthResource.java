package io.copartner.keycloak;

import io.copartner.kernel.ratelimit.RateLimits;
import io.copartner.kernel.ratelimit.TokenBuckets.Limit;
import io.copartner.keycloak.did.DidJwtVerifier;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.utils.WebOriginsUtils;

/**
 * {@code /realms/{realm}/did-auth}: {@code POST nonce} hands out a sign-in challenge; {@code GET} describes how
 * to sign in. Neither needs authentication. The description answers any origin; the nonce only the web origins of
 * the realm's clients enabled for DID sign-in (the platform's own web app: {@code copartner-web}'s "+" resolves to
 * its redirect URIs' origin), so no other site's script can drive sign-ins from a visitor's browser.
 */
public class DidAuthResource {

    private final KeycloakSession session;
    private final Clock clock;

    public DidAuthResource(KeycloakSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    /**
     * Sign-in challenges are cheap to ask for and each one is stored: limited per IP and per client
     * ({@code client_id} query parameter, when a client names itself), {@code copartner.ratelimit.signin.*}.
     */
    static final RateLimits SIGN_IN = new RateLimits("signin", new Limit(200, 400), new Limit(100, 200),
        RateLimits::systemOrEnvironment, System::nanoTime);

    @POST
    @Path("nonce")
    @Produces(MediaType.APPLICATION_JSON)
    public Response nonce(@QueryParam("client_id") String clientId) {
        long wait = SIGN_IN.acquire(session.getContext().getConnection().getRemoteAddr(), clientId);
        if (wait > 0) {
            String problem = "{\"type\":\"https://copartner.io/problems/too-many-requests\",\"title\":\"Too many requests\","
                + "\"status\":429,\"detail\":\"Too many sign-in challenges from this client; retry after " + wait
                + " s.\",\"retryAfterSeconds\":" + wait + "}";
            return cors(Response.status(429).type("application/problem+json").entity(problem))
                .header("Retry-After", Long.toString(wait)).header("Cache-Control", "no-store").build();
        }
        RealmModel realm = session.getContext().getRealm();
        String nonce = Nonces.issue(session.singleUseObjects(), realm.getId(), clock);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nonce", nonce);
        body.put("expiresIn", Nonces.lifetimeSeconds());
        return signInCors(Response.ok(body)).header("Cache-Control", "no-store").build();
    }

    @OPTIONS
    @Path("nonce")
    public Response noncePreflight() {
        return signInCors(Response.noContent())
            .header("Access-Control-Allow-Methods", "POST, OPTIONS")
            .header("Access-Control-Allow-Headers", "Content-Type")
            .header("Access-Control-Max-Age", "3600")
            .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response describe() {
        RealmModel realm = session.getContext().getRealm();
        String tokenEndpoint = TokenEndpoint.of(session, realm);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nonce_endpoint", session.getContext().getUri().getBaseUriBuilder()
            .path("realms").path(realm.getName()).path(DidAuthResourceProviderFactory.ID).path("nonce").build()
            .toString());
        body.put("token_endpoint", tokenEndpoint);
        body.put("grant_type", DidJwtBearerGrantTypeFactory.GRANT_TYPE);
        body.put("audience", tokenEndpoint);
        body.put("did_methods", List.of("key"));
        body.put("key_types", Map.of("Ed25519", "EdDSA", "secp256k1", "ES256K"));
        body.put("claims", List.of("iss", "sub", "aud", "nonce", "iat", "exp", "jti"));
        body.put("max_assertion_lifetime", DidJwtVerifier.MAX_LIFETIME_SECONDS);
        body.put("nonce_lifetime", Nonces.lifetimeSeconds());
        return cors(Response.ok(body)).build();
    }

    private static Response.ResponseBuilder cors(Response.ResponseBuilder b) {
        return b.header("Access-Control-Allow-Origin", "*");
    }

    /** Allow-Origin for the request's Origin only when a DID-enabled client of the realm lists it. */
    private Response.ResponseBuilder signInCors(Response.ResponseBuilder b) {
        b.header("Vary", "Origin");
        String origin = session.getContext().getRequestHeaders().getHeaderString("Origin");
        if (origin == null) {
            return b;
        }
        RealmModel realm = session.getContext().getRealm();
        boolean allowed = realm.getClientsStream()
            .filter(c -> "true".equals(c.getAttribute(DidJwtBearerGrantType.CLIENT_ATTRIBUTE)))
            .anyMatch(c -> WebOriginsUtils.resolveValidWebOrigins(session, c).contains(origin));
        return allowed ? b.header("Access-Control-Allow-Origin", origin) : b;
    }
}
