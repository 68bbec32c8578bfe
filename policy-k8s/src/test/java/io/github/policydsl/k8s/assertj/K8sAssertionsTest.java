package io.github.policydsl.k8s.assertj;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.load.ManifestLoader;
import io.github.policydsl.k8s.packs.K8sHardening;
import io.github.policydsl.k8s.pss.PssLevel;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.github.policydsl.k8s.K8sRules.pods;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class K8sAssertionsTest {

    private static final Manifests BAD = ManifestLoader.defaults().load(Path.of("../samples/k8s/bad/insecure-workloads.yaml"));
    private static final Manifests GOOD = ManifestLoader.defaults().load(Path.of("../samples/k8s/good/secure-pod.yaml"));

    private static HasMetadata web() {
        return BAD.resources().get(0).object();
    }

    @Test
    void passingAssertionsOnTheSecurePod() {
        HasMetadata pod = GOOD.resources().get(0).object();
        K8sAssertions.assertThat(pod).runsAsNonRoot().dropsAllCapabilities().isNotPrivileged()
                .doesNotAllowPrivilegeEscalation().hasReadOnlyRootFilesystem().usesSeccompProfile().hasResourceLimits()
                .usesImagesPinnedByDigest().doesNotShareHostNamespaces().meetsPodSecurity(PssLevel.RESTRICTED)
                .compliesWith(K8sHardening.policy())
                .container("app").runsAsNonRoot().hasMemoryLimit();
    }

    @Test
    void failureMessagesNameTheObjectContainerAndField() {
        assertThatThrownBy(() -> K8sAssertions.assertThat(web()).runsAsNonRoot())
                .isInstanceOf(AssertionError.class)
                .hasMessage("""

                        Expecting Deployment production/web
                        to run as non-root, but:
                          - container "setup" may run as root: runAsNonRoot is false (set on the container) \
                        [spec.template.spec.initContainers[0].securityContext.runAsNonRoot]""");
        assertThatThrownBy(() -> K8sAssertions.assertThat(web()).container("sidecar").hasMemoryLimit().dropsAllCapabilities())
                .hasMessageContaining("Expecting Deployment production/web, container \"sidecar\"")
                .hasMessageContaining("to drop all capabilities")
                .hasMessageNotContaining("Container(");
        assertThatThrownBy(() -> K8sAssertions.assertThat(web()).container("nope"))
                .hasMessageContaining("its containers are [\"setup\", \"app\", \"sidecar\"]");
    }

    @Test
    void reportAssertions() {
        var report = pods().must().notBePrivileged().withId("no-priv").evaluate(BAD);
        K8sAssertions.assertThat(report).hasFailuresFrom("no-priv").hasOnlyFailuresFrom("no-priv")
                .singleViolation().isAt("insecure-workloads.yaml", 29, 13)
                .hasFieldPath("spec.template.spec.containers[0].securityContext.privileged")
                .concerns("Deployment production/web, container \"app\"").hasRuleId("no-priv");
        assertThatThrownBy(() -> K8sAssertions.assertThat(report).hasNoFailures())
                .hasMessageContaining("Expecting report to have no failures, but found 1:")
                .hasMessageContaining("insecure-workloads.yaml:29:13: FAIL MEDIUM no-priv");
        assertThatThrownBy(() -> K8sAssertions.assertThat(report).singleViolation().isAt("insecure-workloads.yaml", 30))
                .hasMessageContaining("to be at insecure-workloads.yaml:30 but was at");
    }

    @Test
    void softAssertionsCollectEveryFailure() {
        assertThatThrownBy(() -> K8sSoftAssertions.assertSoftly(softly -> {
            softly.assertThat(web()).runsAsNonRoot();
            softly.assertThat(web()).isNotPrivileged();
            softly.assertThat(web()).doesNotShareHostNamespaces();
        })).hasMessageContaining("Multiple Failures (3 failures)")
                .hasMessageContaining("to run as non-root")
                .hasMessageContaining("to not be privileged")
                .hasMessageContaining("hostNetwork is true");
    }

    @Test
    void objectsWithoutPodTemplatesAreRejectedClearly() {
        var sa = ManifestLoader.defaults().loadString("sa.yaml", "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: x}\n");
        assertThatThrownBy(() -> K8sAssertions.assertThat(sa.resources().get(0).object()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("ServiceAccount x holds no pod template");
    }
}
