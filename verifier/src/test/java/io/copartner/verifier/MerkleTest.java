package io.copartner.verifier;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RFC 9162 verification against the certificate-transparency / transparency-dev known-answer vectors
 * (testonly/constants.go, proof/verify_test.go), plus an exhaustive cross-check with a naive tree.
 */
class MerkleTest {
    static final HexFormat HEX = HexFormat.of();
    static final List<byte[]> LEAVES = List.of(
            h(""), h("00"), h("10"), h("2021"), h("3031"), h("40414243"), h("5051525354555657"),
            h("606162636465666768696a6b6c6d6e6f"));
    /** Roots of the trees of size 1..8. */
    static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    /** {leafIndex (0-based), treeSize} -> audit path. */
    static final Map<List<Integer>, List<String>> INCLUSION = Map.of(
            List.of(0, 8), List.of(
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
            List.of(5, 8), List.of(
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
            List.of(2, 3), List.of(
                    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
            List.of(1, 5), List.of(
                    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
            List.of(0, 1), List.of());

    /** {from, to} -> consistency proof. */
    static final Map<List<Integer>, List<String>> CONSISTENCY = Map.of(
            List.of(1, 1), List.of(),
            List.of(1, 8), List.of(
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
            List.of(6, 8), List.of(
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
            List.of(2, 5), List.of(
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"));

    static byte[] h(String hex) {
        return HEX.parseHex(hex);
    }

    static List<byte[]> hs(List<String> hex) {
        return hex.stream().map(MerkleTest::h).toList();
    }

    static byte[] root(int size) {
        return h(ROOTS.get(size - 1));
    }

    @Test
    void hashingMatchesRfc6962Vectors() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", HEX.formatHex(Merkle.emptyRoot()));
        assertEquals("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", HEX.formatHex(Merkle.leafHash(new byte[0])));
        assertEquals("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56", HEX.formatHex(Merkle.leafHash("L123456")));
        assertEquals("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb",
                HEX.formatHex(Merkle.nodeHash("N123".getBytes(), "N456".getBytes())));
    }

    @Test
    void naiveTestTreeReproducesTheCtRoots() {
        NaiveTree t = new NaiveTree(LEAVES);
        for (int n = 1; n <= 8; n++) {
            assertEquals(ROOTS.get(n - 1), HEX.formatHex(t.root(n)), "root of size " + n);
        }
        INCLUSION.forEach((k, v) -> assertEquals(v, t.inclusion(k.get(0), k.get(1)).stream().map(HEX::formatHex).toList(), "path " + k));
        CONSISTENCY.forEach((k, v) -> assertEquals(v, t.consistency(k.get(0), k.get(1)).stream().map(HEX::formatHex).toList(), "proof " + k));
    }

    @Test
    void ctInclusionVectorsVerify() {
        INCLUSION.forEach((k, path) -> {
            int i = k.get(0);
            int n = k.get(1);
            assertTrue(Merkle.verifyInclusion(i, n, Merkle.leafHash(LEAVES.get(i)), hs(path), root(n)), "inclusion " + k);
        });
    }

    @Test
    void corruptedInclusionProofsFail() {
        int i = 5;
        int n = 8;
        byte[] leaf = Merkle.leafHash(LEAVES.get(i));
        List<byte[]> path = hs(INCLUSION.get(List.of(i, n)));
        byte[] root = root(n);
        assertTrue(Merkle.verifyInclusion(i, n, leaf, path, root));
        assertFalse(Merkle.verifyInclusion(i - 1, n, leaf, path, root), "wrong index");
        assertFalse(Merkle.verifyInclusion(i + 1, n, leaf, path, root), "wrong index");
        assertFalse(Merkle.verifyInclusion(i ^ 2, n, leaf, path, root), "wrong index");
        assertFalse(Merkle.verifyInclusion(i, n * 2, leaf, path, root), "wrong size");
        assertFalse(Merkle.verifyInclusion(i, n / 2, leaf, path, root), "wrong size");
        assertFalse(Merkle.verifyInclusion(i, n, Merkle.leafHash(LEAVES.get(4)), path, root), "wrong leaf");
        assertFalse(Merkle.verifyInclusion(i, n, leaf, path, Merkle.emptyRoot()), "wrong root");
        assertFalse(Merkle.verifyInclusion(i, n, leaf, path, root(7)), "other root");
        assertFalse(Merkle.verifyInclusion(i, n, leaf, append(path, root), root), "trailing hash");
        assertFalse(Merkle.verifyInclusion(i, n, leaf, prepend(root, path), root), "preceding hash");
        assertFalse(Merkle.verifyInclusion(i, n, leaf, path.subList(0, 2), root), "removed hash");
        assertFalse(Merkle.verifyInclusion(i, n, leaf, append(path, new byte[0]), root), "not a hash");
        for (int j = 0; j < path.size(); j++) {
            List<byte[]> bad = new ArrayList<>(path);
            byte[] flipped = bad.get(j).clone();
            flipped[0] ^= 8;
            bad.set(j, flipped);
            assertFalse(Merkle.verifyInclusion(i, n, leaf, bad, root), "flipped bit in proof[" + j + "]");
        }
        assertFalse(Merkle.verifyInclusion(0, 0, leaf, List.of(), Merkle.emptyRoot()), "empty tree has no leaves");
        assertFalse(Merkle.verifyInclusion(2, 1, leaf, List.of(), leaf), "index beyond size");
    }

    @Test
    void ctConsistencyVectorsVerify() {
        CONSISTENCY.forEach((k, proof) -> {
            int m = k.get(0);
            int n = k.get(1);
            assertTrue(Merkle.verifyConsistency(m, n, root(m), root(n), hs(proof)), "consistency " + k);
        });
    }

    @Test
    void corruptedConsistencyProofsFail() {
        List<byte[]> proof = hs(CONSISTENCY.get(List.of(6, 8)));
        assertTrue(Merkle.verifyConsistency(6, 8, root(6), root(8), proof));
        assertFalse(Merkle.verifyConsistency(6, 8, root(5), root(8), proof), "wrong old root");
        assertFalse(Merkle.verifyConsistency(6, 8, root(6), root(7), proof), "wrong new root");
        assertFalse(Merkle.verifyConsistency(5, 8, root(6), root(8), proof), "wrong old size");
        assertFalse(Merkle.verifyConsistency(6, 16, root(6), root(8), proof), "wrong new size (x2)");
        assertFalse(Merkle.verifyConsistency(6, 4, root(6), root(8), proof), "wrong new size (/2)");
        assertFalse(Merkle.verifyConsistency(7, 8, root(6), root(8), proof), "wrong old size");
        assertFalse(Merkle.verifyConsistency(8, 6, root(8), root(6), proof), "shrinking");
        assertFalse(Merkle.verifyConsistency(6, 8, root(6), root(8), proof.subList(0, 2)), "removed hash");
        assertFalse(Merkle.verifyConsistency(6, 8, root(6), root(8), append(proof, root(8))), "trailing hash");
        assertFalse(Merkle.verifyConsistency(6, 8, root(6), root(8), List.of()), "empty proof");
        assertFalse(Merkle.verifyConsistency(8, 8, root(8), root(7), List.of()), "same size, different roots (split view)");
        assertFalse(Merkle.verifyConsistency(8, 8, root(8), root(8), proof), "same size needs an empty proof");
        for (int j = 0; j < proof.size(); j++) {
            List<byte[]> bad = new ArrayList<>(proof);
            byte[] flipped = bad.get(j).clone();
            flipped[31] ^= 1;
            bad.set(j, flipped);
            assertFalse(Merkle.verifyConsistency(6, 8, root(6), root(8), bad), "flipped bit in proof[" + j + "]");
        }
    }

    @Test
    void everyProofOfANaiveTreeVerifiesAndNeighboursDoNot() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 33; i++) {
            leaves.add(("leaf-" + i).getBytes());
        }
        NaiveTree t = new NaiveTree(leaves);
        for (int n = 1; n <= leaves.size(); n++) {
            byte[] rootN = t.root(n);
            for (int i = 0; i < n; i++) {
                byte[] leaf = Merkle.leafHash(leaves.get(i));
                List<byte[]> path = t.inclusion(i, n);
                assertTrue(Merkle.verifyInclusion(i, n, leaf, path, rootN), "inclusion " + i + "/" + n);
                if (n > 1) {
                    assertFalse(Merkle.verifyInclusion((i + 1) % n, n, leaf, path, rootN), "inclusion at wrong index " + i + "/" + n);
                }
            }
            for (int m = 0; m <= n; m++) {
                List<byte[]> proof = m == 0 ? List.of() : t.consistency(m, n);
                assertTrue(Merkle.verifyConsistency(m, n, t.root(m), rootN, proof), "consistency " + m + "->" + n);
                if (m > 0 && m < n) {
                    assertFalse(Merkle.verifyConsistency(m, n, t.root(m - 1), rootN, proof), "wrong old root " + m + "->" + n);
                    assertFalse(Merkle.verifyConsistency(m, n, t.root(m), t.root(n - 1), proof), "wrong new root " + m + "->" + n);
                }
            }
        }
        assertArrayEquals(Merkle.emptyRoot(), t.root(0));
    }

    private static List<byte[]> append(List<byte[]> l, byte[] x) {
        List<byte[]> out = new ArrayList<>(l);
        out.add(x);
        return out;
    }

    private static List<byte[]> prepend(byte[] x, List<byte[]> l) {
        List<byte[]> out = new ArrayList<>();
        out.add(x);
        out.addAll(l);
        return out;
    }
}
