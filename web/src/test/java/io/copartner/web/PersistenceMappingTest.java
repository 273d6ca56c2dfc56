package io.copartner.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Each module owns its persistence mapping: the unit in web names no entity class, only one mapping file per
 * module ({@code META-INF/<module>-orm.xml}, inside that module's own jar), and each mapping file lists exactly
 * its module's {@code @Entity} classes. A forgotten entity would otherwise surface only at run time.
 */
class PersistenceMappingTest {

    static Document unit;
    /** module name → the fully qualified @Entity classes found in that module's packages. */
    static Map<String, Set<String>> entitiesByModule;

    @BeforeAll
    static void load() throws Exception {
        unit = parse(PersistenceMappingTest.class.getClassLoader().getResource("META-INF/persistence.xml"));
        entitiesByModule = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.copartner").stream()
            .filter(c -> c.isAnnotatedWith(Entity.class))
            .collect(Collectors.groupingBy(PersistenceMappingTest::module, TreeMap::new,
                Collectors.mapping(JavaClass::getName, Collectors.toCollection(TreeSet::new))));
    }

    @Test
    void thePersistenceUnitNamesNoClass() {
        NodeList classes = unit.getElementsByTagNameNS("*", "class");
        List<String> named = new ArrayList<>();
        for (int i = 0; i < classes.getLength(); i++) {
            named.add(classes.item(i).getTextContent().trim());
        }
        assertEquals(List.of(), named, "persistence.xml must not name classes: list them in the module's mapping file");
        assertEquals("true", text("exclude-unlisted-classes"), "only mapped entities belong to the unit");
    }

    @Test
    void everyModuleWithEntitiesHasItsMappingFileListed() {
        assertFalse(entitiesByModule.isEmpty(), "no @Entity found: the scan is broken");
        Set<String> listed = mappingFiles();
        for (String module : entitiesByModule.keySet()) {
            assertTrue(listed.contains(mappingFile(module)),
                "persistence.xml must list <mapping-file>" + mappingFile(module) + "</mapping-file>");
        }
    }

    @Test
    void eachMappingFileListsExactlyItsModulesEntitiesAndLivesInThatModule() throws Exception {
        for (String file : mappingFiles()) {
            String module = file.substring("META-INF/".length(), file.length() - "-orm.xml".length());
            Set<String> expected = entitiesByModule.getOrDefault(module, Set.of());
            assertFalse(expected.isEmpty(), file + " is listed but module " + module + " has no @Entity");
            Class<?> anyEntity = Class.forName(expected.iterator().next());
            URL url = anyEntity.getClassLoader().getResource(file);
            assertNotNull(url, file + " is not on the class path");
            String home = anyEntity.getProtectionDomain().getCodeSource().getLocation().toString();
            assertTrue(url.toString().contains(home), file + " must live in " + module + "'s own jar (" + home
                + ") but was found at " + url);
            Set<String> mapped = new TreeSet<>();
            NodeList entities = parse(url).getElementsByTagNameNS("*", "entity");
            for (int i = 0; i < entities.getLength(); i++) {
                mapped.add(((Element) entities.item(i)).getAttribute("class"));
            }
            assertEquals(expected, mapped, file + " must list exactly the @Entity classes of module " + module);
        }
    }

    static Set<String> mappingFiles() {
        Set<String> files = new TreeSet<>();
        NodeList nodes = unit.getElementsByTagNameNS("*", "mapping-file");
        for (int i = 0; i < nodes.getLength(); i++) {
            String file = nodes.item(i).getTextContent().trim();
            assertTrue(file.matches("META-INF/[a-z]+-orm\\.xml"), "mapping files are named META-INF/<module>-orm.xml: " + file);
            files.add(file);
        }
        return files;
    }

    static String mappingFile(String module) {
        return "META-INF/" + module + "-orm.xml";
    }

    /** io.copartner.<module>.… */
    static String module(JavaClass c) {
        String[] parts = c.getPackageName().split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }

    private static String text(String tag) {
        NodeList nodes = unit.getElementsByTagNameNS("*", tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    private static Document parse(URL url) throws Exception {
        assertNotNull(url, "missing XML resource");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = url.openStream()) {
            return f.newDocumentBuilder().parse(in);
        }
    }
}
