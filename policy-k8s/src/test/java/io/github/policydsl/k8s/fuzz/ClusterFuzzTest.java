package io.github.policydsl.k8s.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.github.policydsl.api.Policy;
import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.Violation;
import io.github.policydsl.api.testing.JazzerChoices;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.load.ManifestLoader;
import io.github.policydsl.k8s.network.NetworkPoliciesPack;
import io.github.policydsl.k8s.packs.K8sHardening;
import io.github.policydsl.k8s.pss.PodSecurityAdmission;
import io.github.policydsl.k8s.pss.PodSecurityStandards;
import io.github.policydsl.k8s.pss.PssLevel;
import io.github.policydsl.k8s.rbac.RbacPack;
import io.github.policydsl.k8s.secrets.SecretsPack;
import io.github.policydsl.k8s.testing.ClusterGenerators;
import io.github.policydsl.k8s.testing.K8sGenerators;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster bundle generator driven by Jazzer: every generated bundle (workloads, namespaces,
 * RBAC, NetworkPolicies, Secrets, ConfigMaps, ExternalSecrets) loads back from YAML and every
 * built-in Kubernetes pack evaluates it without an ERROR result, in memory and after loading.
 * Under {@code mvn verify} it runs in regression mode over the seeds in {@code src/test/resources};
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=ClusterFuzzTest} fuzzes for real.
 */
class ClusterFuzzTest {

    private static final ManifestLoader LOADER = ManifestLoader.defaults();
    private static final Policy<Manifests> ALL_PACKS = Policy.<Manifests>named("k8s-all", "1")
            .include(K8sHardening.policy())
            .include(PodSecurityStandards.baseline())
            .include(PodSecurityStandards.restricted())
            .include(PodSecurityAdmission.builder().requireEnforceLabel(PssLevel.BASELINE).build().policy())
            .include(RbacPack.policy())
            .include(NetworkPoliciesPack.policy())
            .include(SecretsPack.policy());

    @FuzzTest(maxDuration = "30s")
    void clusterBundlesEvaluateWithoutError(FuzzedDataProvider data) {
        List<HasMetadata> bundle = ClusterGenerators.clusterBundles().generate(JazzerChoices.from(data));
        StringBuilder yaml = new StringBuilder();
        for (HasMetadata o : bundle) {
            yaml.append("---\n").append(K8sGenerators.toYaml(o));
        }
        Manifests loaded = LOADER.loadString("bundle.yaml", yaml.toString());
        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.resources()).hasSize(bundle.size());
        for (Manifests m : List.of(Manifests.of(bundle), loaded)) {
            Report r = ALL_PACKS.evaluate(m);
            assertThat(r.summary().error()).as(() -> r.violations(Outcome.ERROR).stream().map(Violation::toLine)
                    .collect(Collectors.joining("\n")) + "\n" + yaml).isZero();
        }
    }
}
