package io.copartner.web;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.copartner.governance.boundaryfixture.UsesLedgerInternals;
import io.copartner.ledger.boundaryfixture.UsesIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN.md §1 for every module at once (web sees them all on its classpath): dependencies point one way,
 * and a module uses another only through that module's {@code api} package.
 *
 * <p>No rule allows an empty selection: a rule over a module without classes fails, so a renamed package or a
 * module missing from the classpath cannot pass by checking nothing. Modules that are not built yet are listed in
 * {@link #NOT_BUILT_YET}; their rules run, strictly, as soon as they have a class.
 */
class ModuleBoundariesTest {

    static final List<String> MODULES = List.of("kernel", "ledger", "identity", "governance", "commerce", "economy", "web");

    /** Modules without production classes today (their jars are empty). Remove a module once it has code. */
    static final Set<String> NOT_BUILT_YET = Set.of();

    /** Which modules each module may use. */
    static List<String> allowed(String module) {
        return switch (module) {
            case "kernel" -> List.of();
            case "ledger" -> List.of("kernel");
            case "identity" -> List.of("kernel", "ledger");
            case "governance" -> List.of("kernel", "ledger", "identity");
            case "commerce" -> List.of("kernel", "ledger", "identity", "governance");
            case "economy" -> List.of("kernel", "ledger", "identity", "governance", "commerce");
            case "web" -> List.of("kernel", "ledger", "identity", "governance", "commerce", "economy");
            default -> throw new IllegalArgumentException(module);
        };
    }

    /** Every rule for one module: one-way arrows, then api-only use of the modules it may use. None allows empty. */
    static List<ArchRule> rules(String module) {
        List<ArchRule> rules = new ArrayList<>();
        String own = "io.copartner." + module + "..";
        for (String other : MODULES) {
            if (other.equals(module) || allowed(module).contains(other)) {
                continue;
            }
            rules.add(noClasses().that().resideInAPackage(own)
                .should().dependOnClassesThat().resideInAPackage("io.copartner." + other + "..")
                .because(module + " must not use " + other + " (DESIGN.md §1)"));
        }
        for (String other : allowed(module)) {
            if (other.equals("kernel")) {
                continue; // the shared kernel is public as a whole
            }
            rules.add(noClasses().that().resideInAPackage(own)
                .should().dependOnClassesThat(resideInAPackage("io.copartner." + other + "..")
                    .and(resideOutsideOfPackage("io.copartner." + other + ".api..")))
                .because(module + " may use " + other + " only through io.copartner." + other + ".api"));
        }
        return rules;
    }

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.copartner");
    }

    static List<String> modules() {
        return MODULES;
    }

    static boolean hasClasses(String module) {
        String root = "io.copartner." + module;
        return classes.stream().anyMatch(c -> c.getPackageName().equals(root)
            || c.getPackageName().startsWith(root + "."));
    }

    @ParameterizedTest
    @MethodSource("modules")
    void eachModuleKeepsItsBoundaries(String module) {
        if (NOT_BUILT_YET.contains(module) && !hasClasses(module)) {
            return; // nothing to check yet; the first class makes the strict rules below apply
        }
        for (ArchRule rule : rules(module)) {
            rule.check(classes);
        }
    }

    @ParameterizedTest
    @MethodSource("modules")
    void builtModulesAreOnTheClasspath(String module) {
        if (!NOT_BUILT_YET.contains(module)) {
            assertTrue(hasClasses(module), "no classes of " + module + " imported: its rules would check nothing");
        }
    }

    // The rules are not vacuous: fed known classes, they catch wrong arrows and refuse to pass on nothing.

    @Test
    void aWrongArrowIsCaught() {
        JavaClasses fixture = new ClassFileImporter().importClasses(UsesIdentity.class);
        AssertionError e = assertThrows(AssertionError.class, () -> rules("ledger").forEach(r -> r.check(fixture)));
        assertTrue(e.getMessage().contains("ledger must not use identity"), e.getMessage());
    }

    @Test
    void anInternalOfAnotherModuleIsCaughtInAModuleNotBuiltYet() {
        JavaClasses fixture = new ClassFileImporter().importClasses(UsesLedgerInternals.class);
        AssertionError e = assertThrows(AssertionError.class,
            () -> rules("governance").forEach(r -> r.check(fixture)));
        assertTrue(e.getMessage().contains("only through io.copartner.ledger.api"), e.getMessage());
    }

    @Test
    void aModuleWithoutClassesFailsItsRules() {
        JavaClasses none = new ClassFileImporter().importClasses(ModuleBoundariesTest.class);
        for (String module : MODULES) {
            if (module.equals("web")) {
                continue; // this test class itself is in web
            }
            assertFalse(rules(module).isEmpty(), module);
            for (ArchRule rule : rules(module)) {
                assertThrows(AssertionError.class, () -> rule.check(none), module + ": " + rule.getDescription());
            }
        }
    }
}
