package io.copartner.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §1 inside the module, packages by role: {@code api} (the contract), {@code domain} (entities, value
 * objects), {@code service} (application services), {@code persistence} (repositories), {@code rest} (none yet: the
 * resources live in web) and the adapters named after what they talk to or implement ({@code keycloak}; {@code did}
 * and {@code credential}, the W3C standards code). Every layer but rest must have classes, so no rule passes empty.
 */
class IdentityLayersTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // This module's own build output only: scanning the whole class path costs ~40 s on our 2 cores.
        classes = new ClassFileImporter().importPath(Path.of("target/classes"));
    }

    @Test
    void layersPointInward() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("api").definedBy("io.copartner.identity.api..")
            .layer("domain").definedBy("io.copartner.identity.domain..")
            .layer("service").definedBy("io.copartner.identity.service..")
            .layer("persistence").definedBy("io.copartner.identity.persistence..")
            .optionalLayer("rest").definedBy("io.copartner.identity.rest..")
            .layer("standards").definedBy("io.copartner.identity.did..", "io.copartner.identity.credential..")
            .layer("keycloak").definedBy("io.copartner.identity.keycloak..")
            .whereLayer("api").mayNotAccessAnyLayer()
            .whereLayer("domain").mayOnlyAccessLayers("standards")
            .whereLayer("standards").mayOnlyAccessLayers("api")
            .whereLayer("keycloak").mayNotAccessAnyLayer()
            .whereLayer("persistence").mayOnlyAccessLayers("domain")
            .whereLayer("service").mayOnlyBeAccessedByLayers("rest")
            .whereLayer("persistence").mayOnlyBeAccessedByLayers("service")
            .whereLayer("keycloak").mayOnlyBeAccessedByLayers("service")
            .because("DESIGN.md §1: api uses nothing internal, domain no service or persistence, only services "
                + "orchestrate")
            .check(classes);
    }

    @Test
    void theDomainIsFreeOfFrameworkCodeBeyondJpa() {
        noClasses().that().resideInAPackage("io.copartner.identity.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.enterprise..", "jakarta.inject..",
                "jakarta.transaction..", "jakarta.ws..", "org.hibernate..", "org.keycloak..")
            .check(classes);
    }

    @Test
    void theApiIsFreeOfFrameworkCode() {
        noClasses().that().resideInAPackage("io.copartner.identity.api..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "jakarta.enterprise..",
                "jakarta.transaction..", "org.hibernate..", "org.keycloak..")
            .check(classes);
    }
}
