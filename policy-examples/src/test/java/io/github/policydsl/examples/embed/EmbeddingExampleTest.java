package io.github.policydsl.examples.embed;

import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.load.ManifestLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Custom policies as unit tests, and the embedding example end to end. */
class EmbeddingExampleTest {

    @Test
    void theGoodSamplesComplyWithTheTeamPolicy() {
        Manifests good = ManifestLoader.defaults().load(Path.of("../samples/k8s/good"));
        EmbeddingExample.POLICY.check(good);
    }

    @Test
    void theBadSamplesBreakTheRegistryRuleAtTheImageLine() {
        Report report = EmbeddingExample.scan(Path.of("../samples/k8s/bad/insecure-workloads.yaml"));
        assertThat(report.violations(Outcome.FAIL)).filteredOn(v -> v.ruleId().equals("acme.approved-registry"))
                .extracting(v -> v.subject().container() + "@" + v.location().line() + " " + v.path())
                .containsExactly("setup@20 spec.template.spec.initContainers[0].image",
                        "app@27 spec.template.spec.containers[0].image",
                        "job@49 spec.jobTemplate.spec.template.spec.containers[0].image");
        assertThat(report.violations(Outcome.WARN)).filteredOn(v -> v.ruleId().equals("acme.sandboxed-runtime"))
                .hasSize(2);
        assertThatThrownBy(() -> EmbeddingExample.POLICY.check(ManifestLoader.defaults().load(Path.of("../samples/k8s/bad/insecure-workloads.yaml"))))
                .isInstanceOf(AssertionError.class).hasMessageContaining("acme.approved-registry");
    }

    @Test
    void ruleSentencesReadAsWritten() {
        assertThat(EmbeddingExample.SANDBOXED.description()).isEqualTo(
                "pods that run in production should use runtime class gvisor or kata, because production runs untrusted plugins");
        assertThat(EmbeddingExample.REGISTRY.description()).isEqualTo("containers must use images from registry.example.com");
    }
}
