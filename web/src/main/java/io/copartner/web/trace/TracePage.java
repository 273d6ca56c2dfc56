package io.copartner.web.trace;

import io.copartner.commerce.api.Traceability.Link;
import io.copartner.commerce.api.Traceability.TraceEvent;
import io.copartner.commerce.api.Traceability.TraceView;
import java.util.Map;

/**
 * The public trace page: server-rendered, mobile-first HTML in English or 简体中文, no script; styles come from the
 * served stylesheet (the CSP allows no inline style).
 */
final class TracePage {

    private TracePage() {
    }

    static final Map<String, String[]> TEXT = Map.ofEntries(
        Map.entry("title", new String[] {"Product trace", "产品溯源"}),
        Map.entry("gtin", new String[] {"GTIN", "商品条码 (GTIN)"}),
        Map.entry("merchant", new String[] {"Merchant", "商家"}),
        Map.entry("verified", new String[] {"verified merchant", "已认证商家"}),
        Map.entry("unverified", new String[] {"not verified", "未认证"}),
        Map.entry("timeline", new String[] {"Timeline", "时间线"}),
        Map.entry("what", new String[] {"What", "事件"}),
        Map.entry("when", new String[] {"When", "时间"}),
        Map.entry("where", new String[] {"Where", "地点"}),
        Map.entry("who", new String[] {"Who", "操作方"}),
        Map.entry("why", new String[] {"Why", "业务"}),
        Map.entry("signature", new String[] {"signature valid", "签名有效"}),
        Map.entry("audit", new String[] {"in the audit log", "已记入审计日志"}),
        Map.entry("auditPending", new String[] {"audit log: being sequenced", "审计日志：排序中"}),
        Map.entry("anchored", new String[] {"anchored on chain", "已上链锚定"}),
        Map.entry("anchorPending", new String[] {"chain anchor pending", "上链锚定中"}),
        Map.entry("block", new String[] {"block", "区块"}),
        Map.entry("tx", new String[] {"transaction", "交易"}),
        Map.entry("genealogy", new String[] {"Genealogy", "来源谱系"}),
        Map.entry("inside", new String[] {"shipped in logistic unit", "装入物流单元"}),
        Map.entry("contains", new String[] {"contains", "包含"}),
        Map.entry("input", new String[] {"made from", "原料"}),
        Map.entry("output", new String[] {"went into", "加工为"}),
        Map.entry("via", new String[] {"via its logistic unit", "经由所在物流单元"}),
        Map.entry("none", new String[] {"No events yet.", "暂无事件。"}),
        Map.entry("notFound", new String[] {"No trace for this code", "未找到该编码的溯源信息"}),
        Map.entry("notFoundText", new String[] {"This item was never commissioned here, or the code is unknown.",
            "该商品未在本平台登记，或编码未知。"}),
        Map.entry("qr", new String[] {"QR code of this Digital Link", "本数字链接的二维码"}),
        Map.entry("merchantRole", new String[] {"merchant", "商家"}));

    static String t(String key, boolean zh) {
        return TEXT.get(key)[zh ? 1 : 0];
    }

    static String render(TraceView v, boolean zh, String contextPath) {
        StringBuilder h = new StringBuilder(8192 + v.events().size() * 1200);
        head(h, zh, v.product().name() + " · " + t("title", zh), contextPath);
        h.append("<header><h1>").append(esc(v.product().name())).append("</h1><p class=\"sub\">")
            .append(t("title", zh)).append("</p></header><main>");
        h.append("<section class=\"card product\"><img class=\"qr\" src=\"").append(esc(contextPath + "/trace" + v.path()))
            .append("/qr.svg\" alt=\"").append(t("qr", zh)).append("\" width=\"132\" height=\"132\">")
            .append("<dl><dt>").append(t("gtin", zh)).append("</dt><dd>").append(esc(v.product().gtin())).append("</dd>")
            .append("<dt>").append(t("merchant", zh)).append("</dt><dd><code>").append(esc(v.product().merchantDid()))
            .append("</code> <span class=\"badge ").append(v.product().merchantVerified() ? "ok\">✓ " + t("verified", zh)
                : "warn\">" + t("unverified", zh)).append("</span></dd>")
            .append("<dt>Digital Link</dt><dd><a class=\"link\" href=\"").append(esc(v.digitalLink())).append("\">")
            .append(esc(v.digitalLink())).append("</a></dd></dl></section>");
        h.append("<section><h2>").append(t("timeline", zh)).append("</h2>");
        if (v.events().isEmpty()) {
            h.append("<p>").append(t("none", zh)).append("</p>");
        }
        h.append("<ol class=\"timeline\">");
        for (TraceEvent e : v.events()) {
            event(h, e, zh);
        }
        h.append("</ol></section>");
        if (!v.genealogy().isEmpty()) {
            h.append("<section class=\"card\"><h2>").append(t("genealogy", zh)).append("</h2><ul class=\"genealogy\">");
            for (Link l : v.genealogy()) {
                h.append("<li><span class=\"rel\">").append(t(l.relation(), zh)).append("</span> <code>")
                    .append(esc(l.epc())).append("</code></li>");
            }
            h.append("</ul></section>");
        }
        h.append("</main></body></html>");
        return h.toString();
    }

