package io.copartner.system;

import static io.restassured.RestAssured.given;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A bearer token for each kind of caller the authorisation tests need, from the real Keycloak where a real one
 * exists (fresh users, so tests that change personal data or suspend merchants touch nobody else), and forged for the
 * four a client must never get in: expired, for another audience, signed by another key, {@code alg: none}.
 *
 * <p>Expired and other-audience tokens are signed by a key this class imports into the realm (lowest priority, so
 * Keycloak keeps signing with its own): the server trusts it, so their refusal proves the expiry and audience checks,
 * not a signature failure. {@link #forgedControl()} is the same forgery with nothing wrong, and must be accepted.
 */
public final class RoleTokens {

    /** The callers of the authorisation matrix. */
    public enum Caller {
        ANONYMOUS, PARTNER, MERCHANT, SUSPENDED_MERCHANT, AUDITOR, ADMIN,
        EXPIRED, OTHER_AUDIENCE, OTHER_KEY, ALG_NONE;

        /** A caller whose token must be refused (401) wherever a token is required. */
        public boolean invalid() {
            return this == EXPIRED || this == OTHER_AUDIENCE || this == OTHER_KEY || this == ALG_NONE;
        }
    }

    private static RoleTokens instance;

    private final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    private final String otherPartner;
    private final String forgedControl;
    private final String merchantId;

    private RoleTokens() {
        String admin = Tokens.password("admin", "admin");
        tokens.put(Caller.ADMIN, admin);
        tokens.put(Caller.AUDITOR, Tokens.password("auditor", "auditor"));
        tokens.put(Caller.PARTNER, freshPartner());
        otherPartner = freshPartner();
        String[] merchant = freshMerchant(admin);
        merchantId = merchant[0];
        tokens.put(Caller.MERCHANT, merchant[1]);
        String[] suspended = freshMerchant(admin);
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("reason", "authorisation tests"))
            .post("/api/v1/admin/merchants/" + suspended[0] + "/suspension").then().statusCode(200);
        tokens.put(Caller.SUSPENDED_MERCHANT, suspended[1]);

        JWTClaimsSet real = claims(admin);
        KeyPair trusted = rsa();
        String trustedKid = importRealmKey(trusted);
        Instant now = Instant.now();
        forgedControl = sign(trusted, trustedKid, new JWTClaimsSet.Builder(real).jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600))).build());
        tokens.put(Caller.EXPIRED, sign(trusted, trustedKid, new JWTClaimsSet.Builder(real)
            .issueTime(Date.from(now.minusSeconds(7200))).expirationTime(Date.from(now.minusSeconds(3600))).build()));
        tokens.put(Caller.OTHER_AUDIENCE, sign(trusted, trustedKid, new JWTClaimsSet.Builder(real)
            .audience(List.of("another-api")).issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(600))).build()));
        // Another key, under the kid of Keycloak's real signing key: what an attacker who copies a header sends.
        String realKid;
        try {
            realKid = SignedJWT.parse(admin).getHeader().getKeyID();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        tokens.put(Caller.OTHER_KEY, sign(rsa(), realKid, new JWTClaimsSet.Builder(real).issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(600))).build()));
        tokens.put(Caller.ALG_NONE, unsigned(new JWTClaimsSet.Builder(real).issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(600))).build()));
    }

    /** One set per test JVM: the platform is shared, and Keycloak users cost a few hundred milliseconds each. */
    public static synchronized RoleTokens get() {
        if (instance == null) {
            instance = new RoleTokens();
        }
        return instance;
    }

    /** The token of that caller, or null for {@link Caller#ANONYMOUS}. */
    public String token(Caller caller) {
        return tokens.get(caller);
    }

    /** A second partner, for "a partner never sees another partner's data". */
    public String otherPartner() {
        return otherPartner;
    }

    /** The merchant id behind {@link Caller#MERCHANT}. */
    public String merchantId() {
        return merchantId;
    }

    /** An admin token forged with the imported key and nothing wrong: proves the forgeries reach the real checks. */
    public String forgedControl() {
        return forgedControl;
    }

    /** A request carrying that caller's token (none for anonymous). */
    public RequestSpecification as(Caller caller) {
        RequestSpecification r = given();
        String t = token(caller);
        return t == null ? r : r.header("Authorization", "Bearer " + t);
    }

    // --- Keycloak -----------------------------------------------------------------------------------------------

    private static RequestSpecification realmAdmin() {
        String token = given().baseUri(PlatformExtension.settings().keycloakUrl())
            .contentType("application/x-www-form-urlencoded")
            .formParam("grant_type", "password").formParam("client_id", "admin-cli")
            .formParam("username", "admin").formParam("password", "admin")
            .post("/realms/master/protocol/openid-connect/token").then().statusCode(200)
            .extract().path("access_token");
        return given().baseUri(PlatformExtension.settings().keycloakUrl()).basePath("/admin/realms/copartner")
            .auth().oauth2(token);
    }

    private static String freshPartner() {
        String username = "authz-partner-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        String location = realmAdmin().contentType("application/json").body(Map.of("username", username,
                "enabled", true, "email", username + "@partners.example", "emailVerified", true,
                "firstName", "Authz", "lastName", "Partner",
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))))
            .post("/users").then().statusCode(201).extract().header("Location");
        String userId = location.substring(location.lastIndexOf('/') + 1);
        Map<String, Object> role = realmAdmin().get("/roles/partner").then().statusCode(200).extract().as(Map.class);
        realmAdmin().contentType("application/json").body(List.of(role))
            .post("/users/" + userId + "/role-mappings/realm").then().statusCode(204);
        return Tokens.password(username, password);
    }

    /** A merchant created by the platform's admin API (so it has its record, group and did:web): id and token. */
    private static String[] freshMerchant(String admin) {
        String username = "authz-shop-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        String id = MerchantAdminIT.create(admin, username, password, null).then().statusCode(201).extract().path("id");
        return new String[] {id, Tokens.password(username, password)};
    }

    /** Imports a key pair into the realm as an extra RSA key provider; returns the kid Keycloak publishes for it. */
    private static String importRealmKey(KeyPair pair) {
        String realmId = realmAdmin().get("").then().statusCode(200).extract().path("id");
        String pem = "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
        String name = "authz-tests-" + UUID.randomUUID().toString().substring(0, 8);
        String location = realmAdmin().contentType("application/json").body(Map.of("name", name, "providerId", "rsa",
                "providerType", "org.keycloak.keys.KeyProvider", "parentId", realmId,
                "config", Map.of("priority", List.of("-1000"), "enabled", List.of("true"), "active", List.of("true"),
                    "algorithm", List.of("RS256"), "privateKey", List.of(pem))))
            .post("/components").then().statusCode(201).extract().header("Location");
        String componentId = location.substring(location.lastIndexOf('/') + 1);
        List<Map<String, Object>> keys = realmAdmin().get("/keys").then().statusCode(200).extract().path("keys");
        return keys.stream().filter(k -> componentId.equals(k.get("providerId"))).map(k -> (String) k.get("kid"))
            .findFirst().orElseThrow(() -> new IllegalStateException("Keycloak did not publish the imported key"));
    }

    // --- forging --------------------------------------------------------------------------------------------------

    private static JWTClaimsSet claims(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(KeyPair pair, String kid, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid)
                .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) pair.getPrivate()));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code {"alg":"none"}} with an empty signature (RFC 7519 §6 unsecured JWT), as an attacker would send it. */
    private static String unsigned(JWTClaimsSet claims) {
        return Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString() + "."
            + Base64URL.encode(claims.toString()).toString() + ".";
    }
}
