package io.copartner.tokenguard;

import com.ibm.websphere.security.WebTrustAssociationFailedException;
import com.ibm.wsspi.security.tai.TAIResult;
import com.ibm.wsspi.security.tai.TrustAssociationInterceptor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * Liberty runs this interceptor before its MicroProfile JWT one (server.xml orders it first) and it claims only the
 * requests whose bearer token is certainly forged (Liberty then answers 401, or, on a public URI, treats the request as
 * anonymous). Liberty's mpJwt writes a token whose
 * signature fails, whole, into its CWWKS6041E message and its FFDC incident; a tampered copy of a genuine token
 * keeps the genuine signature, so those logs would hold most of a credential. Refused here, it never reaches them.
 * Every other request (no token, a genuine one, an expired one) passes untouched: this never authenticates.
 *
 * <p>Deployed as the Liberty user feature {@code usr:copartnerTokenGuard-1.0} (OSGI-INF/io.copartner.tokenguard.xml
 * registers it as a TrustAssociationInterceptor service; there is no {@code <trustAssociation>} element), Liberty's
 * security layer calls {@link #activate(Map)}. As a {@code <trustAssociation>} interceptor it would be configured by
 * {@link #initialize(Properties)} ({@code jwksUri}), but that wiring cannot put it before mpJwt reliably
 * (docs/reliability.md).
 */
public class BearerTokenGuard implements TrustAssociationInterceptor {

    private volatile ForgeryCheck check;

    /** Declarative Services' activation of the user feature's component: the JWKS from the environment. */
    protected void activate(Map<String, Object> componentProperties) {
        Properties props = new Properties();
        props.setProperty("jwksUri", JwksLocation.from(System::getenv));
        initialize(props);
    }

    /** Declarative Services' deactivation. */
    protected void deactivate() {
        cleanup();
    }

    @Override
    public int initialize(Properties props) {
        String jwks = props.getProperty("jwksUri");
        if (jwks == null || jwks.isBlank()) {
            return 1; // Liberty reports a failed initialisation; without keys the guard would only be in the way
        }
        check = new ForgeryCheck(new IssuerKeys(URI.create(jwks.trim()), Duration.ofMinutes(5),
            Duration.ofMillis(200), Clock.systemUTC()));
        return 0;
    }

    @Override
    public boolean isTargetInterceptor(HttpServletRequest req) {
        ForgeryCheck c = check;
        String token = bearer(req.getHeader("Authorization"));
        return c != null && token != null && c.judge(token) == ForgeryCheck.Verdict.FORGED;
    }

    @Override
    public TAIResult negotiateValidateandEstablishTrust(HttpServletRequest req, HttpServletResponse res)
        throws WebTrustAssociationFailedException {
        // Claimed, so no later interceptor (mpJwt) sees the token. Nothing is written here: on a protected URI Liberty
        // answers 401 through the web module's error page (problem+json, WWW-Authenticate: Bearer); on a public one
        // it ignores the failure and the request goes on anonymously, and a body written here would be mixed into
        // the application's answer (the authorisation matrix saw a public 200 carrying this 401's problem).
        return TAIResult.create(HttpServletResponse.SC_UNAUTHORIZED);
    }

    /** The credential of an {@code Authorization: Bearer …} header (scheme case-insensitive), else null. */
    static String bearer(String header) {
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    @Override
    public String getVersion() {
        return "1";
    }

    @Override
    public String getType() {
        return "copartner-token-guard";
    }

    @Override
    public void cleanup() {
        check = null;
    }
}
