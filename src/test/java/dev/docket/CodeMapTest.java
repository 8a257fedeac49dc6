package dev.docket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's code map is the one statement of which package may read which, so a newcomer can trust it: every
 * top-level package has a row, every row names a package that exists, and no class reads a package its row does
 * not allow. ArchitectureTest states the direction of the flow; this keeps the map a reader sees equal to the code.
 */
class CodeMapTest {

    private static final String ROOT = "dev.docket";
    /** A row's cell says one of these instead of listing packages. */
    private static final String NOTHING = "nothing of Docket";
    private static final String FLOOR_ONLY = "floor";
    private static final String ANYTHING = "anything";

    private static Map<String, Set<String>> mayRead;
    private static Set<String> floor;
    private static JavaClasses classes;

    @BeforeAll
    static void readTheMapAndTheCode() throws IOException {
        CodeMap map = CodeMap.parse(Files.readString(Path.of("README.md")));
        mayRead = map.mayRead();
        floor = map.floor();
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void everyPackageHasARowAndEveryRowAPackage() {
        Set<String> packages = new TreeSet<>();
        for (JavaClass c : classes) {
            String top = topLevel(c);
            if (top != null) {
                packages.add(top);
            }
        }
        assertThat(mayRead.keySet()).as("packages named in the README's code map").isEqualTo(packages);
    }

    @Test
    void noPackageReadsWhatItsRowDoesNotAllow() {
        Map<String, Set<String>> unexpected = new TreeMap<>();
        for (JavaClass c : classes) {
            String from = topLevel(c);
            Set<String> allowed = from == null ? null : mayRead.get(from);
            if (allowed == null) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = topLevel(d.getTargetClass());
                if (to != null && !to.equals(from) && !allowed.contains(to)) {
                    unexpected.computeIfAbsent(from + " reads " + to, k -> new TreeSet<>()).add(d.getDescription());
                }
            }
        }
        assertThat(unexpected).as("reads the README's code map does not allow (fix the code or the map)").isEmpty();
    }

    @Test
    void theFloorReadsOnlyTheFloor() {
        assertThat(floor).containsExactlyInAnyOrder("system", "access", "calendar", "facts");
        floor.forEach(pkg -> assertThat(floor).as("what the floor package " + pkg + " may read")
                .containsAll(mayRead.get(pkg)));
    }

    /** The package right below dev.docket a class lives in, or null for the application class and outside classes. */
    private static String topLevel(JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith(ROOT + ".")) {
            return null;
        }
        String rest = pkg.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** The table under "## Code map": package cells, and what each row may read besides the floor. */
    private record CodeMap(Map<String, Set<String>> mayRead, Set<String> floor) {

        private static final Pattern NAME = Pattern.compile("`([a-z]+)/`");

        static CodeMap parse(String readme) {
            int start = readme.indexOf("\n## Code map");
            assertThat(start).as("README has a '## Code map' section").isNotNegative();
            int end = readme.indexOf("\n## ", start + 1);
            String section = readme.substring(start, end < 0 ? readme.length() : end);
            Map<String, String> cells = new LinkedHashMap<>();
            for (String line : section.split("\n")) {
                if (!line.startsWith("| `")) {
                    continue;
                }
                String[] cell = line.split("\\|");
                // | package(s) | what lives there | may read |
                String reads = cell[3].trim();
                Matcher names = NAME.matcher(cell[1]);
                while (names.find()) {
                    cells.put(names.group(1), reads);
                }
            }
            Set<String> floor = floor(section);
            Set<String> everyPackage = cells.keySet();
            Map<String, Set<String>> mayRead = new TreeMap<>();
            cells.forEach((pkg, reads) -> {
                Set<String> allowed = new TreeSet<>();
                if (reads.startsWith(ANYTHING)) {
                    allowed.addAll(everyPackage);
                } else if (reads.equals(FLOOR_ONLY)) {
                    allowed.addAll(floor);
                } else if (!reads.equals(NOTHING)) {
                    // The floor is free to read for everyone above it; a floor package reads only what it names.
                    if (!floor.contains(pkg)) {
                        allowed.addAll(floor);
                    }
                    allowed.addAll(names(reads, everyPackage));
                }
                mayRead.put(pkg, allowed);
            });
            return new CodeMap(mayRead, floor);
        }

        /** The packages the sentence above the table names as "the floor". */
        private static Set<String> floor(String section) {
            int start = section.indexOf("besides the floor:");
            assertThat(start).as("the code map names its floor ('besides the floor: ...')").isNotNegative();
            Set<String> floor = new TreeSet<>();
            Matcher names = NAME.matcher(section.substring(start, section.indexOf(')', start)));
            while (names.find()) {
                floor.add(names.group(1));
            }
            return floor;
        }

        private static List<String> names(String reads, Set<String> known) {
            List<String> names = new ArrayList<>();
            for (String name : reads.split(",")) {
                String trimmed = name.trim();
                assertThat(known).as("a package the code map's 'May read' names").contains(trimmed);
                names.add(trimmed);
            }
            return names;
        }
    }
}
