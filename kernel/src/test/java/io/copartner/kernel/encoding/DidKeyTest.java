package io.copartner.kernel.encoding;

import io.copartner.kernel.crypto.Ed25519;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.HexFormat;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** did:key decoding against the test vectors of the did:key spec (w3c-ccg/did-method-key, test-vectors/). */
class DidKeyTest {

    /** test-vectors/ed25519-x25519.json: did, seed (hex), verification key publicKeyBase58. */
    @ParameterizedTest
    @CsvSource({
        "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp, 0000000000000000000000000000000000000000000000000000000000000000, 4zvwRjXUKGfvwnParsHAS3HuSVzV5cA4McphgmoCtajS",
        "did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG, 0000000000000000000000000000000000000000000000000000000000000001, 6ASf5EcmmEHTgDJ4X4ZT5vT6iHVJBXPg5AN5YoTCpGWt",
        "did:key:z6MknGc3ocHs3zdPiJbnaaqDi58NGb4pk1Sp9WxWufuXSdxf, 0000000000000000000000000000000000000000000000000000000000000002, 8pM1DN3RiT8vbom5u1sNryaNT1nyL8CTTW3b5PwWXRBH",
        "did:key:z6MkvqoYXQfDDJRv8L4wKzxYeuKyVZBfi9Qo6Ro8MiLH3kDQ, 0000000000000000000000000000000000000000000000000000000000000003, HPYVwAQmskwT1qEEeRzhoomyfyupJGASQQtCXSNG8XS2",
        "did:key:z6MkwW6aqMnjgrhJXFUko3NnZPGzVpkNzhYK7yEhnsibmLwL, 0000000000000000000000000000000000000000000000000000000000000004, J3qYF7YJMKCqQke47UQwiHizgFUXapHxRxKmxbkar89x",
    })
    void ed25519Vectors(String did, String seedHex, String publicKeyBase58) throws Exception {
        DidKey key = DidKey.parse(did);
        assertEquals(KeyType.ED25519, key.type());
        assertArrayEquals(Base58.decode(publicKeyBase58), key.publicKey());
        assertEquals(did + "#" + did.substring("did:key:".length()), key.keyId());
        assertEquals(did, DidKey.of(KeyType.ED25519, key.publicKey()).did());

        // The seed's key signs what the decoded public key verifies: decoding picked the right bytes.
        PrivateKey priv = KeyFactory.getInstance("Ed25519")
            .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, HexFormat.of().parseHex(seedHex)));
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(priv);
        byte[] msg = "did:key test".getBytes(StandardCharsets.UTF_8);
        s.update(msg);
        byte[] sig = s.sign();
        Signature v = Signature.getInstance("Ed25519");
        v.initVerify(Ed25519.publicKey(key.publicKey()));
        v.update(msg);
        assertTrue(v.verify(sig));
    }

    /** test-vectors/secp256k1.json: did, seed = the private scalar (hex), publicKeyBase58 (compressed point). */
    @ParameterizedTest
    @CsvSource({
        "did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme, 9085d2bef69286a6cbb51623c8fa258629945cd55ca705cc4e66700396894e0c, 23o6Sau8NxxzXcgSc3PLcNxrzrZpbLeBn1izfv3jbKhuv",
        "did:key:zQ3shtxV1FrJfhqE1dvxYRcCknWNjHc3c5X1y3ZSoPDi2aur2, f0f4df55a2b3ff13051ea814a8f24ad00f2e469af73c363ac7e9fb999a9072ed, 291KzQhqCPC18PqH83XKhxv1HdqrdnxyS7dh15t2uNRzJ",
        "did:key:zQ3shZc2QzApp2oymGvQbzP8eKheVshBHbU4ZYjeXqwSKEn6N, 6b0b91287ae3348f8c2f2552d766f30e3604867e34adc37ccbb74a8e6b893e02, oesQ92MLiAkt2pjBcJFbW7H4DvzKJv22cotjYbmC2JEe",
        "did:key:zQ3shadCps5JLAHcZiuX5YUtWHHL8ysBJqFLWvjZDKAWUBGzy, c0a6a7c560d37d7ba81ecee9543721ff48fea3e0fb827d42c1868226540fac15, pg3p1vprqePgUoqfAQ1TTgxhL6zLYhHyzooR1pqLxo9F",
        "did:key:zQ3shptjE6JwdkeKN4fcpnYQY3m9Cet3NiHdAfpvSUZBFoKBj, 175a232d440be1e0788f25488a73d9416c04b6f924bea6354bf05dd2f1a75133, 24waDFAUAS16UpZwQQTXVEAmm17rQRjadjuAeBDW8aqL1",
    })
    void secp256k1Vectors(String did, String seedHex, String publicKeyBase58) throws Exception {
        DidKey key = DidKey.parse(did);
        assertEquals(KeyType.SECP256K1, key.type());
        assertArrayEquals(Base58.decode(publicKeyBase58), key.publicKey());
        assertEquals(33, key.publicKey().length);
        assertEquals(did, DidKey.of(KeyType.SECP256K1, key.publicKey()).did());

        byte[] derived = ECNamedCurveTable.getParameterSpec("secp256k1").getG()
            .multiply(new BigInteger(1, HexFormat.of().parseHex(seedHex))).getEncoded(true);
        assertArrayEquals(derived, key.publicKey());
    }

    @Test
    void base58RoundTripKeepsLeadingZeros() {
        byte[] data = {0, 0, 1, 2, (byte) 0xff};
        assertEquals("11", Base58.encode(new byte[2]));
        assertArrayEquals(data, Base58.decode(Base58.encode(data)));
        assertArrayEquals(new byte[0], Base58.decode(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "notadid",
        "did:",
        "did:key",
        "did:key:",
        "did:KEY:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
        "did:key:abcd",                                                   // not base58btc multibase
        "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooW0",       // '0' is not base58
        "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDoo",         // truncated key
        "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp#frag",  // a DID URL, not a DID
        "did:key:z1116MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",    // leading zero bytes: not canonical
        "did:key:z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW",       // X25519: not a signing key
        "did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169",      // P-256: not supported here
        "did:web:example.com",
        "did:example:123456",
    })
    void refusesWhatItCannotUse(String did) {
        assertThrows(IllegalArgumentException.class, () -> DidKey.parse(did));
    }

    @Test
    void refusesToNameAnX25519KeyAsADid() {
        assertThrows(IllegalArgumentException.class, () -> DidKey.of(KeyType.X25519, new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> DidKey.of(KeyType.ED25519, new byte[31]));
    }

    @Test
    void keyTypesKnowTheirCodesCurvesAndAlgorithms() {
        assertEquals(KeyType.ED25519, KeyType.ofMulticodec(0xed));
        assertEquals(KeyType.SECP256K1, KeyType.ofJwkCurve("secp256k1"));
        assertEquals(java.util.Set.of("ES256K"), KeyType.SECP256K1.jwsAlgorithms());
        assertEquals(false, KeyType.X25519.signs());
        assertThrows(IllegalArgumentException.class, () -> KeyType.ofMulticodec(0x1200));
    }

    @Test
    void namesTheUnsupportedMethod() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DidKey.parse("did:web:example.com"));
        assertEquals("unsupported DID method: web", e.getMessage());
    }
}
