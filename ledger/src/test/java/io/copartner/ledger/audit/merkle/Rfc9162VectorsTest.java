package io.copartner.ledger.audit.merkle;

import static io.copartner.kernel.crypto.Hashes.fromHex;
import static io.copartner.kernel.crypto.Hashes.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RFC 6962 reference vectors as used by Certificate Transparency and transparency-dev/merkle
 * (proof/verify_test.go): 8 leaves, the root of every prefix, and known inclusion and consistency proofs. Those
 * tests number leaves from 1; here indexes are 0-based.
 */
class Rfc9162VectorsTest {

    static final String[] LEAF_DATA = {
            "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"};

    /** ROOTS[n] = MTH of the first n leaves. */
    static final String[] ROOTS = {
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    static final byte[] SOME_HASH = fromHex("abacaba000000000000000000000000000000000000000000060061e00123456");

    static Stream<Arguments> inclusionVectors() {
        return Stream.of(
                Arguments.of(0, 8, List.of(
                        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                Arguments.of(5, 8, List.of(
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                Arguments.of(2, 3, List.of(
                        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
                Arguments.of(1, 5, List.of(
                        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
                Arguments.of(0, 1, List.of()));
    }

    static Stream<Arguments> consistencyVectors() {
        return Stream.of(
                Arguments.of(1, 8, List.of(
                        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                Arguments.of(6, 8, List.of(
                        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                Arguments.of(2, 5, List.of(
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
                Arguments.of(6, 7, List.of(
                        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                Arguments.of(1, 1, List.of()),
                Arguments.of(8, 8, List.of()),
                Arguments.of(0, 8, List.of()));
    }

    /** The store as the log would fill it: every perfect subtree of the 8-leaf tree, via MerkleFrontier. */
    static Map<NodeId, byte[]> store() {
        Map<NodeId, byte[]> nodes = new HashMap<>();
        MerkleFrontier frontier = MerkleFrontier.empty();
        for (String data : LEAF_DATA) {
            frontier.append(Rfc9162.leafHash(fromHex(data))).forEach(e -> nodes.put(e.getKey(), e.getValue()));
        }
        return nodes;
    }

    static byte[] leafHash(int index) {
        return Rfc9162.leafHash(fromHex(LEAF_DATA[index]));
    }

    static byte[] root(int size) {
        return fromHex(ROOTS[size]);
    }

    static List<String> hexes(List<byte[]> hashes) {
        return hashes.stream().map(io.copartner.kernel.crypto.Hashes::hex).toList();
    }

    static List<byte[]> unhex(List<String> hexes) {
        return hexes.stream().map(io.copartner.kernel.crypto.Hashes::fromHex).toList();
    }

    @Test
    void emptyRootIsSha256OfTheEmptyString() {
        assertEquals(ROOTS[0], hex(Rfc9162.emptyRoot()));
        assertEquals(ROOTS[0], hex(Rfc9162.root(0, Map.of())));
        assertEquals(ROOTS[0], hex(MerkleFrontier.empty().root()));
    }

    @Test
    void leafAndNodeHashesUseTheRfcPrefixes() {
        assertEquals(ROOTS[1], hex(Rfc9162.leafHash(new byte[0])));
        assertEquals(ROOTS[2], hex(Rfc9162.nodeHash(leafHash(0), leafHash(1))));
        // Without domain separation the two would collide; with it they must not.
        assertFalse(hex(Rfc9162.leafHash(new byte[] {1})).equals(hex(io.copartner.kernel.crypto.Hashes.sha256(
                new byte[] {1}))));
    }

    @Test
    void rootOfEveryPrefixMatchesTheReferenceRoots() {
        Map<NodeId, byte[]> nodes = store();
        MerkleFrontier frontier = MerkleFrontier.empty();
        for (int n = 0; n <= 8; n++) {
            assertEquals(ROOTS[n], hex(Rfc9162.root(n, nodes)), "store root at size " + n);
            assertEquals(ROOTS[n], hex(frontier.root()), "frontier root at size " + n);
            if (n < 8) {
                frontier.append(leafHash(n));
            }
        }
    }

    @ParameterizedTest(name = "inclusion of leaf {0} in tree of size {1}")
    @MethodSource("inclusionVectors")
    void inclusionProofsMatchTheReferenceVectors(int index, int size, List<String> expected) {
        List<byte[]> proof = Rfc9162.inclusionProof(index, size, store());
        assertEquals(expected, hexes(proof));
        assertTrue(Rfc9162.verifyInclusion(index, size, leafHash(index), unhex(expected), root(size)));
    }

    @ParameterizedTest(name = "inclusion of leaf {0} in tree of size {1}, corrupted")
    @MethodSource("inclusionVectors")
    void corruptedInclusionProofsFail(int index, int size, List<String> expectedHex) {
        List<byte[]> proof = unhex(expectedHex);
        byte[] leaf = leafHash(index);
        byte[] root = root(size);
        List<String> wronglyAccepted = new ArrayList<>();
        // The probes of transparency-dev/merkle's corruptInclusionProof.
        check(wronglyAccepted, "leafIndex - 1", Rfc9162.verifyInclusion(index - 1, size, leaf, proof, root));
        check(wronglyAccepted, "leafIndex + 1", Rfc9162.verifyInclusion(index + 1, size, leaf, proof, root));
        check(wronglyAccepted, "leafIndex ^ 2", Rfc9162.verifyInclusion(index ^ 2, size, leaf, proof, root));
        check(wronglyAccepted, "treeSize * 2", Rfc9162.verifyInclusion(index, size * 2, leaf, proof, root));
        check(wronglyAccepted, "treeSize / 2", Rfc9162.verifyInclusion(index, size / 2, leaf, proof, root));
        check(wronglyAccepted, "wrong leaf", Rfc9162.verifyInclusion(index, size, SOME_HASH, proof, root));
        check(wronglyAccepted, "short leaf", Rfc9162.verifyInclusion(index, size, "WrongLeaf".getBytes(), proof,
                root));
        check(wronglyAccepted, "empty root", Rfc9162.verifyInclusion(index, size, leaf, proof, root(0)));
        check(wronglyAccepted, "random root", Rfc9162.verifyInclusion(index, size, leaf, proof, SOME_HASH));
        check(wronglyAccepted, "trailing garbage",
                Rfc9162.verifyInclusion(index, size, leaf, with(proof, proof.size(), new byte[0]), root));
        check(wronglyAccepted, "trailing root",
                Rfc9162.verifyInclusion(index, size, leaf, with(proof, proof.size(), root), root));
        check(wronglyAccepted, "preceding garbage",
                Rfc9162.verifyInclusion(index, size, leaf, with(proof, 0, new byte[0]), root));
        check(wronglyAccepted, "preceding root",
                Rfc9162.verifyInclusion(index, size, leaf, with(proof, 0, root), root));
        for (int i = 0; i < proof.size(); i++) {
            check(wronglyAccepted, "modified proof[" + i + "]",
                    Rfc9162.verifyInclusion(index, size, leaf, flipped(proof, i, 0, 8), root));
        }
        if (!proof.isEmpty()) {
            check(wronglyAccepted, "removed component",
                    Rfc9162.verifyInclusion(index, size, leaf, proof.subList(0, proof.size() - 1), root));
        }
        if (proof.size() > 1) {
            check(wronglyAccepted, "inserted component",
                    Rfc9162.verifyInclusion(index, size, leaf, with(proof, 1, SOME_HASH), root));
        }
        assertEquals(List.of(), wronglyAccepted);
    }

    @ParameterizedTest(name = "consistency {0} -> {1}")
    @MethodSource("consistencyVectors")
    void consistencyProofsMatchTheReferenceVectors(int from, int to, List<String> expected) {
        assertEquals(expected, hexes(Rfc9162.consistencyProof(from, to, store())));
        assertTrue(Rfc9162.verifyConsistency(from, to, root(from), root(to), unhex(expected)));
    }

    @ParameterizedTest(name = "consistency {0} -> {1}, corrupted")
    @MethodSource("consistencyVectors")
    void corruptedConsistencyProofsFail(int from, int to, List<String> expectedHex) {
        List<byte[]> proof = unhex(expectedHex);
        byte[] r1 = root(from);
        byte[] r2 = root(to);
        List<String> wronglyAccepted = new ArrayList<>();
        // The probes of transparency-dev/merkle's corruptConsistencyProof. (The second size is bound only through
        // the shape of the path: e.g. the 6 -> 8 proof also verifies as 6 -> 7 with the same roots, in any RFC 9162
        // verifier; a checkpoint signs size and root together, so that is not a weakness.)
        check(wronglyAccepted, "from - 1", from > 0 && Rfc9162.verifyConsistency(from - 1, to, r1, r2, proof));
        check(wronglyAccepted, "from + 1", Rfc9162.verifyConsistency(from + 1, to, r1, r2, proof));
        check(wronglyAccepted, "from ^ 2", Rfc9162.verifyConsistency(from ^ 2, to, r1, r2, proof));
        // Every tree is consistent with the empty one, so for from == 0 only the first root can be wrong.
        if (from > 0) {
            check(wronglyAccepted, "to * 2", Rfc9162.verifyConsistency(from, to * 2, r1, r2, proof));
            check(wronglyAccepted, "to / 2", Rfc9162.verifyConsistency(from, to / 2, r1, r2, proof));
            check(wronglyAccepted, "wrong root2", Rfc9162.verifyConsistency(from, to, r1, SOME_HASH, proof));
        }
        check(wronglyAccepted, "wrong root1", Rfc9162.verifyConsistency(from, to, SOME_HASH, r2, proof));
        check(wronglyAccepted, "short root1",
                Rfc9162.verifyConsistency(from, to, "WrongRoot".getBytes(), r2, proof));
        check(wronglyAccepted, "trailing root1",
                Rfc9162.verifyConsistency(from, to, r1, r2, with(proof, proof.size(), r1)));
        check(wronglyAccepted, "trailing root2",
                Rfc9162.verifyConsistency(from, to, r1, r2, with(proof, proof.size(), r2)));
        check(wronglyAccepted, "preceding root1",
                Rfc9162.verifyConsistency(from, to, r1, r2, with(proof, 0, r1)));
        check(wronglyAccepted, "preceding garbage",
                Rfc9162.verifyConsistency(from, to, r1, r2, with(proof, 0, new byte[0])));
        if (from != to) {
            check(wronglyAccepted, "swapped roots", Rfc9162.verifyConsistency(from, to, r2, r1, proof));
        }
        if (!proof.isEmpty()) {
            check(wronglyAccepted, "empty proof", Rfc9162.verifyConsistency(from, to, r1, r2, List.of()));
            check(wronglyAccepted, "truncated proof",
                    Rfc9162.verifyConsistency(from, to, r1, r2, proof.subList(0, proof.size() - 1)));
            check(wronglyAccepted, "preceding proof[0]",
                    Rfc9162.verifyConsistency(from, to, r1, r2, with(proof, 0, proof.get(0))));
        }
        for (int i = 0; i < proof.size(); i++) {
            check(wronglyAccepted, "modified proof[" + i + "]",
                    Rfc9162.verifyConsistency(from, to, r1, r2, flipped(proof, i, 0, 16)));
        }
        assertEquals(List.of(), wronglyAccepted);
    }

    @Test
    void trivialConsistencyCases() {
        byte[] a = ReferenceMerkle.leaf("a".getBytes());
        byte[] b = ReferenceMerkle.leaf("b".getBytes());
        byte[] empty = root(0);
        // Equal sizes: the roots must match and the proof must be empty.
        assertTrue(Rfc9162.verifyConsistency(0, 0, empty, empty, List.of()));
        assertTrue(Rfc9162.verifyConsistency(1, 1, a, a, List.of()));
        assertFalse(Rfc9162.verifyConsistency(1, 1, a, b, List.of()));
        assertFalse(Rfc9162.verifyConsistency(0, 0, empty, b, List.of()));
        assertFalse(Rfc9162.verifyConsistency(1, 1, a, a, List.of(empty)));
        assertFalse(Rfc9162.verifyConsistency(0, 0, empty, empty, List.of(empty)));
        // From the empty tree: any later tree, empty proof, and the first root must be the empty root.
        assertTrue(Rfc9162.verifyConsistency(0, 1, empty, a, List.of()));
        assertFalse(Rfc9162.verifyConsistency(0, 1, a, b, List.of()));
        assertFalse(Rfc9162.verifyConsistency(0, 1, empty, a, List.of(empty)));
        // Time travel and nonsense sizes.
        assertFalse(Rfc9162.verifyConsistency(1, 0, a, empty, List.of()));
        assertFalse(Rfc9162.verifyConsistency(2, 1, a, b, List.of()));
        assertFalse(Rfc9162.verifyConsistency(-1, 1, a, b, List.of()));
        // A real step needs a proof.
        assertFalse(Rfc9162.verifyConsistency(1, 2, a, b, List.of()));
        // Nulls are malformed input, not exceptions.
        assertFalse(Rfc9162.verifyConsistency(1, 1, null, a, List.of()));
        assertFalse(Rfc9162.verifyConsistency(1, 1, a, a, null));
    }

    @Test
    void inclusionVerificationRejectsImpossibleArguments() {
        byte[] leaf = leafHash(0);
        assertTrue(Rfc9162.verifyInclusion(0, 1, leaf, List.of(), leaf));
        assertFalse(Rfc9162.verifyInclusion(0, 0, leaf, List.of(), leaf));
        assertFalse(Rfc9162.verifyInclusion(1, 1, leaf, List.of(), leaf));
        assertFalse(Rfc9162.verifyInclusion(2, 1, leaf, List.of(), leaf));
        assertFalse(Rfc9162.verifyInclusion(-1, 1, leaf, List.of(), leaf));
        assertFalse(Rfc9162.verifyInclusion(0, 1, new byte[0], List.of(), leaf));
        assertFalse(Rfc9162.verifyInclusion(0, 1, leaf, List.of(), new byte[0]));
        assertFalse(Rfc9162.verifyInclusion(0, 1, null, List.of(), leaf));
        assertFalse(Rfc9162.verifyInclusion(0, 1, leaf, null, leaf));
        List<byte[]> withNull = new ArrayList<>();
        withNull.add(null);
        assertFalse(Rfc9162.verifyInclusion(0, 2, leaf, withNull, root(2)));
    }

    @Test
    void argumentErrorsAreIllegalArgumentExceptions() {
        Map<NodeId, byte[]> nodes = store();
        assertThrows(IllegalArgumentException.class, () -> Rfc9162.nodesForRoot(-1));
        assertThrows(IllegalArgumentException.class, () -> Rfc9162.root(-1, nodes));
        assertThrows(IllegalArgumentException.class, () -> Rfc9162.nodesForInclusion(0, 0));
        assertThrows(IllegalArgumentException.class, () -> Rfc9162.nodesForInclusion(8, 8));
        assertThrows(IllegalArgumentException.class, () -> Rfc9162.nodesForInclusion(-1, 8));
        assertThrows(IllegalArgumentException.class, () -> Rfc9162.inclusionProof(8, 8, nodes));
        assertThrows(IllegalArgumentException.class, () -> Rfc9162.nodesForConsistency(5, 4));
        assertThrows(IllegalArgumentException.class, () -> Rfc9162.nodesForConsistency(-1, 4));
        assertThrows(IllegalArgumentException.class, () -> Rfc9162.consistencyProof(5, 4, nodes));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Rfc9162.nodesForInclusion(9, 8));
        assertTrue(e.getMessage().contains("9"), e.getMessage());
    }

    @Test
    void aMissingOrMalformedNodeIsAnIllegalStateExceptionNamingIt() {
        Map<NodeId, byte[]> nodes = store();
        nodes.remove(new NodeId(1, 2));
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> Rfc9162.inclusionProof(6, 8, nodes));
        assertTrue(e.getMessage().contains("NodeId[level=1, index=2]"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> Rfc9162.root(7, nodes));
        assertThrows(IllegalStateException.class, () -> Rfc9162.consistencyProof(6, 8, nodes));
        // Nodes that are not needed may be absent.
        assertEquals(ROOTS[4], hex(Rfc9162.root(4, nodes)));
        Rfc9162.inclusionProof(0, 8, nodes);
        assertThrows(IllegalStateException.class, () -> MerkleFrontier.of(6, nodes));

        Map<NodeId, byte[]> bad = store();
        bad.put(new NodeId(3, 0), new byte[31]);
        e = assertThrows(IllegalStateException.class, () -> Rfc9162.root(8, bad));
        assertTrue(e.getMessage().contains("NodeId[level=3, index=0]"), e.getMessage());
    }

    @Test
    void resultsDoNotAliasTheStore() {
        Map<NodeId, byte[]> nodes = store();
        byte[] root = Rfc9162.root(8, nodes);
        root[0] ^= 1;
        assertEquals(ROOTS[8], hex(Rfc9162.root(8, nodes)));
        List<byte[]> proof = Rfc9162.inclusionProof(2, 3, nodes);
        proof.get(0)[0] ^= 1;
        assertEquals(ROOTS[2], hex(nodes.get(new NodeId(1, 0))));
    }

    @Test
    void nodeIdValidatesItsFields() {
        assertThrows(IllegalArgumentException.class, () -> new NodeId(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new NodeId(64, 0));
        assertThrows(IllegalArgumentException.class, () -> new NodeId(0, -1));
        NodeId top = new NodeId(63, 0);
        assertEquals(63, top.level());
        NodeId n = new NodeId(3, 5);
        assertEquals(40, n.firstLeaf());
        assertEquals(48, n.endLeaf());
        assertEquals(8, n.leafCount());
        assertEquals(new NodeId(4, 2), n.parent());
        assertEquals(new NodeId(0, 7), NodeId.leaf(7));
    }

    @Test
    void rootNodesAreTheBinaryDecomposition() {
        assertEquals(List.of(new NodeId(2, 0), new NodeId(1, 2), new NodeId(0, 6)),
                List.copyOf(Rfc9162.nodesForRoot(7)));
        assertEquals(List.of(new NodeId(3, 0)), List.copyOf(Rfc9162.nodesForRoot(8)));
        assertEquals(List.of(), List.copyOf(Rfc9162.nodesForRoot(0)));
    }

    // ------------------------------------------------------------------------------------------------------------

    private static void check(List<String> wronglyAccepted, String probe, boolean verified) {
        if (verified) {
            wronglyAccepted.add(probe);
        }
    }

    static List<byte[]> with(List<byte[]> proof, int at, byte[] extra) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.add(at, extra);
        return copy;
    }

    static List<byte[]> flipped(List<byte[]> proof, int element, int byteIndex, int mask) {
        List<byte[]> copy = new ArrayList<>(proof);
        byte[] h = copy.get(element).clone();
        h[byteIndex] ^= (byte) mask;
        copy.set(element, h);
        return copy;
    }

    static byte[] flipped(byte[] hash, int bit) {
        byte[] h = hash.clone();
        h[bit / 8] ^= (byte) (1 << (bit % 8));
        return h;
    }

    @Test
    void helpersFlipExactlyOneBit() {
        byte[] h = root(8);
        assertArrayEquals(h, flipped(flipped(h, 77), 77));
        assertFalse(java.util.Arrays.equals(h, flipped(h, 77)));
    }
}
