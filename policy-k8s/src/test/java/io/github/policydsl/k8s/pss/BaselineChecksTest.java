package io.github.policydsl.k8s.pss;

import static io.github.policydsl.k8s.pss.TestPods.eval;
import static io.github.policydsl.k8s.pss.TestPods.ids;
import static io.github.policydsl.k8s.pss.TestPods.only;
import static io.github.policydsl.k8s.pss.TestPods.paths;
import static io.github.policydsl.k8s.pss.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Cases of the baseline checks that the fixtures do not cover, and their field paths. */
class BaselineChecksTest {

    @Test
    void seLinuxContainerEngineTypeIsAllowedFromV131() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  securityContext:
                    seLinuxOptions: {type: container_engine_t, level: "s0:c1,c2"}
                  containers:
                  - {name: app, image: x}
                """;
        var r = eval(PssLevel.BASELINE, "v1.30", pod(yaml));
        assertThat(only(r, "seLinuxOptions").forbiddenDetail())
                .isEqualTo("pod set forbidden securityContext.seLinuxOptions: type \"container_engine_t\"");
        assertThat(paths(r, "seLinuxOptions")).containsExactly("spec.securityContext.seLinuxOptions.type");
        assertThat(eval(PssLevel.BASELINE, "v1.31", pod(yaml))).isEmpty();
    }

    @Test
    void seLinuxUserAndRolePaths() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - name: app
                    image: x
                    securityContext:
                      seLinuxOptions: {user: system_u, role: system_r, type: spc_t}
                """;
        var r = eval(PssLevel.BASELINE, "latest", pod(yaml));
        assertThat(only(r, "seLinuxOptions").forbiddenDetail()).isEqualTo("container \"app\" set forbidden "
                + "securityContext.seLinuxOptions: type \"spc_t\"; user may not be set; role may not be set");
        assertThat(paths(r, "seLinuxOptions")).containsExactly(
                "spec.containers[0].securityContext.seLinuxOptions.type",
                "spec.containers[0].securityContext.seLinuxOptions.user",
                "spec.containers[0].securityContext.seLinuxOptions.role");
    }

    @Test
    void seccompAnnotationsBeforeV119() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    seccomp.security.alpha.kubernetes.io/pod: docker/default
                    container.seccomp.security.alpha.kubernetes.io/app: localhost/profile.json
                    container.seccomp.security.alpha.kubernetes.io/ghost: unconfined
                spec:
                  securityContext:
                    seccompProfile: {type: Unconfined}
                  containers:
                  - {name: app, image: x}
                """;
        assertThat(eval(PssLevel.BASELINE, "v1.18", pod(yaml))).as("field ignored, ghost annotation ignored")
                .isEmpty();
        var r = eval(PssLevel.BASELINE, "v1.19", pod(yaml));
        assertThat(only(r, "seccompProfile_baseline").forbiddenDetail())
                .isEqualTo("pod must not set securityContext.seccompProfile.type to \"Unconfined\"");
        assertThat(paths(r, "seccompProfile_baseline")).containsExactly("spec.securityContext.seccompProfile.type");

        String bad = yaml.replace("docker/default", "unconfined");
        var old = eval(PssLevel.RESTRICTED, "v1.18", pod(bad));
        assertThat(only(old, "seccompProfile_baseline").forbiddenDetail())
                .isEqualTo("forbidden annotation seccomp.security.alpha.kubernetes.io/pod=\"unconfined\"");
        assertThat(paths(old, "seccompProfile_baseline"))
                .containsExactly("metadata.annotations.seccomp.security.alpha.kubernetes.io/pod");
    }

    @Test
    void sysctlNamesMatchExactlyPerVersion() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  securityContext:
                    sysctls:
                    - {name: net.ipv4.tcp_syncookies, value: "1"}
                    - {name: net/ipv4/tcp_syncookies, value: "1"}
                    - {name: net.ipv4.tcp_notsent_lowat, value: "1"}
                  containers:
                  - {name: app, image: x}
                """;
        var r36 = eval(PssLevel.BASELINE, "v1.36", pod(yaml));
        assertThat(only(r36, "sysctls").forbiddenDetail())
                .isEqualTo("net.ipv4.tcp_notsent_lowat, net/ipv4/tcp_syncookies");
        assertThat(paths(r36, "sysctls")).containsExactly("spec.securityContext.sysctls[1].name",
                "spec.securityContext.sysctls[2].name");
        var r37 = eval(PssLevel.BASELINE, "v1.37", pod(yaml));
        assertThat(paths(r37, "sysctls")).containsExactly("spec.securityContext.sysctls[1].name");
    }

    @Test
    void capabilitiesBaselinePaths() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - name: a
                    image: x
                    securityContext:
                      capabilities: {add: [CHOWN, NET_RAW, CAP_SYS_ADMIN], drop: [ALL]}
                  - name: b
                    image: x
                    securityContext:
                      capabilities: {add: [chown]}
                """;
        var r = eval(PssLevel.BASELINE, "latest", pod(yaml));
        assertThat(only(r, "capabilities_baseline").forbiddenDetail()).isEqualTo("containers \"a\", \"b\" must "
                + "not include \"CAP_SYS_ADMIN\", \"NET_RAW\", \"chown\" in securityContext.capabilities.add");
        assertThat(paths(r, "capabilities_baseline")).containsExactly(
                "spec.containers[0].securityContext.capabilities.add[1]",
                "spec.containers[0].securityContext.capabilities.add[2]",
                "spec.containers[1].securityContext.capabilities.add[0]");
    }

    @Test
    void hostNamespacesAndPortsPaths() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  hostPID: true
                  hostIPC: true
                  hostNetwork: false
                  initContainers:
                  - name: i
                    image: x
                    ports:
                    - {containerPort: 1, hostPort: 0}
                    - {containerPort: 2, hostPort: -1}
                  containers:
                  - name: a
                    image: x
                    ports:
                    - {containerPort: 3, hostPort: 443}
                """;
        var r = eval(PssLevel.BASELINE, "latest", pod(yaml));
        assertThat(ids(r)).containsExactly("hostNamespaces", "hostPorts");
        assertThat(only(r, "hostNamespaces").forbiddenDetail()).isEqualTo("hostPID=true, hostIPC=true");
        assertThat(paths(r, "hostNamespaces")).containsExactly("spec.hostPID", "spec.hostIPC");
        assertThat(only(r, "hostPorts").forbiddenDetail()).isEqualTo("containers \"i\", \"a\" use hostPorts -1, 443");
        assertThat(paths(r, "hostPorts")).containsExactly("spec.initContainers[0].ports[1].hostPort",
                "spec.containers[0].ports[0].hostPort");
    }

    @Test
    void privilegedPathsCoverEverySlot() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  initContainers:
                  - {name: i, image: x, securityContext: {privileged: true}}
                  containers:
                  - {name: a, image: x, securityContext: {privileged: false}}
                  - {name: b, image: x, securityContext: {privileged: true}}
                  ephemeralContainers:
                  - {name: e, image: x, securityContext: {privileged: true}}
                """;
        List<PssCheckResult> r = eval(PssLevel.BASELINE, "latest", pod(yaml));
        assertThat(only(r, "privileged").forbiddenDetail())
                .isEqualTo("containers \"i\", \"b\", \"e\" must not set securityContext.privileged=true");
        assertThat(paths(r, "privileged")).containsExactly(
                "spec.initContainers[0].securityContext.privileged",
                "spec.containers[1].securityContext.privileged",
                "spec.ephemeralContainers[0].securityContext.privileged");
    }
}
