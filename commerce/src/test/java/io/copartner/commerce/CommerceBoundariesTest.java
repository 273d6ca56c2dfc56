package io.copartner.commerce;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.copartner.commerce.boundaryfixture.UsesLedgerInternals;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §1 for commerce: it uses governance, identity and ledger only through their {@code api} packages (and the
 * kernel freely), never web; inside, packages by role with the arrows pointing inward.
 */
class CommerceBoundariesTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().importPath(Path.of("target/classes"));
    }

    static List<ArchRule> moduleRules() {
        List<ArchRule> rules = new ArrayList<>();
        for (String other : List.of("governance", "identity", "ledger")) {
            rules.add(noClasses().that().resideInAPackage("io.copartner.commerce..")
                .should().dependOnClassesThat(resideInAPackage("io.copartner." + other + "..")
                    .and(resideOutsideOfPackage("io.copartner." + other + ".api..")))
                .because("commerce may use " + other + " only through io.copartner." + other + ".api"));
        }
        rules.add(noClasses().that().resideInAPackage("io.copartner.commerce..")
            .should().dependOnClassesThat().resideInAPackage("io.copartner.web..")
            .because("commerce must not use web (DESIGN.md §1)"));
        return rules;
    }

    @Test
    void commerceUsesOtherModulesOnlyThroughTheirApi() {
        assertTrue(classes.size() > 10, "commerce's classes were not imported: the rules would check nothing");
        moduleRules().forEach(r -> r.check(classes));
    }

    @Test
    void aWrongArrowFailsTheRule() {
        JavaClasses fixture = new ClassFileImporter().importClasses(UsesLedgerInternals.class);
        AssertionError e = assertThrows(AssertionError.class, () -> moduleRules().forEach(r -> r.check(fixture)));
        assertTrue(e.getMessage().contains("only through io.copartner.ledger.api"), e.getMessage());
    }

    @Test
    void layersPointInward() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("api").definedBy("io.copartner.commerce.api..")
            .layer("domain").definedBy("io.copartner.commerce.domain..")
            .layer("payment").definedBy("io.copartner.commerce.payment..")
            .layer("service").definedBy("io.copartner.commerce.service..")
            .layer("persistence").definedBy("io.copartner.commerce.persistence..")
            .whereLayer("api").mayNotAccessAnyLayer()
            .whereLayer("domain").mayOnlyAccessLayers("api")
            .whereLayer("payment").mayOnlyAccessLayers("domain", "api")
            .whereLayer("persistence").mayOnlyAccessLayers("domain", "api")
            .whereLayer("service").mayNotBeAccessedByAnyLayer()
            .because("DESIGN.md §1: api uses nothing internal, domain no service or persistence, only services "
                + "orchestrate")
            .check(classes);
    }

    @Test
    void theDomainAndApiAreFreeOfFrameworkCode() {
        noClasses().that().resideInAnyPackage("io.copartner.commerce.domain..", "io.copartner.commerce.api..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.enterprise..", "jakarta.inject..",
                "jakarta.transaction..", "jakarta.ws..", "jakarta.persistence..", "org.hibernate..", "java.sql..")
            .check(classes);
    }
}
