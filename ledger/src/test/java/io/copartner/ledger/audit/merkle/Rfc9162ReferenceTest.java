package io.copartner.ledger.audit.merkle;

import static io.copartner.kernel.crypto.Hashes.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The store-based implementation against {@link ReferenceMerkle} (the RFC's recursive definitions over a list of
 * leaves): identical roots and proofs for every (index, size) and (from, to) up to {@link #N} leaves, each
 * computed from exactly the nodes its {@code nodesFor...} function asked for; every proof verifies and corrupted
 * ones do not.
 */
class Rfc9162ReferenceTest {

    static final int N = 300;
    /** Exhaustive corruption checks stop here (they are O(n^3)); the properties cover larger trees. */
    static final int CORRUPTION_N = 64;
    static final int PROPERTY_N = 2048;

    static final ReferenceMerkle REF = new ReferenceMerkle(ReferenceMerkle.leafHashes(PROPERTY_N));
    static final Map<NodeId, byte[]> STORE = REF.allPerfectNodes();

    /** Only the requested nodes: proves that nodesFor... names everything the computation reads. */
    static Map<NodeId, byte[]> fetch(Set<NodeId> ids) {
        Map<NodeId, byte[]> batch = new HashMap<>();
        for (NodeId id : ids) {
            byte[] h = STORE.get(id);
            if (h == null) {
                throw new AssertionError("requested " + id + " is not a perfect subtree of the tree");
            }
            batch.put(id, h);
        }
        return batch;
    }

    static int ceilLog2(long n) {
        return n <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(n - 1);
    }

    @Test
    void rootsMatchTheReferenceForEverySize() {
        for (int n = 0; n <= N; n++) {
            Set<NodeId> ids = Rfc9162.nodesForRoot(n);
            assertEquals(Long.bitCount(n), ids.size(), "nodes for root " + n);
            assertEquals(hex(REF.root(n)), hex(Rfc9162.root(n, fetch(ids))), "root of size " + n);
        }
    }

    @Test
    void inclusionProofsMatchTheReferenceForEveryIndexAndSize() {
        for (int n = 1; n <= N; n++) {
            byte[] root = REF.root(n);
            for (int m = 0; m < n; m++) {
                Set<NodeId> ids = Rfc9162.nodesForInclusion(m, n);
                assertTrue(ids.size() <= 2 * ceilLog2(n), "too many nodes for (" + m + ", " + n + "): " + ids);
                List<byte[]> proof = Rfc9162.inclusionProof(m, n, fetch(ids));
                assertEquals(hexes(REF.path(m, n)), hexes(proof), "PATH(" + m + ", D[" + n + "])");
                assertTrue(Rfc9162.verifyInclusion(m, n, REF.leafHash(m), proof, root),
                        "verify inclusion (" + m + ", " + n + ")");
            }
        }
    }

    @Test
    void consistencyProofsMatchTheReferenceForEveryPairOfSizes() {
        for (int n = 0; n <= N; n++) {
            byte[] root = REF.root(n);
            for (int m = 0; m <= n; m++) {
                Set<NodeId> ids = Rfc9162.nodesForConsistency(m, n);
                assertTrue(ids.size() <= 2 * ceilLog2(n), "too many nodes for (" + m + ", " + n + "): " + ids);
                List<byte[]> proof = Rfc9162.consistencyProof(m, n, fetch(ids));
                List<byte[]> expected = (m == 0 || m == n) ? List.of() : REF.proof(m, n);
                assertEquals(hexes(expected), hexes(proof), "PROOF(" + m + ", D[" + n + "])");
                assertTrue(Rfc9162.verifyConsistency(m, n, REF.root(m), root, proof),
                        "verify consistency (" + m + ", " + n + ")");
            }
        }
    }

    @Test
    void corruptedInclusionProofsFailForEveryIndexAndSize() {
        List<String> wronglyAccepted = new ArrayList<>();
        for (int n = 1; n <= CORRUPTION_N; n++) {
            byte[] root = REF.root(n);
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = REF.path(m, n);
                byte[] leaf = REF.leafHash(m);
                String at = "(" + m + ", " + n + ") ";
                for (int bit = 0; bit < 256; bit += 37) {
                    for (int i = 0; i < proof.size(); i++) {
                        List<byte[]> bad = new ArrayList<>(proof);
                        bad.set(i, Rfc9162VectorsTest.flipped(proof.get(i), bit));
                        check(wronglyAccepted, at + "proof[" + i + "] bit " + bit,
                                Rfc9162.verifyInclusion(m, n, leaf, bad, root));
                    }
                    check(wronglyAccepted, at + "leaf bit " + bit,
                            Rfc9162.verifyInclusion(m, n, Rfc9162VectorsTest.flipped(leaf, bit), proof, root));
                    check(wronglyAccepted, at + "root bit " + bit,
                            Rfc9162.verifyInclusion(m, n, leaf, proof, Rfc9162VectorsTest.flipped(root, bit)));
                }
                for (int other = 0; other < n; other++) {
                    if (other != m) {
                        check(wronglyAccepted, at + "index " + other,
                                Rfc9162.verifyInclusion(other, n, leaf, proof, root));
                    }
                }
                if (!proof.isEmpty()) {
                    check(wronglyAccepted, at + "truncated",
                            Rfc9162.verifyInclusion(m, n, leaf, proof.subList(0, proof.size() - 1), root));
                    check(wronglyAccepted, at + "first dropped",
                            Rfc9162.verifyInclusion(m, n, leaf, proof.subList(1, proof.size()), root));
                }
                check(wronglyAccepted, at + "extended",
                        Rfc9162.verifyInclusion(m, n, leaf, Rfc9162VectorsTest.with(proof, proof.size(), root),
                                root));
                check(wronglyAccepted, at + "extended with a leaf",
                        Rfc9162.verifyInclusion(m, n, leaf, Rfc9162VectorsTest.with(proof, proof.size(), leaf),
                                root));
                check(wronglyAccepted, at + "prefixed",
                        Rfc9162.verifyInclusion(m, n, leaf, Rfc9162VectorsTest.with(proof, 0, leaf), root));
            }
        }
        assertEquals(List.of(), wronglyAccepted);
    }

    @Test
    void corruptedConsistencyProofsFailForEveryPairOfSizes() {
        List<String> wronglyAccepted = new ArrayList<>();
        for (int n = 2; n <= CORRUPTION_N; n++) {
            byte[] r2 = REF.root(n);
            for (int m = 1; m < n; m++) {
                byte[] r1 = REF.root(m);
                List<byte[]> proof = REF.proof(m, n);
                String at = "(" + m + ", " + n + ") ";
                for (int bit = 0; bit < 256; bit += 37) {
                    for (int i = 0; i < proof.size(); i++) {
                        List<byte[]> bad = new ArrayList<>(proof);
                        bad.set(i, Rfc9162VectorsTest.flipped(proof.get(i), bit));
                        check(wronglyAccepted, at + "proof[" + i + "] bit " + bit,
                                Rfc9162.verifyConsistency(m, n, r1, r2, bad));
                    }
                    check(wronglyAccepted, at + "root1 bit " + bit,
                            Rfc9162.verifyConsistency(m, n, Rfc9162VectorsTest.flipped(r1, bit), r2, proof));
                    check(wronglyAccepted, at + "root2 bit " + bit,
                            Rfc9162.verifyConsistency(m, n, r1, Rfc9162VectorsTest.flipped(r2, bit), proof));
                }
                for (int other = 1; other <= n + 1; other++) {
                    if (other != m) {
                        check(wronglyAccepted, at + "from " + other,
                                Rfc9162.verifyConsistency(other, n, r1, r2, proof));
                    }
                }
                // A wrong second size is not probed: RFC 9162 verification binds it only through the path's shape
                // (see Rfc9162VectorsTest), and checkpoints sign size and root together.
                check(wronglyAccepted, at + "to * 2", Rfc9162.verifyConsistency(m, 2 * n, r1, r2, proof));
                check(wronglyAccepted, at + "swapped roots", Rfc9162.verifyConsistency(m, n, r2, r1, proof));
                check(wronglyAccepted, at + "truncated",
                        Rfc9162.verifyConsistency(m, n, r1, r2, proof.subList(0, proof.size() - 1)));
                check(wronglyAccepted, at + "first dropped",
                        Rfc9162.verifyConsistency(m, n, r1, r2, proof.subList(1, proof.size())));
                check(wronglyAccepted, at + "extended",
                        Rfc9162.verifyConsistency(m, n, r1, r2, Rfc9162VectorsTest.with(proof, proof.size(), r2)));
                check(wronglyAccepted, at + "prefixed with root1",
                        Rfc9162.verifyConsistency(m, n, r1, r2, Rfc9162VectorsTest.with(proof, 0, r1)));
            }
        }
        assertEquals(List.of(), wronglyAccepted);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Properties on larger trees

    @Provide
    Arbitrary<long[]> indexAndSize() {
        return Arbitraries.integers().between(1, PROPERTY_N).flatMap(n ->
                Arbitraries.integers().between(0, n - 1).map(m -> new long[] {m, n}));
    }

    @Provide
    Arbitrary<long[]> fromAndTo() {
        return Arbitraries.integers().between(2, PROPERTY_N).flatMap(n ->
                Arbitraries.integers().between(1, n - 1).map(m -> new long[] {m, n}));
    }

    @Property(tries = 300)
    void inclusionProofsAgreeWithTheReferenceAndResistABitFlip(@ForAll("indexAndSize") long[] mn,
                                                               @ForAll @IntRange(min = 0, max = 255) int bit,
                                                               @ForAll @IntRange(min = 0, max = 100) int which) {
        int m = (int) mn[0];
        int n = (int) mn[1];
        List<byte[]> proof = Rfc9162.inclusionProof(m, n, fetch(Rfc9162.nodesForInclusion(m, n)));
        assertEquals(hexes(REF.path(m, n)), hexes(proof));
        byte[] root = REF.root(n);
        byte[] leaf = REF.leafHash(m);
        assertTrue(Rfc9162.verifyInclusion(m, n, leaf, proof, root));
        assertFalse(Rfc9162.verifyInclusion(m, n, Rfc9162VectorsTest.flipped(leaf, bit), proof, root));
        assertFalse(Rfc9162.verifyInclusion(m, n, leaf, proof, Rfc9162VectorsTest.flipped(root, bit)));
        if (!proof.isEmpty()) {
            int i = which % proof.size();
            List<byte[]> bad = new ArrayList<>(proof);
            bad.set(i, Rfc9162VectorsTest.flipped(proof.get(i), bit));
            assertFalse(Rfc9162.verifyInclusion(m, n, leaf, bad, root));
            assertFalse(Rfc9162.verifyInclusion(m, n, leaf, proof.subList(0, proof.size() - 1), root));
        }
        assertFalse(Rfc9162.verifyInclusion((m + 1 + which) % n == m ? -1 : (m + 1 + which) % n, n, leaf, proof,
                root));
    }

    @Property(tries = 300)
    void consistencyProofsAgreeWithTheReferenceAndResistABitFlip(@ForAll("fromAndTo") long[] mn,
                                                                 @ForAll @IntRange(min = 0, max = 255) int bit,
                                                                 @ForAll @IntRange(min = 0, max = 100) int which) {
        int m = (int) mn[0];
        int n = (int) mn[1];
        List<byte[]> proof = Rfc9162.consistencyProof(m, n, fetch(Rfc9162.nodesForConsistency(m, n)));
        assertEquals(hexes(REF.proof(m, n)), hexes(proof));
        byte[] r1 = REF.root(m);
        byte[] r2 = REF.root(n);
        assertTrue(Rfc9162.verifyConsistency(m, n, r1, r2, proof));
        int i = which % proof.size();
        List<byte[]> bad = new ArrayList<>(proof);
        bad.set(i, Rfc9162VectorsTest.flipped(proof.get(i), bit));
        assertFalse(Rfc9162.verifyConsistency(m, n, r1, r2, bad));
        assertFalse(Rfc9162.verifyConsistency(m, n, Rfc9162VectorsTest.flipped(r1, bit), r2, proof));
        assertFalse(Rfc9162.verifyConsistency(m, n, r1, Rfc9162VectorsTest.flipped(r2, bit), proof));
        assertFalse(Rfc9162.verifyConsistency(m, n, r1, r2, proof.subList(0, proof.size() - 1)));
        assertFalse(Rfc9162.verifyConsistency(m, n, r1, r2, Rfc9162VectorsTest.with(proof, proof.size(), r2)));
    }

    /**
     * For sizes far beyond anything hashable, the node sets stay within O(log n), lie inside the tree, and are
     * exactly right: with every leaf equal, a perfect subtree's hash depends only on its level, so proofs computed
     * from the requested nodes must verify against the root.
     */
    @Property(tries = 500)
    void hugeTreesNeedFewNodesAndTheirProofsVerify(@ForAll("hugeIndexAndSize") long[] mn) {
        long m = mn[0];
        long n = mn[1];
        Set<NodeId> forRoot = Rfc9162.nodesForRoot(n);
        Set<NodeId> forInclusion = Rfc9162.nodesForInclusion(m, n);
        Set<NodeId> forConsistency = Rfc9162.nodesForConsistency(m, n);
        assertEquals(Long.bitCount(n), forRoot.size());
        assertTrue(forInclusion.size() <= 2 * ceilLog2(n), forInclusion::toString);
        assertTrue(forConsistency.size() <= 2 * ceilLog2(n), forConsistency::toString);
        long covered = 0;
        for (NodeId id : forRoot) {
            assertEquals(covered, id.firstLeaf(), "root nodes tile the tree left to right");
            covered = id.endLeaf();
        }
        assertEquals(n, covered);
        for (Set<NodeId> ids : List.of(forInclusion, forConsistency)) {
            for (NodeId id : ids) {
                assertTrue(id.endLeaf() <= n, id + " lies outside a tree of " + n);
            }
        }
        Map<NodeId, byte[]> uniform = new HashMap<>();
        for (Set<NodeId> ids : List.of(forRoot, forInclusion, forConsistency)) {
            ids.forEach(id -> uniform.put(id, UNIFORM[id.level()]));
        }
        byte[] root = Rfc9162.root(n, uniform);
        assertTrue(Rfc9162.verifyInclusion(m, n, UNIFORM[0], Rfc9162.inclusionProof(m, n, uniform), root));
        Map<NodeId, byte[]> fromNodes = new HashMap<>();
        Rfc9162.nodesForRoot(m).forEach(id -> fromNodes.put(id, UNIFORM[id.level()]));
        byte[] fromRoot = Rfc9162.root(m, fromNodes);
        assertTrue(Rfc9162.verifyConsistency(m, n, fromRoot, root, Rfc9162.consistencyProof(m, n, uniform)));
    }

    @Provide
    Arbitrary<long[]> hugeIndexAndSize() {
        Arbitrary<Long> sizes = Arbitraries.oneOf(
                Arbitraries.longs().between(1, Long.MAX_VALUE),
                Arbitraries.integers().between(0, 62).map(e -> 1L << e),
                Arbitraries.integers().between(1, 63).map(e -> (1L << e) - 1 == 0 ? 1L : (1L << e) - 1),
                Arbitraries.integers().between(1, 62).map(e -> (1L << e) + 1),
                Arbitraries.just(Long.MAX_VALUE));
        return sizes.flatMap(n -> Arbitraries.oneOf(
                        Arbitraries.longs().between(0, n - 1),
                        Arbitraries.just(0L),
                        Arbitraries.just(n - 1))
                .map(m -> new long[] {m, n}));
    }

    /** UNIFORM[level] = hash of a perfect subtree of that level whose leaves all equal UNIFORM[0]. */
    static final byte[][] UNIFORM = new byte[64][];

    static {
        UNIFORM[0] = ReferenceMerkle.leaf("same".getBytes());
        for (int level = 1; level < 64; level++) {
            UNIFORM[level] = ReferenceMerkle.node(UNIFORM[level - 1], UNIFORM[level - 1]);
        }
    }

    @Property(tries = 200)
    void nodesForSmallTreesArePerfectSubtreesInsideTheTree(@ForAll @LongRange(min = 1, max = 5000) long n,
                                                           @ForAll @LongRange(min = 0, max = 5000) long m) {
        long index = m % n;
        for (NodeId id : Rfc9162.nodesForInclusion(index, n)) {
            assertTrue(id.endLeaf() <= n);
            // The leaf itself is never part of its own proof.
            assertFalse(id.firstLeaf() <= index && index < id.endLeaf(), id + " contains leaf " + index);
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    static List<String> hexes(List<byte[]> hashes) {
        return hashes.stream().map(io.copartner.kernel.crypto.Hashes::hex).toList();
    }

    private static void check(List<String> wronglyAccepted, String probe, boolean verified) {
        if (verified) {
            wronglyAccepted.add(probe);
        }
    }

}
