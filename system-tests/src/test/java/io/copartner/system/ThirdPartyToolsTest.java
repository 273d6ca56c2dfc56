package io.copartner.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The test side's own RFC 8785 and did:key JWS check, before they judge the platform. */
class ThirdPartyToolsTest {

    @Test
    void canonicalJsonSortsMembersByUtf16AndEscapesAsJsonStringify() {
        assertEquals("{\"a\":\"é\\n\\u001f\",\"b\":[1,true,null],\"€\":\"x\",\"\uD83D\uDE00\":0}",
            Jcs.canonical(Jcs.parse("{ \"\uD83D\uDE00\":0, \"€\":\"x\", \"b\": [1, true, null], \"a\":\"\\u00e9\\n\\u001F\" }")));
        // RFC 8785 §3.2.3: "\r" (U+000D) sorts before "1", and U+20AC before U+1F600 (a surrogate pair, 0xD83D).
        assertEquals("{\"\\r\":1,\"1\":2}", Jcs.canonical(Jcs.parse("{\"1\":2,\"\\r\":1}")));
        assertEquals("[\"a\",\"b\\\"\"]", Jcs.stringArray(List.of("a", "b\"")));
        // Fractions in ECMAScript's plain range print as their shortest digits; exponent forms are refused.
        assertEquals("{\"x\":1.5,\"y\":12.5,\"z\":0.001}", Jcs.canonical(Jcs.parse("{\"x\":1.50,\"y\":1.25e1,\"z\":1E-3}")));
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonical(Jcs.parse("{\"x\":1.5e-7}")));
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonical(Jcs.parse("{\"x\":1.5e21}")));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Jcs.sha256Hex(""));
    }

    @ParameterizedTest
    @EnumSource(DidWallet.Type.class)
    void aWalletsJwsVerifiesAndAForgeryDoesNot(DidWallet.Type type) {
        DidWallet w = DidWallet.create(type);
        DidWallet other = DidWallet.create(type);
        String payload = "{\"voter\":\"" + w.did + "\"}";
        assertEquals(w.did, DidJws.verify(w.signTyped("copartner-ballot+jwt", payload, w.kid()), w.did,
            "copartner-ballot+jwt").payload().get("voter").asText());
        assertThrows(AssertionError.class, () -> DidJws.verify(other.signTyped("copartner-ballot+jwt", payload,
            w.kid()), w.did, "copartner-ballot+jwt"));
        assertThrows(AssertionError.class, () -> DidJws.verify(w.signTyped("copartner-ballot+jwt", payload,
            other.kid()), w.did, "copartner-ballot+jwt"));
        assertThrows(AssertionError.class, () -> DidJws.verify(w.signTyped("copartner-delegation+jwt", payload,
            w.kid()), w.did, "copartner-ballot+jwt"));
    }
}
