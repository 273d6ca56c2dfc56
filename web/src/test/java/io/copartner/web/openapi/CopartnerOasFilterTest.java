package io.copartner.web.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.kernel.problem.ProblemType;
import org.junit.jupiter.api.Test;

class CopartnerOasFilterTest {

    @Test
    void errorCodesAreTheFourAndFiveHundredsAndDefault() {
        for (String code : new String[] {"400", "401", "409", "413", "4XX", "500", "503", "5XX", "default"}) {
            assertTrue(CopartnerOasFilter.isError(code), code);
        }
        for (String code : new String[] {"200", "201", "204", "304", "2XX", "40", "4000", null}) {
            assertFalse(CopartnerOasFilter.isError(code), String.valueOf(code));
        }
    }

    @Test
    void theProblemSchemaListsEveryCataloguedTypeWithItsStatus() {
        String catalogue = ProblemSchema.typeCatalogue();
        for (ProblemType t : ProblemType.values()) {
            assertTrue(catalogue.contains("`" + t.uri() + "` (" + t.status() + "): " + t.title()), t.name());
        }
        assertEquals(ProblemType.values().length, catalogue.lines().filter(l -> l.startsWith("- ")).count());
    }
}
