package io.github.policydsl.k8s.pss;

import static io.github.policydsl.k8s.pss.TestPods.RESTRICTED_POD;
import static io.github.policydsl.k8s.pss.TestPods.eval;
import static io.github.policydsl.k8s.pss.TestPods.ids;
import static io.github.policydsl.k8s.pss.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

class PodSecurityChecksTest {

    private static final String BAD_POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: bad
            spec:
              hostNetwork: true
              containers:
              - name: app
                image: nginx
                securityContext:
                  privileged: true
            """;

    @Test
    void listsAllNineteenChecksInOrder() {
        assertThat(PodSecurityChecks.allCheckIds()).containsExactly(
                "appArmorProfile", "capabilities_baseline", "hostNamespaces", "hostPathVolumes", "hostPorts",
                "hostProbesAndHostLifecycle", "privileged", "procMount", "seLinuxOptions",
                "seccompProfile_baseline", "sysctls", "windowsHostProcess",
                "allowPrivilegeEscalation", "capabilities_restricted", "procMount_restricted",
                "restrictedVolumes", "runAsNonRoot", "runAsUser", "seccompProfile_restricted");
        assertThat(PodSecurityChecks.levelOf("runAsUser")).isEqualTo(PssLevel.RESTRICTED);
        assertThat(PodSecurityChecks.levelOf("sysctls")).isEqualTo(PssLevel.BASELINE);
        assertThatThrownBy(() -> PodSecurityChecks.levelOf("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkIdsFollowVersionsAndOverrides() {
        assertThat(PodSecurityChecks.checkIds(PssLevel.PRIVILEGED, PssVersion.latest())).isEmpty();
        assertThat(PodSecurityChecks.checkIds(PssLevel.BASELINE, PssVersion.parse("v1.0"))).containsExactly(
                "appArmorProfile", "capabilities_baseline", "hostNamespaces", "hostPathVolumes", "hostPorts",
                "privileged", "procMount", "seLinuxOptions", "seccompProfile_baseline", "sysctls",
                "windowsHostProcess");
        assertThat(PodSecurityChecks.checkIds(PssLevel.RESTRICTED, PssVersion.parse("v1.0"))).containsExactly(
                "appArmorProfile", "capabilities_baseline", "hostNamespaces", "hostPorts",
                "privileged", "procMount", "seLinuxOptions", "seccompProfile_baseline", "sysctls",
                "windowsHostProcess", "restrictedVolumes", "runAsNonRoot");
        assertThat(PodSecurityChecks.checkIds(PssLevel.RESTRICTED, PssVersion.parse("v1.18")))
                .contains("seccompProfile_baseline", "allowPrivilegeEscalation")
                .doesNotContain("seccompProfile_restricted");
        assertThat(PodSecurityChecks.checkIds(PssLevel.RESTRICTED, PssVersion.parse("v1.19")))
                .contains("seccompProfile_restricted", "capabilities_baseline")
                .doesNotContain("seccompProfile_baseline");
        assertThat(PodSecurityChecks.checkIds(PssLevel.RESTRICTED, PssVersion.parse("v1.22")))
                .contains("capabilities_restricted").doesNotContain("capabilities_baseline", "runAsUser");
        assertThat(PodSecurityChecks.checkIds(PssLevel.RESTRICTED, PssVersion.parse("v1.34")))
                .contains("procMount", "hostProbesAndHostLifecycle", "runAsUser")
                .doesNotContain("procMount_restricted");
        assertThat(PodSecurityChecks.checkIds(PssLevel.RESTRICTED, PssVersion.latest())).containsExactly(
                "appArmorProfile", "hostNamespaces", "hostPorts", "hostProbesAndHostLifecycle", "privileged",
                "seLinuxOptions", "sysctls", "windowsHostProcess",
                "allowPrivilegeEscalation", "capabilities_restricted", "procMount_restricted",
                "restrictedVolumes", "runAsNonRoot", "runAsUser", "seccompProfile_restricted");
        assertThat(PodSecurityChecks.checkIds(PssLevel.BASELINE, PssVersion.parse("v1.33")))
                .doesNotContain("hostProbesAndHostLifecycle");
    }

    @Test
    void privilegedAllowsEverything() {
        assertThat(eval(PssLevel.PRIVILEGED, "latest", pod(BAD_POD))).isEmpty();
    }

    @Test
    void reportsEveryFailingCheckWithMessages() {
        List<PssCheckResult> results = eval(PssLevel.BASELINE, "latest", pod(BAD_POD));
        assertThat(ids(results)).containsExactly("hostNamespaces", "privileged");
        assertThat(results.get(0).level()).isEqualTo(PssLevel.BASELINE);
        assertThat(results.get(0).message()).isEqualTo("host namespaces (hostNetwork=true)");
        assertThat(results.get(1).message())
                .isEqualTo("privileged (container \"app\" must not set securityContext.privileged=true)");
        assertThat(PodSecurityChecks.violationMessage(PssLevel.BASELINE, PssVersion.latest(), results, true))
                .isEqualTo("violates PodSecurity \"baseline:latest\": host namespaces (hostNetwork=true), "
                        + "privileged (container \"app\" must not set securityContext.privileged=true)");
        assertThat(PodSecurityChecks.violationMessage(PssLevel.BASELINE, PssVersion.parse("v1.30"), results, false))
                .startsWith("would violate PodSecurity \"baseline:v1.30\": ");
        assertThatThrownBy(() -> PodSecurityChecks.violationMessage(PssLevel.BASELINE, PssVersion.latest(),
                List.of(), true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void restrictedPodPassesAtEveryVersion() {
        for (int minor = 0; minor <= 40; minor++) {
            assertThat(eval(PssLevel.RESTRICTED, "v1." + minor, pod(RESTRICTED_POD))).as("v1.%d", minor).isEmpty();
        }
    }

    @Test
    void evaluatesPodTemplatesAndToleratesMissingParts() {
        Pod p = pod(BAD_POD);
        PodTemplateSpec template = new PodTemplateSpec(p.getMetadata(), p.getSpec());
        assertThat(ids(PodSecurityChecks.evaluate(PssLevel.BASELINE, PssVersion.latest(), template)))
                .containsExactly("hostNamespaces", "privileged");
        assertThat(PodSecurityChecks.evaluate(PssLevel.RESTRICTED, PssVersion.latest(), (ObjectMeta) null, null))
                .isEmpty();
        assertThat(PodSecurityChecks.evaluate(PssLevel.RESTRICTED, PssVersion.latest(), null, new PodSpec()))
                .isEmpty();
    }

    @Test
    void resultsAreImmutableAndInputIsNotModified() {
        YAMLMapper yaml = YAMLMapper.builder().build();
        Pod p = pod(BAD_POD);
        String before = yaml.writeValueAsString(p);
        List<PssCheckResult> results = eval(PssLevel.RESTRICTED, "latest", p);
        assertThat(yaml.writeValueAsString(p)).isEqualTo(before);
        assertThatThrownBy(() -> results.add(results.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> results.get(0).fieldPaths().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void concurrentEvaluationGivesTheSameResults() {
        Pod p = pod(BAD_POD);
        List<PssCheckResult> expected = eval(PssLevel.RESTRICTED, "latest", p);
        List<List<PssCheckResult>> all = IntStream.range(0, 500).parallel()
                .mapToObj(i -> eval(PssLevel.RESTRICTED, i % 2 == 0 ? "latest" : "v1.37", p))
                .collect(Collectors.toList());
        assertThat(all).allSatisfy(r -> assertThat(r).isEqualTo(expected));
    }
}
