package io.copartner.container;

import java.io.File;
import java.util.Arrays;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR every container test deploys: the real kernel and ledger jars with their runtime dependencies in
 * WEB-INF/lib (copied by the build into {@code copartner.container.lib}), a persistence unit like web's, and the
 * test classes. Hibernate and the JDBC driver come from the server's shared library, as in production.
 */
final class Deployments {

    private Deployments() {
    }

    static WebArchive ledgerWar(String name, Class<?>... classes) {
        File lib = new File(System.getProperty("copartner.container.lib", "target/container-lib"));
        File[] jars = lib.listFiles((d, n) -> n.endsWith(".jar"));
        if (jars == null || Arrays.stream(jars).noneMatch(j -> j.getName().startsWith("ledger-"))) {
            throw new IllegalStateException("no ledger jar in " + lib.getAbsolutePath() + " (run through Maven)");
        }
        return ShrinkWrap.create(WebArchive.class, name + ".war")
            .addClasses(Sql.class)
            .addClasses(classes)
            .addAsResource("container-persistence.xml", "META-INF/persistence.xml")
            .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
            .addAsLibraries(jars);
    }
}
