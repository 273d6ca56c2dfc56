package io.copartner.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.keycloak.did.DidJwtVerifier;
import io.copartner.kernel.encoding.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The wallet CLI derives the spec's DIDs and signs assertions the provider accepts. */
class DidSignInCliTest {

    @Test
    void derivesTheDidOfTheSpecsFirstEd25519Seed() throws Exception {
        var key = KeyFactory.getInstance("Ed25519")
            .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, new byte[32]));
        assertEquals("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", DidSignInCliAccess.didOf(key));
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"ED25519", "SECP256K1"})
    void itsAssertionsVerifyAndItsKeyFileIsReused(KeyType type, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("wallet.key");
        String did = DidSignInCliAccess.did(file, type);
        assertTrue(Files.exists(file));
        assertEquals(did, DidSignInCliAccess.did(file, type));
        String aud = "http://127.0.0.1:8180/realms/copartner/protocol/openid-connect/token";
        long now = Instant.now().getEpochSecond();
        String jwt = DidSignInCliAccess.sign(file, type, "{\"iss\":\"" + did + "\",\"sub\":\"" + did + "\",\"aud\":\""
            + aud + "\",\"nonce\":\"nonce-nonce-nonce\",\"iat\":" + now + ",\"exp\":" + (now + 60)
            + ",\"jti\":\"j1\"}");
        assertEquals(did, DidJwtVerifier.verify(jwt, aud, Instant.now()).did().did());
    }
}