    private static void event(StringBuilder h, TraceEvent e, boolean zh) {
        h.append("<li class=\"event\" data-event-id=\"").append(esc(e.eventId())).append("\"><div class=\"what\">")
            .append(esc(e.eventType()));
        if (e.action() != null) {
            h.append(" · ").append(esc(e.action()));
        }
        if (e.bizStep() != null) {
            h.append(" · <strong>").append(esc(shortName(e.bizStep()))).append("</strong>");
        }
        if (e.viaLogisticUnit()) {
            h.append(" <span class=\"via\">(").append(t("via", zh)).append(")</span>");
        }
        h.append("</div><dl>");
        row(h, t("when", zh), e.eventTime() + (e.eventTimeZoneOffset() == null ? "" : " (UTC" + e.eventTimeZoneOffset() + ")"));
        String where = e.readPoint() != null ? e.readPoint() : e.bizLocation();
        if (where != null) {
            row(h, t("where", zh), where);
        }
        row(h, t("who", zh), ("merchant".equals(e.role()) ? t("merchantRole", zh) : e.role()) + " · " + e.signer());
        StringBuilder why = new StringBuilder();
        if (e.disposition() != null) {
            why.append(shortName(e.disposition()));
        }
        for (String w : e.why()) {
            why.append(why.length() == 0 ? "" : "; ").append(w.strip());
        }
        if (why.length() > 0) {
            row(h, t("why", zh), why.toString());
        }
        h.append("</dl><ul class=\"marks\">");
        h.append("<li class=\"mark ok sig\">✓ ").append(t("signature", zh)).append(" <small>").append(esc(e.alg()))
            .append("</small></li>");
        if (e.auditIndex() != null) {
            h.append("<li class=\"mark ok audit\"><a href=\"/api/v1/audit/entries/").append(e.auditIndex()).append("\">✓ ")
                .append(t("audit", zh)).append(" #").append(e.auditIndex()).append("</a></li>");
        } else {
            h.append("<li class=\"mark pending audit\">").append(t("auditPending", zh)).append("</li>");
        }
        if (e.anchor() != null) {
            h.append("<li class=\"mark ok anchor\">✓ ").append(t("anchored", zh)).append(": ").append(t("block", zh))
                .append(' ').append(e.anchor().blockNumber()).append(", ").append(t("tx", zh)).append(" <code>")
                .append(esc(e.anchor().txHash())).append("</code></li>");
        } else {
            h.append("<li class=\"mark pending anchor\">").append(t("anchorPending", zh)).append("</li>");
        }
        h.append("</ul></li>");
    }

    private static void row(StringBuilder h, String label, String value) {
        h.append("<dt>").append(label).append("</dt><dd>").append(esc(value)).append("</dd>");
    }

    /** {@code https://ref.gs1.org/cbv/BizStep-shipping} → {@code shipping}. */
    static String shortName(String cbv) {
        int dash = cbv.lastIndexOf('-');
        int colon = cbv.lastIndexOf(':');
        if (cbv.startsWith("https://ref.gs1.org/cbv/") || cbv.startsWith("cbv:")) {
            return cbv.substring(dash + 1);
        }
        if (cbv.startsWith("urn:epcglobal:cbv:")) {
            return cbv.substring(colon + 1);
        }
        return cbv;
    }

    static String notFound(boolean zh, String contextPath) {
        StringBuilder h = new StringBuilder();
        head(h, zh, t("notFound", zh), contextPath);
        h.append("<header><h1>").append(t("notFound", zh)).append("</h1></header><main><p>").append(t("notFoundText", zh))
            .append("</p></main></body></html>");
        return h.toString();
    }

    private static void head(StringBuilder h, boolean zh, String title, String contextPath) {
        h.append("<!DOCTYPE html><html lang=\"").append(zh ? "zh-Hans" : "en").append("\"><head><meta charset=\"utf-8\">")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").append(esc(title))
            .append("</title><link rel=\"stylesheet\" href=\"").append(esc(contextPath)).append("/trace/trace.css\"></head><body>");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static final String CSS = """
        :root{color-scheme:light;--ok:#17803d;--warn:#9a6700;--ink:#1f2328;--muted:#59636e;--line:#d1d9e0}
        *{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"PingFang SC","Noto Sans SC",sans-serif;color:var(--ink);background:#f6f8fa}
        header{background:#0b4f6c;color:#fff;padding:16px}header h1{margin:0;font-size:1.3rem}.sub{margin:0;opacity:.85}
        main{max-width:720px;margin:0 auto;padding:12px}section{margin:12px 0}.card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:12px}
        .product{display:flex;gap:12px;flex-wrap:wrap}.qr{width:132px;height:132px;image-rendering:pixelated}
        dl{margin:0;display:grid;grid-template-columns:max-content 1fr;gap:2px 10px}dt{color:var(--muted)}dd{margin:0;overflow-wrap:anywhere}
        code{font-size:.85em;overflow-wrap:anywhere}.badge{font-size:.85em;padding:1px 6px;border-radius:8px}.badge.ok{background:#dafbe1;color:var(--ok)}.badge.warn{background:#fff8c5;color:var(--warn)}
        .timeline{list-style:none;margin:0;padding:0 0 0 14px;border-left:3px solid #0b4f6c}
        .event{background:#fff;border:1px solid var(--line);border-radius:10px;padding:10px;margin:0 0 10px 6px}
        .what{font-weight:600;margin-bottom:4px}.via{font-weight:400;color:var(--muted)}
        .marks{list-style:none;padding:0;margin:8px 0 0;display:flex;flex-wrap:wrap;gap:6px}.mark{font-size:.85em;padding:2px 8px;border-radius:8px}
        .mark.ok{background:#dafbe1;color:var(--ok)}.mark.ok a{color:inherit}.mark.pending{background:#eaeef2;color:var(--muted)}
        .genealogy{margin:0;padding-left:18px}.rel{color:var(--muted)}a.link{overflow-wrap:anywhere}
        """;
}
