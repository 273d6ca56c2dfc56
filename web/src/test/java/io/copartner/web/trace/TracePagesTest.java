package io.copartner.web.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class TracePagesTest {

    @Test
    void acceptPicksHtmlJsonOrJsonLd() {
        assertEquals(TraceServlet.Format.HTML, TraceServlet.format(null));
        assertEquals(TraceServlet.Format.HTML, TraceServlet.format("text/html,application/xhtml+xml,*/*;q=0.8"));
        assertEquals(TraceServlet.Format.JSON, TraceServlet.format("application/json"));
        assertEquals(TraceServlet.Format.LD, TraceServlet.format("application/ld+json"));
        assertEquals(TraceServlet.Format.JSON, TraceServlet.format("text/html;q=0.5, application/json"));
        assertEquals(TraceServlet.Format.HTML, TraceServlet.format("*/*"));
        assertEquals(TraceServlet.Format.JSON, TraceServlet.format("application/*"));
        assertEquals(TraceServlet.Format.HTML, TraceServlet.format("application/xml, text/*;q=0.1"));
        // Nothing the trace can be: 406 (a problem), not an HTML page the client did not ask for.
        assertEquals(null, TraceServlet.format("application/xml"));
        assertEquals(null, TraceServlet.format("text/html;q=0, image/png"));
    }

    @Test
    void chineseWhenPreferred() {
        assertTrue(TraceServlet.chinese("zh-CN,zh;q=0.9,en;q=0.8"));
        assertTrue(TraceServlet.chinese("en;q=0.5, zh-Hans"));
        assertFalse(TraceServlet.chinese("en-GB,en;q=0.9,zh;q=0.1"));
        assertFalse(TraceServlet.chinese(null));
    }

    @Test
    void theQrCodeCarriesExactlyTheDigitalLink() throws Exception {
        String link = "https://copartner.example/trace/01/04012345678901/21/A%20100";
        var image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(link)));
        assertEquals(link, new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
            new BufferedImageLuminanceSource(image)))).getText());
        String svg = new String(QrCodes.svg(link), StandardCharsets.UTF_8);
        assertTrue(svg.contains("<svg") && svg.contains("<path"));
    }

    @Test
    void thePageShowsTheTimelineMarksAndGenealogyInEitherLanguage() {
        var product = new io.copartner.commerce.api.Traceability.TraceProduct(java.util.UUID.randomUUID(), "Tea <100 g>",
            "04012345678901", "m-1", "did:web:shop.example:merchants:m-1", true);
        var event = new io.copartner.commerce.api.Traceability.TraceEvent("ni:///sha-256;ab?ver=CBV2.0", "{}",
            "ObjectEvent", "ADD", "https://ref.gs1.org/cbv/BizStep-commissioning", "active", "2026-12-02T08:00:00+08:00",
            "+08:00", "https://id.gs1.org/414/4012345000009", null, java.util.List.of("po 42"), "did:key:z6Mk1",
            "did:key:z6Mk1#z6Mk1", "EdDSA", "farm", true, 7, 6L,
            new io.copartner.commerce.api.Traceability.Anchor(8, 123, "0xabc", 31337), false);
        var view = new io.copartner.commerce.api.Traceability.TraceView("/01/04012345678901/21/A1",
            "https://shop.example/trace/01/04012345678901/21/A1", product, java.util.List.of(event),
            java.util.List.of(new io.copartner.commerce.api.Traceability.Link("inside",
                "https://id.gs1.org/00/106141412345678908", null)));
        String en = TracePage.render(view, false, "");
        assertTrue(en.contains("Tea &lt;100 g&gt;"));
        assertTrue(en.contains("<strong>commissioning</strong>"));
        assertTrue(en.contains("class=\"mark ok sig\"") && en.contains("#6") && en.contains("block 123"));
        assertTrue(en.contains("shipped in logistic unit"));
        assertTrue(en.contains("/trace/01/04012345678901/21/A1/qr.svg"));
        assertFalse(en.contains("style="), "no inline styles: the CSP allows none");
        String zh = TracePage.render(view, true, "");
        assertTrue(zh.contains("lang=\"zh-Hans\"") && zh.contains("签名有效") && zh.contains("区块 123"));
    }

    @Test
    void serialsArePercentDecoded() {
        assertEquals("A 1/é+", TraceServlet.percentDecoded("A%201%2F%C3%A9+"));
    }

    @Test
    void textIsEscaped() {
        assertEquals("&lt;b&gt; &amp; &quot;x&quot;", TracePage.esc("<b> & \"x\""));
        assertEquals("\"a\\\"b\\u0001\"", TraceServlet.str("a\"b\u0001"));
    }
}
