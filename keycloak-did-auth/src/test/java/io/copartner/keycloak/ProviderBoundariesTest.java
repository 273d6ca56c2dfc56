package io.copartner.keycloak;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The provider runs inside Keycloak, not in the platform: it may use the shared kernel and what Keycloak ships
 * (its SPIs, JAX-RS, JBoss Logging, BouncyCastle) plus nimbus-jose-jwt (shaded into the jar), and nothing of the
 * platform's modules. Fails on an empty import, so it cannot pass by checking nothing.
 */
class ProviderBoundariesTest {

    @Test
    void theProviderUsesOnlyKernelKeycloakAndNimbus() {
        JavaClasses imported = new ClassFileImporter().importPath(Path.of("target/classes"));
        classes().that().resideInAPackage("io.copartner.keycloak..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.copartner.keycloak..", "io.copartner.kernel..",
                "org.keycloak..", "com.nimbusds..", "jakarta.ws.rs..", "org.jboss.logging..", "org.bouncycastle..",
                "java..", "javax.crypto..")
            .because("the provider is a Keycloak extension: kernel, Keycloak and nimbus only")
            .check(imported);
    }
}
