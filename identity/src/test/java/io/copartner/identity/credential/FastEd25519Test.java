package io.copartner.identity.credential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.kernel.crypto.Ed25519;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link FastEd25519} must decide exactly as the kernel's JDK check: honest, tampered and wrong-key signatures,
 * non-canonical S, speccheck's edge cases (Chalkias et al., "Taming the many EdDSAs", novifinancial/ed25519-speccheck),
 * and signatures crafted here with an R of small or mixed order, which BouncyCastle's cofactored check alone accepts.
 */
class FastEd25519Test {

    private static final HexFormat HEX = HexFormat.of();
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
    private static final BigInteger D = BigInteger.valueOf(-121665).mod(P).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final BigInteger SQRT_M1 = BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);

    /** speccheck's cases.json: message, public key, signature (hex). */
    private static final String[][] SPECCHECK = {
        {"2a66241a42a9ee12994d8068dcf1bb7dfc6637b45450acd43711f637fa5080fc", "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa", "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a0000000000000000000000000000000000000000000000000000000000000000"},
        {"8c93255d71dcab10e8f379c26200f3c7bd5f09d9bc3068d3ef4edeb4853022b6", "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa", "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a0000000000000000000000000000000000000000000000000000000000000000"},
        {"9bedc267423725d473888631ebf45988bad3db83851ee85c85e241a07d148b41", "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa", "f7badec5b8abeaf699583992219b7b223f1df3fbbea919844e3f7c554a43dd43a5bb704786be79fc476f91d3f3f89b03984d8068dcf1bb7dfc6637b45450ac04"},
        {"9bd9f44f4dcc75bd531b56b2cd280b0bb38fc1cd6d1230e14861d861de092e79", "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa", "f7badec5b8abeaf699583992219b7b223f1df3fbbea919844e3f7c554a43dd43a5bb704786be79fc476f91d3f3f89b03984d8068dcf1bb7dfc6637b45450ac04"},
        {"9bedc267423725d473888631ebf45988bad3db83851ee85c85e241a07d148b41", "f7badec5b8abeaf699583992219b7b223f1df3fbbea919844e3f7c554a43dd43", "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa182ef1a5b928da07fec769cc8a12db6bcf70dab3f3227fa315e9d5e3e01a3405"},
        {"aebf3f2601a0c8c5d39cc7d8911642f740b78168218da8471772b35f9d35b9ab", "f7badec5b8abeaf699583992219b7b223f1df3fbbea919844e3f7c554a43dd43", "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa8c4bd45aecaca5b24fb97bc10ac27ac8751a7dfe1baff8b953ec9f5833ca260e"},
        {"9bd9f44f4dcc75bd531b56b2cd280b0bb38fc1cd6d1230e14861d861de092e79", "cdb267ce40c5cd45306fa5d2f29731459387dbf9eb933b7bd5aed9a765b88d4d", "9046a64750444938de19f227bb80485e92b83fdb4b6506c160484c016cc1852f87909e14428a7a1d62e9f22f3d3ad7802db02eb2e688b6c52fcd6648a98bd009"},
        {"e47d62c63f830dc7a6851a0b1f33ae4bb2f507fb6cffec4011eaccd55b53f56c", "cdb267ce40c5cd45306fa5d2f29731459387dbf9eb933b7bd5aed9a765b88d4d", "160a1cb0dc9c0258cd0a7d23e94d8fa878bcb1925f2c64246b2dee1796bed5125ec6bc982a269b723e0668e540911a9a6a58921d6925e434ab10aa7940551a09"},
        {"e47d62c63f830dc7a6851a0b1f33ae4bb2f507fb6cffec4011eaccd55b53f56c", "cdb267ce40c5cd45306fa5d2f29731459387dbf9eb933b7bd5aed9a765b88d4d", "21122a84e0b5fca4052f5b1235c80a537878b38f3142356b2c2384ebad4668b7e40bc836dac0f71076f9abe3a53f9c03c1ceeeddb658d0030494ace586687405"},
        {"85e241a07d148b41e47d62c63f830dc7a6851a0b1f33ae4bb2f507fb6cffec40", "442aad9f089ad9e14647b1ef9099a1ff4798d78589e66f28eca69c11f582a623", "e96f66be976d82e60150baecff9906684aebb1ef181f67a7189ac78ea23b6c0e547f7690a0e2ddcd04d87dbc3490dc19b3b3052f7ff0538cb68afb369ba3a514"},
        {"85e241a07d148b41e47d62c63f830dc7a6851a0b1f33ae4bb2f507fb6cffec40", "442aad9f089ad9e14647b1ef9099a1ff4798d78589e66f28eca69c11f582a623", "8ce5b96c8f26d0ab6c47958c9e68b937104cd36e13c33566acd2fe8d38aa19427e71f98a473474f2f13f06f97c20d58cc3f54b8bd0d272f42b695dd7e89a8c22"},
        {"9bedc267423725d473888631ebf45988bad3db83851ee85c85e241a07d148b41", "f7badec5b8abeaf699583992219b7b223f1df3fbbea919844e3f7c554a43dd43", "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff03be9678ac102edcd92b0210bb34d7428d12ffc5df5f37e359941266a4e35f0f"},
        {"9bedc267423725d473888631ebf45988bad3db83851ee85c85e241a07d148b41", "f7badec5b8abeaf699583992219b7b223f1df3fbbea919844e3f7c554a43dd43", "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffca8c5b64cd208982aa38d4936621a4775aa233aa0505711d8fdcfdaa943d4908"},
        {"e96b7021eb39c1a163b6da4e3093dcd3f21387da4cc4572be588fafae23c155b", "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "a9d55260f765261eb9b84e106f665e00b867287a761990d7135963ee0a7d59dca5bb704786be79fc476f91d3f3f89b03984d8068dcf1bb7dfc6637b45450ac04"},
        {"39a591f5321bbe07fd5a23dc2f39d025d74526615746727ceefd6e82ae65c06f", "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "a9d55260f765261eb9b84e106f665e00b867287a761990d7135963ee0a7d59dca5bb704786be79fc476f91d3f3f89b03984d8068dcf1bb7dfc6637b45450ac04"},
    };
    /** A point of order 8 (speccheck's small-order R). */
    private static final String ORDER_8 = "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a";

    @Test
    void honestSignaturesVerifyAndTamperedOnesDoNot() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20; i++) {
            Signer s = new Signer(random);
            byte[] m = new byte[1 + random.nextInt(400)];
            random.nextBytes(m);
            byte[] sig = s.sign(m);
            assertAgrees(s.pub, m, sig, true);
            byte[] badR = sig.clone();
            badR[random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
            assertAgrees(s.pub, m, badR, false);
            byte[] badS = sig.clone();
            badS[32 + random.nextInt(31)] ^= (byte) (1 << random.nextInt(8));
            assertAgrees(s.pub, m, badS, false);
            byte[] otherMessage = m.clone();
            otherMessage[random.nextInt(m.length)] ^= 1;
            assertAgrees(s.pub, otherMessage, sig, false);
        }
    }

    @Test
    void aWrongKeyIsRefused() {
        SplittableRandom random = new SplittableRandom(8);
        Signer s = new Signer(random);
        Signer other = new Signer(random);
        byte[] m = "a ballot".getBytes(StandardCharsets.US_ASCII);
        assertAgrees(other.pub, m, s.sign(m), false);
    }

    @Test
    void nonCanonicalSIsRefused() {
        Signer s = new Signer(new SplittableRandom(9));
        byte[] m = "a ballot".getBytes(StandardCharsets.US_ASCII);
        byte[] sig = s.sign(m);
        BigInteger sValue = le(Arrays.copyOfRange(sig, 32, 64));
        byte[] plusL = sig.clone();
        System.arraycopy(le(sValue.add(L), 32), 0, plusL, 32, 32); // same S mod L: malleable unless refused
        assertAgrees(s.pub, m, plusL, false);
        byte[] highBit = sig.clone();
        highBit[63] |= (byte) 0x80;
        assertAgrees(s.pub, m, highBit, false);
    }

    @Test
    void malformedInputIsRefusedWithoutThrowing() {
        Signer s = new Signer(new SplittableRandom(10));
        byte[] m = {1, 2, 3};
        byte[] sig = s.sign(m);
        assertFalse(FastEd25519.verify(s.pub, m, Arrays.copyOf(sig, 63)));
        assertFalse(FastEd25519.verify(Arrays.copyOf(s.pub, 31), m, sig));
        assertFalse(FastEd25519.verify(null, m, sig));
        assertFalse(FastEd25519.verify(s.pub, null, sig));
        assertFalse(FastEd25519.verify(s.pub, m, null));
    }

    @Test
    void speccheckEdgeCasesGetTheJdksVerdicts() {
        for (String[] c : SPECCHECK) {
            byte[] m = HEX.parseHex(c[0]);
            byte[] pub = HEX.parseHex(c[1]);
            byte[] sig = HEX.parseHex(c[2]);
            assertEquals(jdk(pub, m, sig), FastEd25519.verify(pub, m, sig), "speccheck case " + String.join(" ", c));
        }
    }

    @Test
    void anRWithASmallOrderComponentIsRefusedAsTheJdkDoes() {
        Signer s = new Signer(new SplittableRandom(11));
        byte[] m = "a crafted ballot".getBytes(StandardCharsets.US_ASCII);
        BigInteger r = new BigInteger(250, new java.util.Random(3)).mod(L);
        Point mixedR = Point.BASE.times(r).plus(Point.decode(HEX.parseHex(ORDER_8)));
        byte[] sig = s.signWithR(mixedR.encode(), r, m);
        // The point of the R check: BouncyCastle alone (cofactored) accepts this one; the JDK and OpenSSL do not.
        assertTrue(org.bouncycastle.math.ec.rfc8032.Ed25519.verify(sig, 0, s.pub, 0, m, 0, m.length));
        assertAgrees(s.pub, m, sig, false);
        byte[] smallR = s.signWithR(HEX.parseHex(ORDER_8), BigInteger.ZERO, m);
        assertAgrees(s.pub, m, smallR, false);
    }

    @Test
    void theIdentityAsRGetsTheJdksVerdictInEachEncoding() {
        Signer s = new Signer(new SplittableRandom(12));
        byte[] m = "r = 0".getBytes(StandardCharsets.US_ASCII);
        byte[] canonical = new byte[32];
        canonical[0] = 1;
        byte[] negativeZero = canonical.clone();
        negativeZero[31] = (byte) 0x80;
        byte[] yPlusP = le(P.add(BigInteger.ONE), 32); // non-canonical: y = p + 1
        for (byte[] identity : new byte[][] {canonical, negativeZero, yPlusP}) {
            byte[] sig = s.signWithR(identity, BigInteger.ZERO, m);
            assertEquals(jdk(s.pub, m, sig), FastEd25519.verify(s.pub, m, sig), "R = " + HEX.formatHex(identity));
        }
        assertTrue(jdk(s.pub, m, s.signWithR(canonical, BigInteger.ZERO, m)), "the canonical identity R is valid");
    }

    @Test
    void aMixedOrderKeyIsLeftToTheJdk() {
        Signer s = new Signer(new SplittableRandom(13));
        Point mixedA = Point.decode(s.pub).plus(Point.decode(HEX.parseHex(ORDER_8)));
        byte[] m = "mixed key".getBytes(StandardCharsets.US_ASCII);
        BigInteger r = BigInteger.valueOf(123_456_789);
        byte[] a = mixedA.encode();
        byte[] sig = Signer.signWith(a, s.scalar, Point.BASE.times(r).encode(), r, m);
        assertFalse(FastEd25519.primeOrder(a));
        assertEquals(jdk(a, m, sig), FastEd25519.verify(a, m, sig));
    }

    private static void assertAgrees(byte[] pub, byte[] m, byte[] sig, boolean expected) {
        assertEquals(expected, jdk(pub, m, sig), "the JDK's verdict");
        assertEquals(expected, FastEd25519.verify(pub, m, sig), "FastEd25519's verdict");
    }

    private static boolean jdk(byte[] pub, byte[] m, byte[] sig) {
        try {
            return Ed25519.verify(Ed25519.publicKey(pub), m, sig);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** An Ed25519 key pair whose secret scalar is known, so signatures with a chosen R can be made. */
    private static final class Signer {
        final byte[] seed = new byte[32];
        final byte[] pub;
        final BigInteger scalar;
        final byte[] prefix;

        Signer(SplittableRandom random) {
            random.nextBytes(seed);
            byte[] h = sha512(seed);
            byte[] a = Arrays.copyOf(h, 32);
            a[0] &= (byte) 0xf8;
            a[31] &= 0x7f;
            a[31] |= 0x40;
            scalar = le(a);
            prefix = Arrays.copyOfRange(h, 32, 64);
            pub = Point.BASE.times(scalar).encode();
            assertArrayEquals(Ed25519Keys.publicKey(seed), pub, "the test's curve arithmetic matches RFC 8032");
        }

        byte[] sign(byte[] m) {
            byte[] sig = Ed25519.sign(Ed25519Keys.privateKey(seed), m);
            BigInteger r = le(sha512(prefix, m)).mod(L);
            assertArrayEquals(Point.BASE.times(r).encode(), Arrays.copyOf(sig, 32));
            return sig;
        }

        byte[] signWithR(byte[] rEncoded, BigInteger r, byte[] m) {
            return signWith(pub, scalar, rEncoded, r, m);
        }

        /** S = r + H(R ‖ A ‖ M) · a mod L, R as given (however encoded). */
        static byte[] signWith(byte[] pub, BigInteger a, byte[] rEncoded, BigInteger r, byte[] m) {
            BigInteger k = le(sha512(rEncoded, pub, m)).mod(L);
            byte[] sig = new byte[64];
            System.arraycopy(rEncoded, 0, sig, 0, 32);
            System.arraycopy(le(r.add(k.multiply(a)).mod(L), 32), 0, sig, 32, 32);
            return sig;
        }
    }

    /** Affine twisted Edwards arithmetic (−x² + y² = 1 + d x² y²), slow and plain, for crafting inputs only. */
    private record Point(BigInteger x, BigInteger y) {
        static final Point IDENTITY = new Point(BigInteger.ZERO, BigInteger.ONE);
        static final Point BASE = decode(HEX.parseHex("5866666666666666666666666666666666666666666666666666666666666666"));

        Point plus(Point q) {
            BigInteger t = D.multiply(x).multiply(q.x).multiply(y).multiply(q.y).mod(P);
            BigInteger x3 = x.multiply(q.y).add(y.multiply(q.x)).multiply(BigInteger.ONE.add(t).modInverse(P)).mod(P);
            BigInteger y3 = y.multiply(q.y).add(x.multiply(q.x)).multiply(BigInteger.ONE.subtract(t).mod(P).modInverse(P))
                .mod(P);
            return new Point(x3, y3);
        }

        Point times(BigInteger n) {
            Point acc = IDENTITY;
            for (int i = n.bitLength() - 1; i >= 0; i--) {
                acc = acc.plus(acc);
                if (n.testBit(i)) {
                    acc = acc.plus(this);
                }
            }
            return acc;
        }

        byte[] encode() {
            byte[] out = le(y, 32);
            if (x.testBit(0)) {
                out[31] |= (byte) 0x80;
            }
            return out;
        }

        static Point decode(byte[] b) {
            byte[] c = b.clone();
            boolean sign = (c[31] & 0x80) != 0;
            c[31] &= 0x7f;
            BigInteger y = le(c);
            BigInteger u = y.pow(2).subtract(BigInteger.ONE).mod(P);
            BigInteger v = D.multiply(y.pow(2)).add(BigInteger.ONE).mod(P);
            BigInteger x = u.multiply(v.modInverse(P)).modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
            if (!x.pow(2).subtract(u.multiply(v.modInverse(P))).mod(P).equals(BigInteger.ZERO)) {
                x = x.multiply(SQRT_M1).mod(P);
            }
            if (x.testBit(0) != sign) {
                x = P.subtract(x).mod(P);
            }
            return new Point(x, y);
        }
    }

    private static BigInteger le(byte[] b) {
        byte[] be = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            be[i] = b[b.length - 1 - i];
        }
        return new BigInteger(1, be);
    }

    private static byte[] le(BigInteger n, int length) {
        byte[] be = n.toByteArray();
        byte[] out = new byte[length];
        for (int i = 0; i < length && i < be.length; i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }

    private static byte[] sha512(byte[]... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-512");
            for (byte[] p : parts) {
                d.update(p);
            }
            return d.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
