package io.copartner.identity.did;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DidWebTest {

    @Test
    void examplesOfTheDidWebSpecMapToTheirUrls() {
        assertEquals(URI.create("https://w3c-ccg.github.io/.well-known/did.json"),
            DidWeb.parse("did:web:w3c-ccg.github.io").documentUrl("https"));
        assertEquals(URI.create("https://w3c-ccg.github.io/user/alice/did.json"),
            DidWeb.parse("did:web:w3c-ccg.github.io:user:alice").documentUrl("https"));
        assertEquals(URI.create("https://example.com:3000/user/alice/did.json"),
            DidWeb.parse("did:web:example.com%3A3000:user:alice").documentUrl("https"));
    }

    @Test
    void thePlatformAndItsMerchants() {
        DidWeb platform = DidWeb.ofBaseUrl("http://127.0.0.1:9080");
        assertEquals("did:web:127.0.0.1%3A9080", platform.did());
        DidWeb merchant = platform.child("merchants", "m-42");
        assertEquals("did:web:127.0.0.1%3A9080:merchants:m-42", merchant.did());
        assertEquals(merchant, DidWeb.parse(merchant.did()));
        assertTrue(merchant.sameHost(platform));
        assertEquals(URI.create("http://127.0.0.1:9080/merchants/m-42/did.json"), merchant.documentUrl("http"));
        assertEquals("did:web:copartner.io", DidWeb.ofBaseUrl("https://copartner.io").did());
        assertEquals(platform, DidWeb.parse("did:web:127.0.0.1%3a9080"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"did:web:", "did:web:Example.com", "did:web:exa_mple.com", "did:web:example.com/path",
        "did:web:example.com#key", "did:web:example.com?x=1", "did:web:example.com%3Aabc", "did:web:example.com%3A99999",
        "did:web:example.com::a", "did:web:example.com:..", "did:web:-bad.com", "did:key:z6Mk", "web:example.com",
        "did:web:example.com:a%2Fb"})
    void malformedDidWebsAreRefused(String did) {
        assertThrows(MalformedDidException.class, () -> DidWeb.parse(did));
    }

    @Test
    void pathSegmentsAreKept() {
        assertEquals(List.of("a", "b"), DidWeb.parse("did:web:example.com:a:b").path());
    }
}
