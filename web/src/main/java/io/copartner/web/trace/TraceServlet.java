package io.copartner.web.trace;

import io.copartner.commerce.api.Traceability;
import io.copartner.commerce.api.Traceability.TraceEvent;
import io.copartner.commerce.api.Traceability.TraceView;
import io.copartner.kernel.problem.Problem;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import io.copartner.web.problem.ProblemResponses;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GS1 Digital Link resolver pages of items ({@code /trace/01/<gtin>/21/<serial>}) and batches ({@code …/10/<lot>}):
 * HTML by default, the trace as JSON ({@code application/json}) or as an EPCIS 2.0 EPCISQueryDocument
 * ({@code application/ld+json}), and the QR code of exactly that Digital Link ({@code /qr.png}, {@code /qr.svg}).
 * Public: a shopper scans and reads without signing in.
 */
@WebServlet("/trace/*")
public class TraceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/01/([0-9]{8,14})/(21|10)/([^/]{1,80})(/qr\\.png|/qr\\.svg)?");
    private static final String LD_JSON = "application/ld+json";

    @Inject
    transient Traceability traceability;

    enum Format { HTML, JSON, LD }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String uri = req.getRequestURI();
        String path = uri.substring(req.getContextPath().length() + "/trace".length());
        if (path.equals("/trace.css")) {
            resp.setContentType("text/css");
            resp.setCharacterEncoding("UTF-8");
            resp.setHeader("Cache-Control", "max-age=3600");
            resp.getWriter().write(TracePage.CSS);
            return;
        }
        Format format = format(req.getHeader("Accept"));
        boolean zh = chinese(req.getHeader("Accept-Language"));
        Matcher m = PATH.matcher(path);
        if (format == null && !(m.matches() && m.group(4) != null)) {
            // Only a page's formats are negotiated; a QR code is an image whatever the Accept header says.
            ProblemResponses.write(resp, Problem.of(ProblemType.NOT_ACCEPTABLE,
                "A trace is served as text/html, application/json or application/ld+json."));
            return;
        }
        Optional<TraceView> view = Optional.empty();
        if (m.matches()) {
            String ref;
            try {
                ref = percentDecoded(m.group(3));
            } catch (IllegalArgumentException e) {
                ref = null;
            }
            if (ref != null) {
                try {
                    view = m.group(2).equals("21") ? traceability.item(m.group(1), ref) : traceability.batch(m.group(1), ref);
                } catch (ProblemException e) {
                    ProblemResponses.write(resp, e.problem());
                    return;
                }
            }
        }
        if (view.isEmpty()) {
            // A QR code is an image, not a page: its 404 is a problem whatever the Accept header prefers.
            boolean qr = m.matches() && m.group(4) != null;
            notFound(resp, qr ? Format.JSON : format, zh, req.getContextPath());
            return;
        }
        TraceView v = view.get();
        if (m.group(4) != null) {
            boolean png = m.group(4).endsWith("png");
            byte[] body = png ? QrCodes.png(v.digitalLink()) : QrCodes.svg(v.digitalLink());
            resp.setContentType(png ? "image/png" : "image/svg+xml");
            resp.setHeader("Cache-Control", "max-age=86400");
            resp.setContentLength(body.length);
            resp.getOutputStream().write(body);
            return;
        }
        resp.setHeader("Vary", "Accept, Accept-Language");
        resp.setCharacterEncoding("UTF-8");
        switch (format) {
            case JSON -> {
                resp.setContentType("application/json");
                resp.getWriter().write(json(v));
            }
            case LD -> {
                resp.setContentType(LD_JSON);
                resp.getWriter().write(queryDocument(v));
            }
            default -> {
                resp.setContentType("text/html");
                resp.setHeader("Content-Language", zh ? "zh-Hans" : "en");
                resp.getWriter().write(TracePage.render(v, zh, req.getContextPath()));
            }
        }
    }

    private static void notFound(HttpServletResponse resp, Format format, boolean zh, String contextPath) throws IOException {
        if (format == Format.HTML) {
            resp.setStatus(404);
            resp.setContentType("text/html");
            resp.setCharacterEncoding("UTF-8");
            resp.getWriter().write(TracePage.notFound(zh, contextPath));
            return;
        }
        ProblemResponses.write(resp, Problem.of(ProblemType.NOT_FOUND,
            "No trace here: the item was never commissioned, or the GTIN or lot is unknown."));
    }

    /**
     * The best of HTML, JSON and JSON-LD by the Accept header's order and q-values; when none is named, HTML for
     * {@code *}{@code /*}, {@code text/*} or no Accept header, JSON for {@code application/*}; null when the header
     * accepts none of them (406).
     */
    static Format format(String accept) {
        if (accept == null || accept.isBlank()) {
            return Format.HTML;
        }
        Format best = null;
        double bestQ = -1;
        Format wildcard = null;
        for (String part : accept.split(",")) {
            String[] bits = part.trim().split(";");
            String type = bits[0].trim().toLowerCase(java.util.Locale.ROOT);
            double q = 1;
            for (int i = 1; i < bits.length; i++) {
                String b = bits[i].trim();
                if (b.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(b.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            Format f = switch (type) {
                case "text/html", "application/xhtml+xml" -> Format.HTML;
                case "application/json" -> Format.JSON;
                case LD_JSON -> Format.LD;
                default -> null;
            };
            if (f == null && q > 0 && (type.equals("*/*") || type.equals("text/*"))) {
                wildcard = Format.HTML;
            } else if (f == null && q > 0 && type.equals("application/*") && wildcard == null) {
                wildcard = Format.JSON;
            }
            if (f != null && q > 0 && q > bestQ) {
                best = f;
                bestQ = q;
            }
        }
        return best != null ? best : wildcard;
    }

    /** 简体中文 when the first language preferred (by q) is Chinese; English otherwise. */
    static boolean chinese(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        String best = null;
        double bestQ = -1;
        for (String part : acceptLanguage.split(",")) {
            String[] bits = part.trim().split(";");
            double q = 1;
            if (bits.length > 1 && bits[1].trim().startsWith("q=")) {
                try {
                    q = Double.parseDouble(bits[1].trim().substring(2));
                } catch (NumberFormatException e) {
                    q = 0;
                }
            }
            String lang = bits[0].trim().toLowerCase(java.util.Locale.ROOT);
            if ((lang.startsWith("zh") || lang.startsWith("en")) && q > bestQ) {
                best = lang;
                bestQ = q;
            }
        }
        return best != null && best.startsWith("zh");
    }

    static String json(TraceView v) {
        StringBuilder out = new StringBuilder(4096 + v.events().size() * 1024);
        out.append("{\"digitalLink\":").append(str(v.digitalLink())).append(",\"product\":{\"id\":")
            .append(str(v.product().id().toString())).append(",\"name\":").append(str(v.product().name()))
            .append(",\"gtin\":").append(str(v.product().gtin())).append(",\"merchant\":{\"id\":")
            .append(str(v.product().merchantId())).append(",\"did\":").append(str(v.product().merchantDid()))
            .append(",\"verified\":").append(v.product().merchantVerified()).append("}},\"events\":[");
        boolean first = true;
        for (TraceEvent e : v.events()) {
            out.append(first ? "" : ",").append("{\"event\":").append(e.stored()).append(",\"auditIndex\":")
                .append(e.auditIndex() == null ? "null" : e.auditIndex().toString()).append('}');
            first = false;
        }
        return out.append("]}").toString();
    }

    static String queryDocument(TraceView v) {
        StringBuilder out = new StringBuilder(4096 + v.events().size() * 1024);
        out.append("{\"@context\":[\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\",")
            .append("{\"copartner\":\"https://copartner.io/epcis/\"}],\"type\":\"EPCISQueryDocument\",")
            .append("\"schemaVersion\":\"2.0\",\"creationDate\":").append(str(Instant.now().toString()))
            .append(",\"epcisBody\":{\"queryResults\":{\"queryName\":\"SimpleEventQuery\",\"resultsBody\":{\"eventList\":[");
        boolean first = true;
        for (TraceEvent e : v.events()) {
            out.append(first ? "" : ",").append(e.stored());
            first = false;
        }
        return out.append("]}}}}").toString();
    }

    static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A Digital Link path segment's value: %XX escapes decoded as UTF-8 ('+' stays '+', unlike form decoding). */
    static String percentDecoded(String segment) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    throw new IllegalArgumentException("a truncated escape");
                }
                out.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
