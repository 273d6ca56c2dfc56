package io.copartner.economy;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.copartner.economy.boundaryfixture.UsesCommerceInternals;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §1 for the economy: it uses commerce, governance, identity and ledger only through their {@code api}
 * packages, never web; its capabilities use each other only through {@code economy.api} and {@code economy.shared}.
 */
class EconomyBoundariesTest {

    /** The capability packages of the issue; each is its own island inside the module. */
    static final List<String> CAPABILITIES = List.of("referral", "points", "settlement", "cocreation", "fraud",
        "report", "recommendation");

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().importPath(Path.of("target/classes"));
    }

    static List<ArchRule> moduleRules() {
        List<ArchRule> rules = new ArrayList<>();
        for (String other : List.of("commerce", "governance", "identity", "ledger")) {
            rules.add(noClasses().that().resideInAPackage("io.copartner.economy..")
                .should().dependOnClassesThat(resideInAPackage("io.copartner." + other + "..")
                    .and(resideOutsideOfPackage("io.copartner." + other + ".api..")))
                .because("the economy may use " + other + " only through io.copartner." + other + ".api"));
        }
        rules.add(noClasses().that().resideInAPackage("io.copartner.economy..")
            .should().dependOnClassesThat().resideInAPackage("io.copartner.web..")
            .because("the economy must not use web (DESIGN.md §1)"));
        return rules;
    }

    @Test
    void theEconomyUsesOtherModulesOnlyThroughTheirApi() {
        assertTrue(classes.size() > 2, "the economy's classes were not imported: the rules would check nothing");
        moduleRules().forEach(r -> r.check(classes));
    }

    @Test
    void aWrongArrowFailsTheRule() {
        JavaClasses fixture = new ClassFileImporter().importClasses(UsesCommerceInternals.class);
        AssertionError e = assertThrows(AssertionError.class, () -> moduleRules().forEach(r -> r.check(fixture)));
        assertTrue(e.getMessage().contains("only through io.copartner.commerce.api"), e.getMessage());
    }

    @Test
    void capabilitiesMeetOnlyThroughTheApiAndShared() {
        for (String capability : CAPABILITIES) {
            for (String other : CAPABILITIES) {
                if (!other.equals(capability)) {
                    noClasses().that().resideInAPackage("io.copartner.economy." + capability + "..")
                        .should().dependOnClassesThat().resideInAPackage("io.copartner.economy." + other + "..")
                        .because(capability + " uses " + other + " only through io.copartner.economy.api")
                        .allowEmptyShould(true).check(classes);
                }
            }
        }
        noClasses().that().resideInAnyPackage("io.copartner.economy.api..", "io.copartner.economy.shared..")
            .should().dependOnClassesThat().resideInAnyPackage(CAPABILITIES.stream()
                .map(c -> "io.copartner.economy." + c + "..").toArray(String[]::new))
            .because("the api and shared packages know no capability's internals").allowEmptyShould(true).check(classes);
    }
}
