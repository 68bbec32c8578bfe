package io.github.policydsl.examples.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Layering rules over the sources of every module: no module imports another module's
 * {@code internal} packages, the examples use only published API, and policy-api knows nothing
 * of Kubernetes or Docker.
 */
class ArchitectureTest {

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(io\\.github\\.policydsl\\.(\\w+)\\S*);",
            Pattern.MULTILINE);
    private static final Map<String, String> MODULE_PACKAGE = Map.of("policy-api", "api", "policy-k8s", "k8s",
            "policy-docker", "docker", "policy-examples", "examples");

    private static List<String[]> imports(String module) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String set : List.of("src/main/java", "src/test/java")) {
            Path root = Path.of("..", module, set);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = IMPORT.matcher(Files.readString(f));
                    while (m.find()) {
                        out.add(new String[] {root.relativize(f).toString(), m.group(1), m.group(2)});
                    }
                }
            }
        }
        return out;
    }

    @Test
    void noModuleImportsAnotherModulesInternals() throws IOException {
        List<String> offences = new ArrayList<>();
        int seen = 0;
        for (Map.Entry<String, String> module : MODULE_PACKAGE.entrySet()) {
            for (String[] imp : imports(module.getKey())) {
                seen++;
                boolean internal = imp[1].contains(".internal.") || imp[1].endsWith(".internal");
                if (internal && !imp[2].equals(module.getValue())) {
                    offences.add(module.getKey() + "/" + imp[0] + " imports " + imp[1]);
                }
            }
        }
        assertThat(seen).as("imports scanned").isGreaterThan(500);
        assertThat(offences).isEmpty();
    }

    @Test
    void examplesUseOnlyPublishedApi() throws IOException {
        assertThat(imports("policy-examples")).filteredOn(i -> i[1].contains(".internal"))
                .extracting(i -> i[0] + " imports " + i[1]).isEmpty();
    }

    @Test
    void policyApiKnowsNothingOfKubernetesOrDocker() throws IOException {
        List<String> offences = new ArrayList<>();
        for (String set : List.of("src/main/java")) {
            try (Stream<Path> files = Files.walk(Path.of("../policy-api", set))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(f);
                    if (text.contains("import io.fabric8") || text.contains("import io.github.policydsl.k8s")
                            || text.contains("import io.github.policydsl.docker")) {
                        offences.add(f.toString());
                    }
                }
            }
        }
        assertThat(offences).isEmpty();
    }
}
