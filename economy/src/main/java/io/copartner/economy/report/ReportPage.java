package io.copartner.economy.report;

import java.util.List;
import java.util.Map;

/**
 * The report as a small HTML page (en / 简体中文), each figure linking to the audit entries that prove it (the first
 * {@link ReportService#PAGE_LINKS}; the JSON lists them all).
 */
final class ReportPage {

    private ReportPage() {
    }

    @SuppressWarnings("unchecked")
    static String render(Map<String, Object> r, String lang) {
        boolean zh = lang != null && lang.toLowerCase(java.util.Locale.ROOT).startsWith("zh");
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"").append(zh ? "zh-Hans" : "en")
            .append("\"><head><meta charset=\"utf-8\"><title>").append(zh ? "透明度报告 " : "Transparency report ")
            .append(esc(r.get("periodId"))).append("</title></head><body><h1>")
            .append(zh ? "透明度报告" : "Transparency report").append("</h1><p>").append(esc(r.get("start")))
            .append(" – ").append(esc(r.get("end"))).append("</p><table><tr><th>")
            .append(zh ? "数字" : "Figure").append("</th><th>").append(zh ? "值" : "Value").append("</th><th>")
            .append(zh ? "审计证明" : "Audit proof").append("</th></tr>");
        for (Map<String, Object> p : (List<Map<String, Object>>) r.get("proofs")) {
            String pointer = (String) p.get("figure");
            h.append("<tr><td>").append(esc(pointer)).append("</td><td>").append(esc(at(r, pointer)))
                .append("</td><td>");
            for (Object i : (List<Object>) p.get("auditIndexes")) {
                h.append("<a href=\"/api/v1/audit/entries/").append(i).append("\">#").append(i).append("</a> ");
            }
            if (p.get("more") instanceof Number more && more.longValue() > 0) {
                h.append(zh ? "… 另有 " + more + " 条（见 JSON）" : "… and " + more + " more (see the JSON)");
            }
            h.append("</td></tr>");
        }
        h.append("</table><p>").append(zh ? "报告审计条目 " : "Report audit entry ").append("<a href=\"/api/v1/audit/entries/")
            .append(r.get("auditIndex")).append("\">#").append(r.get("auditIndex")).append("</a></p><p>")
            .append(zh ? "签名 (JWS)" : "Signature (JWS)").append(": <code>").append(esc(r.get("signature")))
            .append("</code></p></body></html>");
        return h.toString();
    }

    @SuppressWarnings("unchecked")
    static Object at(Map<String, Object> r, String pointer) {
        Object node = r;
        for (String part : pointer.substring(1).split("/")) {
            if (node instanceof Map<?, ?> m) {
                node = ((Map<String, Object>) m).get(part);
            } else if (node instanceof List<?> l) {
                node = l.get(Integer.parseInt(part));
            } else {
                return null;
            }
        }
        return node;
    }

    static String esc(Object o) {
        return o == null ? "" : o.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\"", "&quot;");
    }
}
