package io.copartner.bench;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Benchmarks measure the platform as a third party would use it, so a figure cannot lean on a shortcut the platform's
 * clients do not have: bench may use modules' {@code api} packages, the kernel, the launcher (to start a platform),
 * the third-party verifier, and otherwise the public HTTP contract. Fails on an empty import.
 */
class BenchBoundariesTest {

    @Test
    void benchUsesOnlyApisKernelLauncherAndTheVerifier() {
        JavaClasses classes = new ClassFileImporter().importPath(Path.of("target/classes"));
        noClasses().that().resideInAPackage("io.copartner.bench..")
            .should().dependOnClassesThat(resideInAPackage("io.copartner..")
                .and(resideOutsideOfPackages("io.copartner.bench..", "io.copartner.*.api..", "io.copartner.kernel..",
                    "io.copartner.launcher..", "io.copartner.verifier..")))
            .because("bench measures the platform through its public contract (api packages, HTTP), not its internals")
            .check(classes);
    }
}
