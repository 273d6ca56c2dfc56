package io.copartner.identity.did;

import io.copartner.kernel.encoding.KeyType;
import io.copartner.kernel.encoding.Base58;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.identity.api.KeyFormat;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The test vectors of the did:key specification (w3c-ccg/did-method-key, test-vectors/ed25519-x25519.json and
 * secp256k1.json): each seed's public key encodes to the spec's DID, and each DID resolves to the spec's key.
 */
class DidKeyMethodTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // did, seed, publicKeyBase58 (verification key), publicKeyBase58 (X25519 key agreement), its multibase
        "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp, 0000000000000000000000000000000000000000000000000000000000000000, 4zvwRjXUKGfvwnParsHAS3HuSVzV5cA4McphgmoCtajS, 7By6kV2t2d188odEM4ExAve1UithKT6dLva4dwsDT3ak, z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW",
        "did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG, 0000000000000000000000000000000000000000000000000000000000000001, 6ASf5EcmmEHTgDJ4X4ZT5vT6iHVJBXPg5AN5YoTCpGWt, FcoNC5NqP9CePWbhfz95iHaEsCjGkZUioK9Ck7Qiw286, z6LSrHyXiPBhUbvPUtyUCdf32sniiMGPTAesgHrtEa4FePtr",
        "did:key:z6MknGc3ocHs3zdPiJbnaaqDi58NGb4pk1Sp9WxWufuXSdxf, 0000000000000000000000000000000000000000000000000000000000000002, 8pM1DN3RiT8vbom5u1sNryaNT1nyL8CTTW3b5PwWXRBH, A5fe37PAxhX5WNKngBpGHhC1KpNE7nwbK9oX2tqwxYxU, z6LSkkqoZRC34AEpbkhZCqLDcHQVAxuLpQ7kC8XCXMVUfvjE",
        "did:key:z6MkvqoYXQfDDJRv8L4wKzxYeuKyVZBfi9Qo6Ro8MiLH3kDQ, 0000000000000000000000000000000000000000000000000000000000000003, HPYVwAQmskwT1qEEeRzhoomyfyupJGASQQtCXSNG8XS2, 7ocvdvQinfqtyQ3Dh9aA7ggoVCQkmfaoueZazHETDv3B, z6LSiUo6AEDat8Ze4nQzDo67SGuHLLwsUGkxndHGUjsywHow",
        "did:key:z6MkwW6aqMnjgrhJXFUko3NnZPGzVpkNzhYK7yEhnsibmLwL, 0000000000000000000000000000000000000000000000000000000000000004, J3qYF7YJMKCqQke47UQwiHizgFUXapHxRxKmxbkar89x, FbQtKTG6FjWSeYZyowWYv2KBcCbwmHqH6HUuxdJ4xkwP, z6LSrGb3qm4xMCEBjvwkLb2WEcXfTM94Tu1RyGCbT5wbg8i9",
    })
    void ed25519VectorsFromTheSpec(String did, String seedHex, String publicKeyBase58, String x25519Base58,
                                   String x25519Multibase) {
        byte[] seed = HexFormat.of().parseHex(seedHex);
        byte[] pub = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
        assertArrayEquals(Base58.decode(publicKeyBase58), pub, "seed -> public key");
        assertEquals(did, DidKeyMethod.of(new PublicKey(KeyType.ED25519, pub)), "public key -> did:key");
        PublicKey resolved = DidKeyMethod.decode(did);
        assertEquals(KeyType.ED25519, resolved.type());
        assertArrayEquals(Base58.decode(publicKeyBase58), resolved.raw(), "did:key -> the spec's key");
        assertArrayEquals(Base58.decode(x25519Base58), resolved.toX25519().raw(), "derived X25519 key");
        assertEquals(x25519Multibase, resolved.toX25519().multibase());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme, 9085d2bef69286a6cbb51623c8fa258629945cd55ca705cc4e66700396894e0c, 23o6Sau8NxxzXcgSc3PLcNxrzrZpbLeBn1izfv3jbKhuv",
        "did:key:zQ3shtxV1FrJfhqE1dvxYRcCknWNjHc3c5X1y3ZSoPDi2aur2, f0f4df55a2b3ff13051ea814a8f24ad00f2e469af73c363ac7e9fb999a9072ed, 291KzQhqCPC18PqH83XKhxv1HdqrdnxyS7dh15t2uNRzJ",
        "did:key:zQ3shZc2QzApp2oymGvQbzP8eKheVshBHbU4ZYjeXqwSKEn6N, 6b0b91287ae3348f8c2f2552d766f30e3604867e34adc37ccbb74a8e6b893e02, oesQ92MLiAkt2pjBcJFbW7H4DvzKJv22cotjYbmC2JEe",
        "did:key:zQ3shadCps5JLAHcZiuX5YUtWHHL8ysBJqFLWvjZDKAWUBGzy, c0a6a7c560d37d7ba81ecee9543721ff48fea3e0fb827d42c1868226540fac15, pg3p1vprqePgUoqfAQ1TTgxhL6zLYhHyzooR1pqLxo9F",
        "did:key:zQ3shptjE6JwdkeKN4fcpnYQY3m9Cet3NiHdAfpvSUZBFoKBj, 175a232d440be1e0788f25488a73d9416c04b6f924bea6354bf05dd2f1a75133, 24waDFAUAS16UpZwQQTXVEAmm17rQRjadjuAeBDW8aqL1",
    })
    void secp256k1VectorsFromTheSpec(String did, String privateKeyHex, String publicKeyBase58) {
        byte[] pub = PublicKey.SECP256K1.getG().multiply(new BigInteger(privateKeyHex, 16)).getEncoded(true);
        assertArrayEquals(Base58.decode(publicKeyBase58), pub, "private key -> compressed public key");
        assertEquals(did, DidKeyMethod.of(new PublicKey(KeyType.SECP256K1, pub)));
        PublicKey resolved = DidKeyMethod.decode(did);
        assertEquals(KeyType.SECP256K1, resolved.type());
        assertArrayEquals(Base58.decode(publicKeyBase58), resolved.raw());
        assertEquals(resolved, PublicKey.fromJwk(resolved.jwk()), "JWK round trip through x and y");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentOfAnEd25519DidKeyFollowsTheSpec() {
        String did = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
        String vm = did + "#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
        String ka = did + "#z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW";
        Map<String, Object> doc = DidKeyMethod.document(did, KeyFormat.MULTIKEY);
        assertEquals(List.of("https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"), doc.get("@context"));
        assertEquals(did, doc.get("id"));
        List<Map<String, Object>> vms = (List<Map<String, Object>>) doc.get("verificationMethod");
        assertEquals(Map.of("id", vm, "type", "Multikey", "controller", did,
            "publicKeyMultibase", "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"), vms.get(0));
        assertEquals(ka, vms.get(1).get("id"));
        for (String rel : List.of("authentication", "assertionMethod", "capabilityInvocation", "capabilityDelegation")) {
            assertEquals(List.of(vm), doc.get(rel), rel);
        }
        assertEquals(List.of(ka), doc.get("keyAgreement"));

        Map<String, Object> jwkDoc = DidKeyMethod.document(did, KeyFormat.JSON_WEB_KEY_2020);
        Map<String, Object> jwkVm = ((List<Map<String, Object>>) jwkDoc.get("verificationMethod")).get(0);
        assertEquals("JsonWebKey2020", jwkVm.get("type"));
        assertEquals(Map.of("kty", "OKP", "crv", "Ed25519", "x", "O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik"),
            jwkVm.get("publicKeyJwk"));
        assertEquals(vm, jwkVm.get("id"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSecp256k1DidKeyHasNoKeyAgreementDerivation() {
        String did = "did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme";
        Map<String, Object> doc = DidKeyMethod.document(did, KeyFormat.JSON_WEB_KEY_2020);
        List<Map<String, Object>> vms = (List<Map<String, Object>>) doc.get("verificationMethod");
        assertEquals(1, vms.size());
        Map<String, Object> jwk = (Map<String, Object>) vms.get(0).get("publicKeyJwk");
        assertEquals("EC", jwk.get("kty"));
        assertEquals("secp256k1", jwk.get("crv"));
        assertEquals(null, doc.get("keyAgreement"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "did:key:",
        "did:key:abcd",                                                    // not base58btc multibase
        "did:key:6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",          // multibase prefix missing
        "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooW",          // truncated
        "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWpp",        // too long
        "did:key:z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW",         // X25519 is not an identifier key
        "did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169",        // P-256: unsupported
        "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp#frag",    // a DID URL, not a DID
        "did:key:z0OIl",                                                   // characters outside base58
        "did:web:example.com",
        "did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBmf",        // not a secp256k1 point (or wrong length)
    })
    void malformedDidKeysAreRefused(String did) {
        assertThrows(MalformedDidException.class, () -> DidKeyMethod.decode(did));
    }

    @Test
    void aChangedCharacterIsRefusedOrNamesAnotherKey() {
        byte[] spec = Base58.decode("4zvwRjXUKGfvwnParsHAS3HuSVzV5cA4McphgmoCtajS");
        String did = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWq";
        try {
            assertFalse(java.util.Arrays.equals(spec, DidKeyMethod.decode(did).raw()));
        } catch (MalformedDidException refused) {
            assertTrue(refused.getMessage().contains("curve point"), refused.getMessage());
        }
    }

    @Test
    void base58RoundTripsKeepLeadingZeros() {
        for (byte[] b : List.of(new byte[0], new byte[] {0}, new byte[] {0, 0, 1}, HexFormat.of().parseHex("00ff10"),
            HexFormat.of().parseHex("ed01" + "11".repeat(32)))) {
            assertArrayEquals(b, Base58.decode(Base58.encode(b)));
        }
        assertEquals("1112", Base58.encode(new byte[] {0, 0, 0, 1}));
    }

    @Test
    void freshKeysRoundTripThroughDidKey() {
        java.security.SecureRandom r = new java.security.SecureRandom();
        for (int i = 0; i < 50; i++) {
            byte[] seed = new byte[32];
            r.nextBytes(seed);
            byte[] ed = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
            PublicKey k = new PublicKey(KeyType.ED25519, ed);
            assertEquals(k, DidKeyMethod.decode(DidKeyMethod.of(k)));
            assertEquals(k, PublicKey.fromJwk(k.jwk()));
            byte[] sk = PublicKey.SECP256K1.getG().multiply(new BigInteger(1, seed).mod(
                PublicKey.SECP256K1.getN().subtract(BigInteger.ONE)).add(BigInteger.ONE)).getEncoded(true);
            PublicKey s = new PublicKey(KeyType.SECP256K1, sk);
            assertEquals(s, DidKeyMethod.decode(DidKeyMethod.of(s)));
            assertEquals(s, PublicKey.fromJwk(s.jwk()));
        }
    }
}
