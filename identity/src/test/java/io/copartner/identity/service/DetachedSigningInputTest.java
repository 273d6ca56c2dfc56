package io.copartner.identity.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The signing input built in one array is byte for byte what nimbus-jose-jwt signs (RFC 7515 section 5.1). */
class DetachedSigningInputTest {

    @Test
    void theSigningInputIsNimbusOwnForEveryLengthAroundTheEncodingBlocks() {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID("did:web:127.0.0.1#key-1").build();
        Random random = new Random(7);
        int[] lengths = {0, 1, 2, 3, 4, 5, 24_575, 24_576, 24_577, 49_153, 100_000 + random.nextInt(1000)};
        for (int length : lengths) {
            byte[] payload = new byte[length];
            random.nextBytes(payload);
            assertArrayEquals(new JWSObject(header, new Payload(payload)).getSigningInput(),
                PlatformKeysService.signingInput(header, payload), "payload of " + length + " bytes");
        }
    }
}
