package io.copartner.launcher;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The launcher orchestrates processes (PostgreSQL, Keycloak, anvil, Liberty) and knows the platform only by its
 * configuration and ports: it must not depend on any domain module, web or the provider (the shared kernel is the
 * only module it may use). Fails on an empty import, so it cannot pass by checking nothing.
 */
class LauncherBoundariesTest {

    @Test
    void theLauncherUsesNoDomainModule() {
        // This module's own build output only (the class path also holds the provider jar the launcher installs).
        JavaClasses classes = new ClassFileImporter().importPath(Path.of("target/classes"));
        noClasses().that().resideInAPackage("io.copartner.launcher..")
            .should().dependOnClassesThat(resideInAPackage("io.copartner..")
                .and(resideOutsideOfPackages("io.copartner.launcher..", "io.copartner.kernel..")))
            .because("the launcher starts the platform; it must not depend on ledger, identity, governance, "
                + "commerce, web or the Keycloak provider")
            .check(classes);
    }
}
