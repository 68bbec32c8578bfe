package io.github.policydsl.k8s.pss;

import static io.github.policydsl.k8s.pss.TestPods.RESTRICTED_POD;
import static io.github.policydsl.k8s.pss.TestPods.eval;
import static io.github.policydsl.k8s.pss.TestPods.ids;
import static io.github.policydsl.k8s.pss.TestPods.only;
import static io.github.policydsl.k8s.pss.TestPods.paths;
import static io.github.policydsl.k8s.pss.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** No upstream fixture has ephemeral containers; every container rule must visit them. */
class EphemeralContainersTest {

    private static String withEphemeral(String ephemeralYaml) {
        return RESTRICTED_POD + "  ephemeralContainers:\n" + ephemeralYaml;
    }

    @Test
    void hardenedEphemeralContainerPasses() {
        String yaml = withEphemeral("""
                  - name: debug
                    image: busybox
                    securityContext:
                      allowPrivilegeEscalation: false
                      capabilities:
                        drop: [ALL]
                """);
        assertThat(eval(PssLevel.RESTRICTED, "latest", pod(yaml))).isEmpty();
    }

    @Test
    void bareEphemeralContainerFailsRestrictedContainerChecks() {
        String yaml = withEphemeral("""
                  - name: debug
                    image: busybox
                """);
        List<PssCheckResult> r = eval(PssLevel.RESTRICTED, "latest", pod(yaml));
        assertThat(ids(r)).containsExactly("allowPrivilegeEscalation", "capabilities_restricted");
        assertThat(only(r, "allowPrivilegeEscalation").forbiddenDetail())
                .isEqualTo("container \"debug\" must set securityContext.allowPrivilegeEscalation=false");
        assertThat(paths(r, "allowPrivilegeEscalation"))
                .containsExactly("spec.ephemeralContainers[0].securityContext.allowPrivilegeEscalation");
        assertThat(paths(r, "capabilities_restricted"))
                .containsExactly("spec.ephemeralContainers[0].securityContext.capabilities.drop");
    }

    @Test
    void ephemeralContainerNeedsSeccompWhenPodHasNone() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  securityContext:
                    runAsNonRoot: true
                  containers:
                  - name: app
                    image: x
                    securityContext:
                      allowPrivilegeEscalation: false
                      capabilities: {drop: [ALL]}
                      seccompProfile: {type: RuntimeDefault}
                  ephemeralContainers:
                  - name: debug
                    image: x
                    securityContext:
                      allowPrivilegeEscalation: false
                      capabilities: {drop: [ALL]}
                      runAsNonRoot: false
                """;
        List<PssCheckResult> r = eval(PssLevel.RESTRICTED, "latest", pod(yaml));
        assertThat(ids(r)).containsExactly("runAsNonRoot", "seccompProfile_restricted");
        assertThat(only(r, "seccompProfile_restricted").forbiddenDetail()).isEqualTo(
                "pod or container \"debug\" must set securityContext.seccompProfile.type to "
                        + "\"RuntimeDefault\" or \"Localhost\"");
        assertThat(only(r, "runAsNonRoot").forbiddenDetail())
                .isEqualTo("container \"debug\" must not set securityContext.runAsNonRoot=false");
        assertThat(paths(r, "runAsNonRoot"))
                .containsExactly("spec.ephemeralContainers[0].securityContext.runAsNonRoot");
    }

    @Test
    void baselineChecksVisitEphemeralContainers() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - name: app
                    image: x
                  ephemeralContainers:
                  - name: debug
                    image: x
                    ports:
                    - containerPort: 80
                      hostPort: 8080
                    securityContext:
                      privileged: true
                      procMount: Unmasked
                      capabilities: {add: [SYS_ADMIN]}
                      seLinuxOptions: {user: root}
                      windowsOptions: {hostProcess: true}
                      appArmorProfile: {type: Unconfined}
                      seccompProfile: {type: Unconfined}
                """;
        List<PssCheckResult> r = eval(PssLevel.BASELINE, "latest", pod(yaml));
        assertThat(ids(r)).containsExactly("appArmorProfile", "capabilities_baseline", "hostPorts", "privileged",
                "procMount", "seLinuxOptions", "seccompProfile_baseline", "windowsHostProcess");
        assertThat(r).allSatisfy(res -> assertThat(res.fieldPaths())
                .allSatisfy(p -> assertThat(p.toString()).startsWith("spec.ephemeralContainers[0].")));
        assertThat(paths(r, "hostPorts")).containsExactly("spec.ephemeralContainers[0].ports[0].hostPort");
        assertThat(only(r, "hostPorts").forbiddenDetail()).isEqualTo("container \"debug\" uses hostPort 8080");
    }

    @Test
    void ephemeralSeccompAnnotationIsCheckedBeforeV119() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    container.seccomp.security.alpha.kubernetes.io/debug: unconfined
                spec:
                  containers:
                  - {name: app, image: x}
                  ephemeralContainers:
                  - {name: debug, image: x}
                """;
        List<PssCheckResult> r = eval(PssLevel.BASELINE, "v1.18", pod(yaml));
        assertThat(ids(r)).containsExactly("seccompProfile_baseline");
        assertThat(paths(r, "seccompProfile_baseline"))
                .containsExactly("metadata.annotations.container.seccomp.security.alpha.kubernetes.io/debug");
    }
}
