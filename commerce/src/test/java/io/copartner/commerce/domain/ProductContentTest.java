package io.copartner.commerce.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.commerce.api.NewProduct;
import io.copartner.commerce.api.Price;
import io.copartner.commerce.api.ProductChange;
import io.copartner.kernel.problem.ProblemException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A version's content: the rules of every field, and what a change makes of the previous version. */
class ProductContentTest {

    static final NewProduct TEA = new NewProduct("04006381333931", "  Spring tea ", "First flush.", "tea",
        List.of("https://cdn.example/tea.jpg"), 10L, List.of(new Price("USD", 990L), new Price("CNY", 6800L)));

    @Test
    void aNewProductIsNormalisedAndItsPricesSortedByCurrency() {
        ProductContent c = ProductContent.of(TEA, "tea");
        assertEquals("Spring tea", c.name());
        assertEquals(List.of("CNY", "USD"), List.copyOf(c.prices().keySet()));
        assertEquals("CNY:6800,USD:990", c.encodedPrices());
        assertEquals(c.prices(), ProductContent.decodePrices(c.encodedPrices()));
        assertEquals(c.mediaUrls(), ProductContent.decodeMedia(c.encodedMedia()));
        // NFC: a decomposed é becomes the composed one, so equal text is stored equally.
        assertEquals("Caf\u00e9", ProductContent.of(new NewProduct(null, "Cafe\u0301", null, "tea", null, 0L,
            List.of(new Price("CNY", 1L))), "tea").name());
    }

    @Test
    void aChangeKeepsWhatItDoesNotNameAndSaysWhatItChanged() {
        ProductContent v1 = ProductContent.of(TEA, "tea");
        ProductContent v2 = v1.with(new ProductChange(1, null, "Hand-picked.", null, null,
            List.of(new Price("CNY", 6500L))));
        assertEquals("Spring tea", v2.name());
        assertEquals(10, v2.stock());
        assertEquals(Map.of("CNY", 6500L), v2.prices());
        assertEquals(List.of("description", "prices"), v2.changedFrom(v1));
        assertEquals(List.of(), v1.with(new ProductChange(null, "Spring tea", null, null, 10L, null)).changedFrom(v1));
        assertEquals(List.of("name", "mediaUrls", "stock"), v1.with(new ProductChange(null, "Tea", null, List.of(),
            0L, null)).changedFrom(v1));
        assertSame(v1.category(), v2.category(), "the category is fixed at creation");
    }

    @Test
    void versionsAreValuesThatCannotBeChangedInPlace() {
        ProductContent v1 = ProductContent.of(TEA, "tea");
        assertThrows(UnsupportedOperationException.class, () -> v1.prices().put("EUR", 1L));
        assertThrows(UnsupportedOperationException.class, () -> v1.mediaUrls().add("https://x.example/a"));
    }

    @Test
    void badFieldsAreRefused() {
        List<NewProduct> bad = List.of(
            new NewProduct("x", "", "d", "tea", null, 1L, List.of(new Price("CNY", 1L))),
            new NewProduct("x", "Line\nbreak", "d", "tea", null, 1L, List.of(new Price("CNY", 1L))),
            new NewProduct("x", "n", "d", "tea", null, null, List.of(new Price("CNY", 1L))),
            new NewProduct("x", "n", "d", "tea", null, -1L, List.of(new Price("CNY", 1L))),
            new NewProduct("x", "n", "d", "tea", null, 1L, List.of()),
            new NewProduct("x", "n", "d", "tea", null, 1L, List.of(new Price("CNY", -1L))),
            new NewProduct("x", "n", "d", "tea", null, 1L, List.of(new Price("CNY", 1L), new Price("CNY", 2L))),
            new NewProduct("x", "n", "d", "tea", null, 1L, List.of(new Price("XXY", 1L))),
            new NewProduct("x", "n", "d", "tea", null, 1L, List.of(new Price("PTS:acme", 1L))),
            new NewProduct("x", "n", "d", "tea", null, 1L, List.of(new Price("CNY", null))),
            new NewProduct("x", "n", "d", "tea", List.of("ftp://x.example/a"), 1L, List.of(new Price("CNY", 1L))),
            new NewProduct("x", "n", "d", "tea", List.of("https://"), 1L, List.of(new Price("CNY", 1L))),
            new NewProduct("x", "n", "d\u0000", "tea", null, 1L, List.of(new Price("CNY", 1L))),
            new NewProduct("x", "n".repeat(201), "d", "tea", null, 1L, List.of(new Price("CNY", 1L))));
        for (NewProduct p : bad) {
            ProblemException e = assertThrows(ProblemException.class, () -> ProductContent.of(p, "tea"), p.toString());
            assertEquals(400, e.problem().status());
        }
    }

    @Test
    void categoriesAreSlugsAndThePolicyNamesThoseNeedingApproval() {
        CategoryPolicy policy = CategoryPolicy.parse(" Alcohol, tobacco ,");
        assertTrue(policy.needsApproval("alcohol"));
        assertTrue(!policy.needsApproval("tea"));
        assertTrue(CategoryPolicy.parse("*").needsApproval("tea"));
        assertTrue(!CategoryPolicy.parse("").needsApproval("alcohol"));
        assertEquals("fresh-food", CategoryPolicy.category(" Fresh-Food "));
        for (String bad : new String[] {"", "-x", "a b", "茶", "a".repeat(65)}) {
            assertThrows(ProblemException.class, () -> CategoryPolicy.category(bad), bad);
        }
    }

    @Test
    void theListingStateMachine() {
        assertEquals(ListingStatus.LIVE, ListingStatus.initial(false));
        ListingStatus awaiting = ListingStatus.initial(true);
        assertEquals(ListingStatus.AWAITING_APPROVAL, awaiting);
        assertTrue(awaiting.approvable());
        assertEquals(ListingStatus.LIVE, awaiting.approved());
        assertTrue(!ListingStatus.LIVE.approvable(), "a second listing proposal changes nothing");
        assertEquals(ListingStatus.LIVE, ListingStatus.LIVE.approved());
    }
}
