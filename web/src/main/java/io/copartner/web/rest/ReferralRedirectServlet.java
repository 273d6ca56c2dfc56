package io.copartner.web.rest;

import io.copartner.economy.api.ShareLinkView;
import io.copartner.economy.api.ShareLinks;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code GET /r/{code}} (public): a share link. A known code sets the attribution cookie (last click wins: a new
 * click replaces it) for {@code COPARTNER_REFERRAL_WINDOW} (ISO 8601, default P30D) and redirects (303) to the
 * product's page in the web app; an unknown code redirects to the shop without a cookie (the sale is unattributed).
 * While the database is down, a well-formed code still sets the cookie and goes to the shop: the checkout ignores
 * a code it does not know, so the click is kept and nothing wrong can be attributed.
 */
@WebServlet("/r/*")
public class ReferralRedirectServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    public static final String COOKIE = "copartner_ref";
    /** What may go into the cookie unchecked (share codes are a subset): cookie-safe, bounded. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @Inject
    transient ShareLinks links;

    static Duration window() {
        return ConfigProvider.getConfig(ReferralRedirectServlet.class.getClassLoader())
            .getOptionalValue("copartner.referral.window", String.class).map(Duration::parse).orElse(Duration.ofDays(30));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String info = req.getPathInfo();
        String code = info == null ? "" : info.replaceFirst("^/", "");
        res.setHeader("Cache-Control", "no-store");
        res.setHeader("Referrer-Policy", "no-referrer");
        Optional<ShareLinkView> link;
        try {
            link = code.isEmpty() || code.contains("/") ? Optional.empty() : links.resolve(code);
        } catch (ProblemException e) {
            if (!ProblemType.UNAVAILABLE.uri().equals(e.problem().type()) || !WELL_FORMED.matcher(code).matches()) {
                throw e;
            }
            res.addCookie(cookie(req, code));
            res.setStatus(303);
            res.setHeader("Location", req.getContextPath() + "/shop");
            return;
        }
        if (link.isEmpty()) {
            res.setStatus(303);
            res.setHeader("Location", req.getContextPath() + "/shop");
            return;
        }
        res.addCookie(cookie(req, link.get().code()));
        res.setStatus(303);
        res.setHeader("Location", req.getContextPath() + "/shop/products/" + link.get().productId());
    }

    private static Cookie cookie(HttpServletRequest req, String code) {
        Cookie c = new Cookie(COOKIE, code);
        c.setPath("/");
        c.setHttpOnly(true);
        c.setMaxAge((int) Math.min(Integer.MAX_VALUE, window().toSeconds()));
        c.setAttribute("SameSite", "Lax");
        c.setSecure(req.isSecure());
        return c;
    }
}
