package io.github.policydsl.k8s.pss;

import static io.github.policydsl.k8s.pss.TestPods.eval;
import static io.github.policydsl.k8s.pss.TestPods.ids;
import static io.github.policydsl.k8s.pss.TestPods.paths;
import static io.github.policydsl.k8s.pss.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** From v1.35, {@code hostUsers: false} relaxes runAsNonRoot, runAsUser and the baseline procMount. */
class UserNamespaceRelaxationTest {

    private static String rootPod(String hostUsers) {
        return """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  %s
                  securityContext:
                    runAsUser: 0
                    seccompProfile: {type: RuntimeDefault}
                  containers:
                  - name: app
                    image: x
                    securityContext:
                      runAsUser: 0
                      runAsNonRoot: false
                      allowPrivilegeEscalation: false
                      capabilities: {drop: [ALL]}
                """.formatted(hostUsers);
    }

    private static String procMountPod(String hostUsers) {
        return """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  %s
                  containers:
                  - name: app
                    image: x
                    securityContext:
                      procMount: Unmasked
                """.formatted(hostUsers);
    }

    @Test
    void runAsNonRootAndRunAsUserAreRelaxedFromV135() {
        assertThat(eval(PssLevel.RESTRICTED, "v1.35", pod(rootPod("hostUsers: false")))).isEmpty();
        assertThat(eval(PssLevel.RESTRICTED, "latest", pod(rootPod("hostUsers: false")))).isEmpty();
    }

    @Test
    void relaxationNeedsV135() {
        assertThat(ids(eval(PssLevel.RESTRICTED, "v1.34", pod(rootPod("hostUsers: false")))))
                .containsExactly("runAsNonRoot", "runAsUser");
    }

    @Test
    void relaxationNeedsAnExplicitFalse() {
        var r = eval(PssLevel.RESTRICTED, "latest", pod(rootPod("hostUsers: true")));
        assertThat(ids(r)).containsExactly("runAsNonRoot", "runAsUser");
        assertThat(ids(eval(PssLevel.RESTRICTED, "latest", pod(rootPod(""))))).containsExactly("runAsNonRoot",
                "runAsUser");
        assertThat(paths(r, "runAsUser")).containsExactly("spec.securityContext.runAsUser",
                "spec.containers[0].securityContext.runAsUser");
        assertThat(TestPods.only(r, "runAsUser").forbiddenDetail())
                .isEqualTo("pod and container \"app\" must not set runAsUser=0");
    }

    @Test
    void baselineProcMountIsRelaxedButRestrictedIsNot() {
        assertThat(eval(PssLevel.BASELINE, "v1.35", pod(procMountPod("hostUsers: false")))).isEmpty();
        assertThat(ids(eval(PssLevel.BASELINE, "v1.34", pod(procMountPod("hostUsers: false")))))
                .containsExactly("procMount");
        assertThat(ids(eval(PssLevel.BASELINE, "v1.35", pod(procMountPod("hostUsers: true")))))
                .containsExactly("procMount");
        var restricted = eval(PssLevel.RESTRICTED, "v1.35", pod(procMountPod("hostUsers: false")));
        assertThat(ids(restricted)).contains("procMount_restricted").doesNotContain("procMount");
        assertThat(paths(restricted, "procMount_restricted"))
                .containsExactly("spec.containers[0].securityContext.procMount");
        assertThat(TestPods.only(restricted, "procMount_restricted").forbiddenDetail())
                .isEqualTo("container \"app\" must not set securityContext.procMount to \"Unmasked\"");
        var restricted34 = eval(PssLevel.RESTRICTED, "v1.34", pod(procMountPod("hostUsers: false")));
        assertThat(ids(restricted34)).contains("procMount").doesNotContain("procMount_restricted");
    }

    @Test
    void defaultProcMountPasses() {
        String yaml = procMountPod("").replace("Unmasked", "Default");
        assertThat(eval(PssLevel.BASELINE, "v1.0", pod(yaml))).isEmpty();
    }
}
