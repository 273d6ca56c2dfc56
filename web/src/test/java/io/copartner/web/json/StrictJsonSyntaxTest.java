package io.copartner.web.json;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1}", " {\"a\":[1,2.5,-0,1e3,\"x\"]} \n", "[]", "\"text\"", "[0]", "-12.5E+3", "  "})
    void acceptsOneWellFormedValue(String body) {
        assertDoesNotThrow(() -> StrictJsonSyntax.check(body.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1} trailing", "{\"a\":1}{\"b\":2}", "[01]", "{\"a\":-01}", "[1] 2", "{\"a\":",
        "{'a':1}", "[1,]", "\uFEFF{}"})
    void refusesTrailingContentLeadingZerosAndBrokenJson(String body) {
        ProblemException e = assertThrows(ProblemException.class,
            () -> StrictJsonSyntax.check(body.getBytes(StandardCharsets.UTF_8)));
        assertEquals(ProblemType.MALFORMED_REQUEST.uri(), e.problem().type());
    }
}
