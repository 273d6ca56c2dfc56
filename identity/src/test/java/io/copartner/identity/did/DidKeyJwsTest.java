package io.copartner.identity.did;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import io.copartner.identity.api.DidSignatures;
import io.copartner.identity.credential.Ed25519Keys;
import io.copartner.identity.credential.JwsKeys;
import io.copartner.kernel.encoding.DidKey;
import io.copartner.kernel.encoding.KeyType;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Map;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.Test;

/** The signature edges of {@link DidKeyJws} (what governance ballots and delegations go through), both key types. */
class DidKeyJwsTest {

    private static final BigInteger ED25519_L =
        BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

    @Test
    void aGoodEd25519AndSecp256k1JwsVerify() {
        for (Key k : new Key[] {ed25519(1), secp256k1(2)}) {
            DidSignatures.Verified v = DidKeyJws.verify(k.sign(k.did.keyId()));
            assertEquals(k.did.did(), v.signerDid());
            assertEquals("for", v.payload().get("choice"));
        }
    }

    @Test
    void aBadSignatureIsASignatureFailure() {
        for (Key k : new Key[] {ed25519(3), secp256k1(4)}) {
            String[] parts = k.sign(k.did.keyId()).split("\\.");
            byte[] sig = Base64.getUrlDecoder().decode(parts[2]);
            sig[10] ^= 1;
            assertSignatureFailure(parts[0] + "." + parts[1] + "." + b64(sig));
            // the same signature over another payload
            String other = k.sign(k.did.keyId()).split("\\.")[2];
            assertSignatureFailure(parts[0] + "." + b64("{\"choice\":\"against\"}".getBytes()) + "." + other);
        }
    }

    @Test
    void aSignatureByAnotherKeyThanTheKidsIsASignatureFailure() {
        Key signer = ed25519(5);
        Key named = ed25519(6);
        assertSignatureFailure(signer.sign(named.did.keyId()));
        Key k1 = secp256k1(7);
        Key k1Named = secp256k1(8);
        assertSignatureFailure(k1.sign(k1Named.did.keyId()));
    }

    @Test
    void anEd25519SignatureWithANonCanonicalSIsASignatureFailure() {
        Key k = ed25519(9);
        String[] parts = k.sign(k.did.keyId()).split("\\.");
        byte[] sig = Base64.getUrlDecoder().decode(parts[2]);
        byte[] s = new byte[32];
        for (int i = 0; i < 32; i++) {
            s[i] = sig[63 - i];
        }
        byte[] sPlusL = new BigInteger(1, s).add(ED25519_L).toByteArray(); // big-endian, < 2^254
        byte[] tampered = sig.clone();
        java.util.Arrays.fill(tampered, 32, 64, (byte) 0);
        for (int i = 0; i < sPlusL.length && i < 32; i++) {
            tampered[32 + i] = sPlusL[sPlusL.length - 1 - i];
        }
        assertSignatureFailure(parts[0] + "." + parts[1] + "." + b64(tampered));
    }

    @Test
    void anAlgThatDoesNotFitTheKeyIsASignatureFailure() {
        Key ed = ed25519(10);
        Key k1 = secp256k1(11);
        // an ES256K header with the Ed25519 key's kid
        assertSignatureFailure(k1.sign(ed.did.keyId()));
    }

    private static void assertSignatureFailure(String jws) {
        DidSignatures.InvalidJws e = assertThrows(DidSignatures.InvalidJws.class, () -> DidKeyJws.verify(jws));
        assertEquals(DidSignatures.Failure.SIGNATURE, e.failure(), e.getMessage());
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private record Key(DidKey did, JWSSigner signer, JWSAlgorithm alg) {
        String sign(String kid) {
            try {
                JWSObject jws = new JWSObject(new JWSHeader.Builder(alg).type(new JOSEObjectType("copartner-ballot+jwt"))
                    .keyID(kid).build(), new Payload(Map.of("choice", "for", "nonce", "0123456789abcdef")));
                jws.sign(signer);
                return jws.serialize();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Key ed25519(int n) {
        byte[] seed = new byte[32];
        seed[0] = (byte) n;
        return new Key(DidKey.of(KeyType.ED25519, Ed25519Keys.publicKey(seed)), JwsKeys.ed25519Signer(seed),
            JWSAlgorithm.EdDSA);
    }

    private static Key secp256k1(int n) {
        X9ECParameters curve = CustomNamedCurves.getByName("secp256k1");
        BigInteger d = BigInteger.valueOf(1_000_003L * n);
        return new Key(DidKey.of(KeyType.SECP256K1, curve.getG().multiply(d).normalize().getEncoded(true)),
            JwsKeys.secp256k1Signer(d), JWSAlgorithm.ES256K);
    }
}
