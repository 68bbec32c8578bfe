package io.github.policydsl.k8s.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.testing.JazzerChoices;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.load.LoaderLimits;
import io.github.policydsl.k8s.load.ManifestLoader;
import io.github.policydsl.k8s.packs.K8sHardening;
import io.github.policydsl.k8s.pss.PodSecurityStandards;
import io.github.policydsl.k8s.testing.K8sGenerators;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzz tests (Jazzer). Under {@code mvn verify} they run in regression mode over
 * the seed inputs in {@code src/test/resources}; {@code JAZZER_FUZZ=1 mvn test -Dtest=LoaderFuzzTest}
 * fuzzes for real.
 */
class LoaderFuzzTest {

    private static final ManifestLoader LOADER = ManifestLoader.defaults()
            .withLimits(LoaderLimits.defaults().withMaxDocumentCodePoints(1 << 20).withAliasLimits(100, 100_000));

    /** Raw bytes: loading never throws, and every problem is a load error with a file and a line. */
    @FuzzTest(maxDuration = "30s")
    void loadingArbitraryBytesFailsClosed(byte[] bytes) {
        Manifests m = LOADER.load("fuzz.yaml", new java.io.ByteArrayInputStream(bytes));
        m.errors().forEach(e -> {
            assertThat(e.location().file()).isEqualTo("fuzz.yaml");
            assertThat(e.message()).isNotBlank();
        });
        Report r = K8sHardening.policy().evaluate(m);
        assertThat(r.summary().error()).isEqualTo(m.errors().size());
    }

    /** Our generators driven by the fuzzer: every generated bundle loads back and evaluates without error. */
    @FuzzTest(maxDuration = "30s")
    void generatedBundlesRoundTripAndEvaluate(FuzzedDataProvider data) {
        List<HasMetadata> bundle = K8sGenerators.bundles().generate(JazzerChoices.from(data));
        StringBuilder yaml = new StringBuilder();
        for (HasMetadata o : bundle) {
            yaml.append("---\n").append(K8sGenerators.toYaml(o));
        }
        Manifests m = LOADER.loadString("bundle.yaml", yaml.toString());
        assertThat(m.errors()).isEmpty();
        assertThat(m.resources()).hasSize(bundle.size());
        Report r = K8sHardening.policy().include(PodSecurityStandards.restricted()).evaluate(m);
        assertThat(r.summary().error()).isZero();
        assertThat(new String(yaml.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isNotEmpty();
    }
}
