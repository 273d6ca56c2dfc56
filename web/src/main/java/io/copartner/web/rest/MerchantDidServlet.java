package io.copartner.web.rest;

import io.copartner.identity.api.PlatformDid;
import io.copartner.kernel.problem.Problem;
import io.copartner.kernel.problem.ProblemType;
import io.copartner.web.problem.ProblemResponses;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** did:web documents of merchants hosted by the platform: {@code did:web:<host>:merchants:<id>} → {@code /merchants/<id>/did.json}. */
@WebServlet("/merchants/*")
public class MerchantDidServlet extends HttpServlet {

    private static final Pattern PATH = Pattern.compile("/([A-Za-z0-9._~-]{1,64})/did\\.json");

    @Inject
    PlatformDid platformDid;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        Matcher m = path == null ? null : PATH.matcher(path);
        var doc = m != null && m.matches() ? platformDid.merchantDocument(m.group(1)) : java.util.Optional.<io.copartner.identity.api.DidDocument>empty();
        if (doc.isEmpty()) {
            resp.setStatus(404);
            resp.setContentType(ProblemResponses.MEDIA_TYPE);
            resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
            resp.getWriter().write(ProblemResponses.toJson(Problem.of(ProblemType.NOT_FOUND, "No merchant DID document here.")));
            return;
        }
        WellKnownDidServlet.write(resp, doc.get());
    }
}
