package io.copartner.governance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §1 inside the module, packages by role: {@code api} (the contract, with {@code api.event}), {@code domain}
 * (entities, the life cycle, the rules), {@code service} (application services, the scheduler and the seam between
 * lifecycle and voting booth), {@code persistence} (repositories), {@code rest} (none: the resources live in web).
 */
class GovernanceLayersTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().importPath(Path.of("target/classes"));
    }

    @Test
    void layersPointInward() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("api").definedBy("io.copartner.governance.api..")
            .layer("domain").definedBy("io.copartner.governance.domain..")
            .layer("service").definedBy("io.copartner.governance.service..")
            .layer("persistence").definedBy("io.copartner.governance.persistence..")
            .optionalLayer("rest").definedBy("io.copartner.governance.rest..")
            .whereLayer("api").mayNotAccessAnyLayer()
            .whereLayer("domain").mayOnlyAccessLayers("api")
            .whereLayer("persistence").mayOnlyAccessLayers("domain", "api")
            .whereLayer("service").mayOnlyBeAccessedByLayers("rest")
            .whereLayer("persistence").mayOnlyBeAccessedByLayers("service")
            .because("DESIGN.md §1: api uses nothing internal, domain no service or persistence, only services "
                + "orchestrate")
            .check(classes);
    }

    @Test
    void theDomainIsFreeOfFrameworkCodeBeyondJpa() {
        noClasses().that().resideInAPackage("io.copartner.governance.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.enterprise..", "jakarta.inject..",
                "jakarta.transaction..", "jakarta.ws..", "org.hibernate..")
            .check(classes);
    }

    @Test
    void theApiIsFreeOfFrameworkCode() {
        noClasses().that().resideInAPackage("io.copartner.governance.api..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "jakarta.enterprise..",
                "jakarta.transaction..", "org.hibernate..")
            .check(classes);
    }
}
