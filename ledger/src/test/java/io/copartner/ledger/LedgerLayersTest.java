package io.copartner.ledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DESIGN.md §1 inside the module: api depends on nothing internal; domain is rules and JPA mapping only. */
class LedgerLayersTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.copartner.ledger");
    }

    @Test
    void theApiExposesNoInternals() {
        noClasses().that().resideInAPackage("io.copartner.ledger.api..")
            .should().dependOnClassesThat().resideInAnyPackage("io.copartner.ledger.domain..",
                "io.copartner.ledger.service..", "io.copartner.ledger.persistence..", "io.copartner.ledger.audit..",
                "io.copartner.ledger.chain..")
            .check(classes);
    }

    @Test
    void theLedgerDomainIsFreeOfFrameworkCodeBeyondJpa() {
        noClasses().that().resideInAPackage("io.copartner.ledger.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("io.copartner.ledger.service..",
                "io.copartner.ledger.persistence..", "jakarta.enterprise..", "jakarta.inject..", "jakarta.transaction..",
                "jakarta.ws..", "org.hibernate..")
            .check(classes);
    }
}
