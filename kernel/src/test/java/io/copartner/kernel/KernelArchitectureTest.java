package io.copartner.kernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The kernel is the bottom of the dependency graph: it must not know any context or any framework. */
@AnalyzeClasses(packages = "io.copartner.kernel", importOptions = ImportOption.DoNotIncludeTests.class)
class KernelArchitectureTest {

    @ArchTest
    static final ArchRule kernelDependsOnNoOtherModule = noClasses()
            .that().resideInAPackage("io.copartner.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.copartner.ledger..", "io.copartner.identity..", "io.copartner.governance..",
                    "io.copartner.commerce..", "io.copartner.web..", "io.copartner.verifier..");

    @ArchTest
    static final ArchRule kernelIsFrameworkFree = noClasses()
            .that().resideInAPackage("io.copartner.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "jakarta.persistence..", "jakarta.ws.rs..", "jakarta.enterprise..", "jakarta.transaction..");
}
