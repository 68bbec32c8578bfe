package io.github.policydsl.k8s.pss;

import static io.github.policydsl.k8s.pss.TestPods.eval;
import static io.github.policydsl.k8s.pss.TestPods.ids;
import static io.github.policydsl.k8s.pss.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code spec.os.name: windows} exempts APE, capabilities_restricted and seccompProfile_restricted from v1.25. */
class WindowsPodsTest {

    private static String windowsPod(String osName) {
        return """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  os: {name: %s}
                  securityContext:
                    runAsNonRoot: true
                  initContainers:
                  - {name: init, image: x}
                  containers:
                  - {name: app, image: x}
                """.formatted(osName);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1.25", "v1.26", "v1.28", "v1.29", "v1.35", "latest"})
    void windowsPodsNeedNoApeCapabilitiesOrSeccompFromV125(String version) {
        assertThat(eval(PssLevel.RESTRICTED, version, pod(windowsPod("windows")))).isEmpty();
    }

    @Test
    void beforeV125WindowsPodsAreNotExempt() {
        assertThat(ids(eval(PssLevel.RESTRICTED, "v1.24", pod(windowsPod("windows")))))
                .containsExactly("allowPrivilegeEscalation", "capabilities_restricted", "seccompProfile_restricted");
        assertThat(ids(eval(PssLevel.RESTRICTED, "v1.19", pod(windowsPod("windows")))))
                .containsExactly("allowPrivilegeEscalation", "seccompProfile_restricted");
        assertThat(ids(eval(PssLevel.RESTRICTED, "v1.8", pod(windowsPod("windows")))))
                .containsExactly("allowPrivilegeEscalation");
        assertThat(eval(PssLevel.RESTRICTED, "v1.7", pod(windowsPod("windows")))).isEmpty();
    }

    @Test
    void osNameMatchesExactly() {
        assertThat(ids(eval(PssLevel.RESTRICTED, "latest", pod(windowsPod("Windows")))))
                .containsExactly("allowPrivilegeEscalation", "capabilities_restricted", "seccompProfile_restricted");
        assertThat(ids(eval(PssLevel.RESTRICTED, "latest", pod(windowsPod("linux")))))
                .containsExactly("allowPrivilegeEscalation", "capabilities_restricted", "seccompProfile_restricted");
    }

    @Test
    void windowsPodsAreNotExemptFromOtherChecks() {
        String yaml = windowsPod("windows").replace("runAsNonRoot: true", "runAsNonRoot: false");
        assertThat(ids(eval(PssLevel.RESTRICTED, "latest", pod(yaml)))).containsExactly("runAsNonRoot");
        String hostProcess = """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  os: {name: windows}
                  hostNetwork: true
                  securityContext:
                    windowsOptions: {hostProcess: true}
                  containers:
                  - name: app
                    image: x
                    securityContext:
                      windowsOptions: {hostProcess: true}
                """;
        var r = eval(PssLevel.BASELINE, "latest", pod(hostProcess));
        assertThat(ids(r)).containsExactly("hostNamespaces", "windowsHostProcess");
        assertThat(TestPods.only(r, "windowsHostProcess").forbiddenDetail()).isEqualTo(
                "pod and container \"app\" must not set securityContext.windowsOptions.hostProcess=true");
        assertThat(TestPods.paths(r, "windowsHostProcess")).containsExactly(
                "spec.securityContext.windowsOptions.hostProcess",
                "spec.containers[0].securityContext.windowsOptions.hostProcess");
    }

    @Test
    void windowsExemptionDoesNotBringBackHiddenBaselineChecks() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  os: {name: windows}
                  securityContext:
                    runAsNonRoot: true
                    seccompProfile: {type: Unconfined}
                  containers:
                  - name: app
                    image: x
                    securityContext:
                      capabilities: {add: [SYS_ADMIN]}
                """;
        assertThat(eval(PssLevel.RESTRICTED, "latest", pod(yaml))).isEmpty();
        assertThat(ids(eval(PssLevel.BASELINE, "latest", pod(yaml))))
                .containsExactly("capabilities_baseline", "seccompProfile_baseline");
    }
}
