package io.omdprt.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The package rules of ARCHITECTURE.md, kept by the build: which package may use which, and where
 * Netty, Micrometer and files may appear. Each package's package-info.java says the same in words.
 */
class ArchitectureTest {
    private static final String ROOT = "io.omdprt";

    /** What each package may import of the project's own packages (bottom of the picture first). */
    static final Map<String, Set<String>> MAY_IMPORT = new LinkedHashMap<>();

    static {
        MAY_IMPORT.put("text", Set.of());
        MAY_IMPORT.put("time", Set.of());
        MAY_IMPORT.put("protocol", Set.of());
        MAY_IMPORT.put("pcap", Set.of());
        MAY_IMPORT.put("verdict", Set.of("text"));
        MAY_IMPORT.put("config", Set.of("protocol", "time"));
        MAY_IMPORT.put("track", Set.of("protocol"));
        MAY_IMPORT.put("event", Set.of("text", "time", "track"));
        MAY_IMPORT.put("window", Set.of("config", "time"));
        MAY_IMPORT.put("model", Set.of("config", "event", "protocol", "track", "window", "time"));
        MAY_IMPORT.put("journal", Set.of("event", "time"));
        MAY_IMPORT.put("report", Set.of("config", "event", "journal", "text", "time", "verdict"));
        MAY_IMPORT.put("status", Set.of("config", "event", "model", "protocol", "text", "time", "track", "verdict", "window"));
        MAY_IMPORT.put("rts", Set.of("config", "event", "model", "protocol", "text", "time", "track"));
        MAY_IMPORT.put("net", Set.of("config", "event", "model", "protocol", "text", "time", "track"));
        MAY_IMPORT.put("analyze", Set.of("config", "event", "model", "pcap", "protocol", "report", "text", "time", "track", "verdict"));
        MAY_IMPORT.put("sim", Set.of("config", "event", "model", "net", "pcap", "protocol", "rts", "text", "time", "track"));
        MAY_IMPORT.put("metrics", Set.of("config", "event", "journal", "model", "net", "protocol", "rts", "text", "time", "track", "window"));
        MAY_IMPORT.put("http", Set.of("config", "metrics", "report", "status", "text", "time", "verdict", "window"));
        MAY_IMPORT.put("monitor", Set.of("config", "event", "http", "journal", "metrics", "model", "net", "protocol", "report", "rts",
                "status", "text", "time", "track", "window"));
        MAY_IMPORT.put("cli", Set.of("analyze", "config", "event", "http", "journal", "metrics", "model", "monitor", "net", "pcap",
                "protocol", "report", "rts", "sim", "status", "text", "time", "track", "verdict", "window"));
    }

    /** The code the live receiver, the capture analyzer and the benchmarks share: no network, metrics or files. */
    static final String[] PURE = {"text", "time", "protocol", "verdict", "track", "event", "window", "model"};

    static List<ArchRule> rules() {
        List<ArchRule> rules = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : MAY_IMPORT.entrySet()) {
            Set<String> forbidden = new TreeSet<>(MAY_IMPORT.keySet());
            forbidden.remove(e.getKey());
            forbidden.removeAll(e.getValue());
            if (!forbidden.isEmpty()) {
                rules.add(noClasses().that().resideInAPackage(pkg(e.getKey()))
                        .should().dependOnClassesThat().resideInAnyPackage(forbidden.stream().map(ArchitectureTest::pkg).toArray(String[]::new))
                        .because(e.getKey() + "/ may import only " + (e.getValue().isEmpty() ? "the JDK and libraries" : String.join(", ", new TreeSet<>(e.getValue())))
                                + " (its package-info.java)"));
            }
        }
        rules.add(slices().matching(ROOT + ".(*)..").should().beFreeOfCycles());
        rules.add(noClasses().that().resideOutsideOfPackages(pkg("net"), pkg("http"))
                .should().dependOnClassesThat().resideInAPackage("io.netty..")
                .because("Netty stays at the edges: the receiver (net/) and the HTTP server (http/)"));
        rules.add(noClasses().that().resideOutsideOfPackages(pkg("metrics"))
                .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
                .because("every Micrometer collector lives in metrics/"));
        rules.add(noClasses().that().resideInAnyPackage(pure())
                .should().dependOnClassesThat().resideInAPackage("java.nio.file..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .because("protocol and tracking code is shared by the live receiver, the capture analyzer and the benchmarks: no files"));
        rules.add(noClasses().that().resideOutsideOfPackages(pkg("time"))
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethodWhere(nowOfJavaTime())
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("EpochNanoClock")
                .because("one clock (time/MonitorClock), created once in a composition root and passed down: "
                        + "nothing else reads the host's clocks"));
        return rules;
    }

    private static DescribedPredicate<JavaMethodCall> nowOfJavaTime() {
        return DescribedPredicate.describe("a java.time now()", call -> call.getName().equals("now")
                && call.getTargetOwner().getPackageName().startsWith("java.time"));
    }

    private static String[] pure() {
        String[] out = new String[PURE.length];
        for (int i = 0; i < PURE.length; i++) {
            out[i] = pkg(PURE[i]);
        }
        return out;
    }

    private static String pkg(String name) {
        return ROOT + "." + name + "..";
    }

    @Test
    void theMainCodeKeepsThePackageRules() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
        assertTrue(main.size() > 200, "the importer found the main classes (" + main.size() + ")");
        for (ArchRule rule : rules()) {
            rule.check(main);
        }
    }

    @Test
    void everyPackageHasARuleAndAPackageInfo() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
        Set<String> packages = new TreeSet<>();
        main.forEach(c -> packages.add(c.getPackageName().substring(ROOT.length() + 1).split("\\.")[0]));
        packages.remove("");
        assertEquals(new TreeSet<>(MAY_IMPORT.keySet()), packages, "a new package needs its line in MAY_IMPORT and ARCHITECTURE.md");
        for (String p : packages) {
            assertTrue(main.containPackage(ROOT + "." + p) && main.getPackage(ROOT + "." + p).tryGetPackageInfo().isPresent(),
                    p + "/ has no package-info.java saying what it is for and what it may import");
        }
    }

    /** The rules can fail: a tracker class that reaches up into the composition root, or reads the host clock, is reported by name. */
    @Test
    void aWrongWayImportFailsTheRules() {
        JavaClasses withFixture = new ClassFileImporter().importClasses(io.omdprt.track.WrongWayFixture.class, io.omdprt.monitor.Monitor.class,
                io.omdprt.track.LineTracker.class);
        List<String> violations = new ArrayList<>();
        for (ArchRule rule : rules()) {
            EvaluationResult result = rule.allowEmptyShould(true).evaluate(withFixture);
            violations.addAll(result.getFailureReport().getDetails());
        }
        assertTrue(violations.stream().anyMatch(v -> v.contains(io.omdprt.track.WrongWayFixture.class.getName()) && v.contains("io.omdprt.monitor.Monitor")),
                "expected the wrong-way import to be reported, got " + violations);
        assertTrue(violations.stream().anyMatch(v -> v.contains("ownClock") && v.contains("java.time.Instant.now()")),
                "expected the host clock read to be reported, got " + violations);
    }
}
