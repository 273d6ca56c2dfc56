package io.copartner.web;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN.md §1 for every module at once (web sees them all on its classpath): dependencies point one way,
 * and a module uses another only through that module's {@code api} package.
 */
class ModuleBoundariesTest {

    static final List<String> MODULES = List.of("kernel", "ledger", "identity", "governance", "commerce", "web");

    /** Which modules each module may use. */
    static List<String> allowed(String module) {
        return switch (module) {
            case "kernel" -> List.of();
            case "ledger" -> List.of("kernel");
            case "identity" -> List.of("kernel", "ledger");
            case "governance" -> List.of("kernel", "ledger", "identity");
            case "commerce" -> List.of("kernel", "ledger", "identity", "governance");
            case "web" -> List.of("kernel", "ledger", "identity", "governance", "commerce");
            default -> throw new IllegalArgumentException(module);
        };
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

    @ParameterizedTest
    @MethodSource("modules")
    void dependenciesPointOneWay(String module) {
        for (String other : MODULES) {
            if (other.equals(module) || allowed(module).contains(other)) {
                continue;
            }
            ArchRule rule = noClasses().that().resideInAPackage("io.copartner." + module + "..")
                .should().dependOnClassesThat().resideInAPackage("io.copartner." + other + "..")
                .allowEmptyShould(true)
                .because(module + " must not use " + other + " (DESIGN.md §1)");
            rule.check(classes);
        }
    }

    @ParameterizedTest
    @MethodSource("modules")
    void otherModulesAreUsedOnlyThroughTheirApi(String module) {
        for (String other : allowed(module)) {
            if (other.equals("kernel")) {
                continue; // the shared kernel is public as a whole
            }
            noClasses().that().resideInAPackage("io.copartner." + module + "..")
                .should().dependOnClassesThat(resideInAPackage("io.copartner." + other + "..")
                    .and(resideOutsideOfPackage("io.copartner." + other + ".api..")))
                .allowEmptyShould(true)
                .because(module + " may use " + other + " only through io.copartner." + other + ".api")
                .check(classes);
        }
    }
}
