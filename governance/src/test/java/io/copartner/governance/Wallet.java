package io.copartner.governance;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import io.copartner.identity.credential.JwsKeys;
import io.copartner.kernel.crypto.Ed25519;
import io.copartner.kernel.encoding.DidKey;
import io.copartner.kernel.encoding.KeyType;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Map;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;

/** A test partner's did:key wallet (Ed25519 or secp256k1) that signs compact JWS as a real wallet would. */
public final class Wallet {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final DidKey did;
    private final JWSSigner signer;
    private final JWSAlgorithm alg;

    private Wallet(DidKey did, JWSSigner signer, JWSAlgorithm alg) {
        this.did = did;
        this.signer = signer;
        this.alg = alg;
    }

    public static Wallet ed25519() {
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        byte[] pub = Ed25519.raw(publicOf(seed));
        return new Wallet(DidKey.of(KeyType.ED25519, pub), JwsKeys.ed25519Signer(seed), JWSAlgorithm.EdDSA);
    }

    public static Wallet secp256k1() {
        X9ECParameters curve = CustomNamedCurves.getByName("secp256k1");
        BigInteger d = new BigInteger(256, RANDOM).mod(curve.getN().subtract(BigInteger.ONE)).add(BigInteger.ONE);
        byte[] pub = curve.getG().multiply(d).normalize().getEncoded(true);
        return new Wallet(DidKey.of(KeyType.SECP256K1, pub), JwsKeys.secp256k1Signer(d), JWSAlgorithm.ES256K);
    }

    private static java.security.PublicKey publicOf(byte[] seed) {
        // RFC 8032 public key derivation (the JDK has no API for it from a bare seed).
        byte[] pub = new byte[32];
        org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(seed, 0, pub, 0);
        return Ed25519.publicKey(pub);
    }

    public String did() {
        return did.did();
    }

    public String kid() {
        return did.keyId();
    }

    public String sign(String typ, Map<String, Object> payload) {
        return sign(typ, kid(), payload);
    }

    public String sign(String typ, String kid, Map<String, Object> payload) {
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(alg).type(new JOSEObjectType(typ)).keyID(kid).build(),
                new Payload(payload));
            jws.sign(signer);
            return jws.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
