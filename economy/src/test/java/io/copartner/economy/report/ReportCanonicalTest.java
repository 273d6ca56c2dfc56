package io.copartner.economy.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.copartner.kernel.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The spliced writer gives exactly RFC 8785 of the whole report as the library (erdtman JCS) canonicalises it from
 * one JSON text with the sets inline: random figures, sets shared between proofs, empty sets, keys that sort around
 * the proofs, and strings that need escaping.
 */
class ReportCanonicalTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void splicedSetsGiveTheLibrarysCanonicalJsonOfTheWholeReport() throws Exception {
        Random random = new Random(12);
        for (int round = 0; round < 40; round++) {
            List<long[]> sets = new ArrayList<>();
            for (int k = 0; k < 1 + random.nextInt(5); k++) {
                sets.add(random.longs(random.nextInt(k == 0 ? 1 : 3000), 0, 1L << 53).toArray());
            }
            Map<String, Object> skeleton = new LinkedHashMap<>();
            skeleton.put("periodId", "20261204T0" + round);
            skeleton.put("notes", List.of("CNY: 7 undistributed \"stays\" in the pool\n", "宝 ☃ \u001f"));
            skeleton.put("byAsset", Map.of("CNY", Map.of("revenue", Long.toString(random.nextLong()))));
            skeleton.put("auditIndex", random.nextInt(1 << 30));
            List<Map<String, Object>> proofs = new ArrayList<>();
            List<Map<String, Object>> inline = new ArrayList<>();
            for (int f = 0; f < 1 + random.nextInt(12); f++) {
                int k = random.nextInt(sets.size());
                String figure = "/byAsset/CNY/f" + f;
                proofs.add(new LinkedHashMap<>(Map.of("figure", figure, "set", k)));
                inline.add(Map.of("figure", figure, "auditIndexes", Arrays.stream(sets.get(k)).boxed().toList()));
            }
            skeleton.put("proofs", proofs);
            Map<String, Object> whole = new LinkedHashMap<>(skeleton);
            whole.put("proofs", inline);

            byte[] expected = CanonicalJson.canonicalBytes(JSON.writeValueAsString(whole));
            byte[] written = ReportCanonical.bytes(skeleton, "auditIndexes", sets::get);
            assertEquals(new String(expected, StandardCharsets.UTF_8), new String(written, StandardCharsets.UTF_8));
            assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(expected),
                ReportCanonical.sha256(skeleton, "auditIndexes", sets::get));
        }
    }
}
