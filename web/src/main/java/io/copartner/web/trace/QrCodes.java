package io.copartner.web.trace;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** QR codes of GS1 Digital Links by ZXing: PNG (8 px per module) and SVG (one path), with a 4-module quiet zone. */
final class QrCodes {

    private static final int MODULE = 8;

    private QrCodes() {
    }

    static BitMatrix matrix(String text) {
        try {
            // Size 0: ZXing picks the smallest version and leaves one pixel per module, scaled below.
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code: " + e.getMessage(), e);
        }
    }

    static byte[] png(String text) {
        BitMatrix m = matrix(text);
        BitMatrix scaled = new BitMatrix(m.getWidth() * MODULE, m.getHeight() * MODULE);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    scaled.setRegion(x * MODULE, y * MODULE, MODULE, MODULE);
                }
            }
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            MatrixToImageWriter.writeToStream(scaled, "PNG", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] svg(String text) {
        BitMatrix m = matrix(text);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        String svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
            + m.getWidth() + " " + m.getHeight() + "\" width=\"" + m.getWidth() * MODULE + "\" height=\""
            + m.getHeight() * MODULE + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" "
            + "fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>\n";
        return svg.getBytes(StandardCharsets.UTF_8);
    }
}
