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
    void serialsArePercentDecoded() {
        assertEquals("A 1/é+", TraceServlet.percentDecoded("A%201%2F%C3%A9+"));
    }

    @Test
    void textIsEscaped() {
        assertEquals("&lt;b&gt; &amp; &quot;x&quot;", TracePage.esc("<b> & \"x\""));
        assertEquals("\"a\\\"b\\u0001\"", TraceServlet.str("a\"b\u0001"));
    }
}
