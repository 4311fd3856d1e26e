package io.butlersos.core.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every output bundle ({@code bundles/io.butlersos.sink.*}) has the parts an operator and a reviewer
 * rely on, as Telegraf checks for its plugins:
 * <ol>
 *   <li>a typed configuration: an {@code @ObjectClassDefinition} designated for a component;</li>
 *   <li>a README whose Configuration section names every attribute of it, by its property name;</li>
 *   <li>a versioned or internal-only package layout: every exported package has a {@code package-info}
 *       with {@code @Export} and {@code @Version}; nothing under {@code .internal} is exported;</li>
 *   <li>a sample configuration in {@code config/}.</li>
 * </ol>
 * It reads the sources, so it does not depend on the reactor having built the sinks first.
 */
class SinkBundleConformanceTest {

    /** The module's folder is the working directory under Surefire; the repository is two levels up. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "^\\s*(?:public\\s+)?[\\w.<>\\[\\]]+\\s+(\\w+)\\s*\\(\\s*\\)\\s*(?:default\\s[^;]*)?;", Pattern.MULTILINE);
    /** Web-console hints are metadata for a UI, not configuration. */
    private static final Set<String> NOT_CONFIGURATION = Set.of("webconsole.configurationFactory.nameHint");

    @TestFactory
    Stream<DynamicContainer> everySinkBundleHasItsParts() throws IOException {
        List<Path> sinks;
        try (Stream<Path> folders = Files.list(ROOT.resolve("bundles"))) {
            sinks = folders.filter(p -> p.getFileName().toString().startsWith("io.butlersos.sink."))
                    .filter(Files::isDirectory).sorted().toList();
        }
        assertFalse(sinks.isEmpty(), "no io.butlersos.sink.* folder under " + ROOT.resolve("bundles"));
        return sinks.stream().map(sink -> DynamicContainer.dynamicContainer(sink.getFileName().toString(), Stream.of(
                DynamicTest.dynamicTest("typed configuration", () -> typedConfiguration(sink)),
                DynamicTest.dynamicTest("README names every attribute", () -> readmeNamesEveryAttribute(sink)),
                DynamicTest.dynamicTest("versioned or internal packages", () -> packageLayout(sink)),
                DynamicTest.dynamicTest("sample configuration in config/", () -> sampleConfiguration(sink)))));
    }

    private static void typedConfiguration(Path sink) throws IOException {
        assertFalse(configurationTypes(sink).isEmpty(),
                sink.getFileName() + " has no @ObjectClassDefinition in src/main/java");
        assertTrue(javaSources(sink).stream().anyMatch(f -> read(f).contains("@Designate(")),
                sink.getFileName() + " has no @Designate(ocd = ...) tying a component to its configuration");
    }

    private static void readmeNamesEveryAttribute(Path sink) throws IOException {
        Path readme = sink.resolve("README.md");
        assertTrue(Files.isRegularFile(readme), sink.getFileName() + " has no README.md");
        String section = configurationSection(Files.readString(readme));
        assertFalse(section.isEmpty(), readme + " has no '## Configuration' section");
        List<String> missing = new ArrayList<>();
        for (Path type : configurationTypes(sink)) {
            for (String attribute : attributes(read(type))) {
                if (!section.contains("`" + attribute + "`")) {
                    missing.add(attribute + " (" + type.getFileName() + ")");
                }
            }
        }
        assertTrue(missing.isEmpty(), readme + ": the Configuration section does not name " + missing);
    }

    private static void packageLayout(Path sink) throws IOException {
        Path sources = sink.resolve("src/main/java");
        List<String> problems = new ArrayList<>();
        Set<Path> packages = new LinkedHashSet<>();
        for (Path java : javaSources(sink)) {
            packages.add(java.getParent());
        }
        for (Path dir : packages) {
            String name = sources.relativize(dir).toString().replace('/', '.').replace('\\', '.');
            Path info = dir.resolve("package-info.java");
            String text = Files.isRegularFile(info) ? read(info) : "";
            boolean exported = text.contains("@Export");
            if (name.contains(".internal")) {
                if (exported) {
                    problems.add(name + " is internal but exported");
                }
            } else if (!exported || !text.contains("@Version")) {
                problems.add(name + " is neither under .internal nor exported with @Export and @Version in package-info.java");
            }
        }
        Path bnd = sink.resolve("bnd.bnd");
        if (Files.isRegularFile(bnd)) {
            for (String line : Files.readAllLines(bnd)) {
                if ((line.startsWith("Export-Package") || line.startsWith("-exportcontents")) && line.contains("internal")) {
                    problems.add("bnd.bnd exports an internal package: " + line);
                }
            }
        }
        assertTrue(problems.isEmpty(), sink.getFileName() + ": " + problems);
    }

    private static void sampleConfiguration(Path sink) throws IOException {
        String bsn = sink.getFileName().toString();
        try (Stream<Path> files = Files.list(ROOT.resolve("config"))) {
            List<String> samples = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(bsn + "-") && (n.endsWith(".cfg.sample") || n.endsWith(".cfg")))
                    .toList();
            assertFalse(samples.isEmpty(), "config/ has no " + bsn + "-<name>.cfg.sample (nor an active " + bsn + "-<name>.cfg)");
        }
    }

    /** The text from {@code ## Configuration} to the next second-level heading. */
    static String configurationSection(String readme) {
        int start = readme.indexOf("\n## Configuration");
        if (start < 0) {
            return "";
        }
        int end = readme.indexOf("\n## ", start + 5);
        return end < 0 ? readme.substring(start) : readme.substring(start, end);
    }

    /** Property names of an OCD's methods, by the Declarative Services name mapping. */
    static List<String> attributes(String ocdSource) {
        int body = ocdSource.indexOf("@interface");
        List<String> out = new ArrayList<>();
        Matcher m = ATTRIBUTE.matcher(ocdSource.substring(Math.max(0, body)));
        while (m.find()) {
            String property = propertyName(m.group(1));
            if (!NOT_CONFIGURATION.contains(property)) {
                out.add(property);
            }
        }
        return out;
    }

    /** {@code max_file_mb} to {@code max.file.mb}, {@code _token} to {@code .token}, {@code a__b} to {@code a_b}. */
    static String propertyName(String method) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            if (c == '$') {
                if (method.startsWith("$_$", i)) {
                    out.append('-');
                    i += 2;
                } else if (method.startsWith("$$", i)) {
                    out.append('$');
                    i++;
                }
            } else if (c == '_') {
                if (method.startsWith("__", i)) {
                    out.append('_');
                    i++;
                } else {
                    out.append('.');
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static List<Path> configurationTypes(Path sink) throws IOException {
        return javaSources(sink).stream().filter(f -> read(f).contains("@ObjectClassDefinition")).toList();
    }

    private static List<Path> javaSources(Path sink) throws IOException {
        Path sources = sink.resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
