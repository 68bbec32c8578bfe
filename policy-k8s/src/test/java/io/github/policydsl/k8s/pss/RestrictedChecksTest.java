package io.github.policydsl.k8s.pss;

import static io.github.policydsl.k8s.pss.TestPods.eval;
import static io.github.policydsl.k8s.pss.TestPods.ids;
import static io.github.policydsl.k8s.pss.TestPods.only;
import static io.github.policydsl.k8s.pss.TestPods.paths;
import static io.github.policydsl.k8s.pss.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Details and field paths of the restricted checks, including fields that must be set. */
class RestrictedChecksTest {

    private static final String BARE = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              initContainers:
              - {name: init, image: x}
              containers:
              - {name: app, image: x, securityContext: {allowPrivilegeEscalation: true}}
              - name: ok
                image: x
                securityContext:
                  allowPrivilegeEscalation: false
                  runAsNonRoot: true
                  seccompProfile: {type: Localhost, localhostProfile: p.json}
                  capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}
            """;

    @Test
    void absentRequiredFieldsPointAtTheFieldToSet() {
        var r = eval(PssLevel.RESTRICTED, "latest", pod(BARE));
        assertThat(ids(r)).containsExactly("allowPrivilegeEscalation", "capabilities_restricted", "runAsNonRoot",
                "seccompProfile_restricted");
        assertThat(only(r, "allowPrivilegeEscalation").forbiddenDetail())
                .isEqualTo("containers \"init\", \"app\" must set securityContext.allowPrivilegeEscalation=false");
        assertThat(paths(r, "allowPrivilegeEscalation")).containsExactly(
                "spec.initContainers[0].securityContext.allowPrivilegeEscalation",
                "spec.containers[0].securityContext.allowPrivilegeEscalation");
        assertThat(only(r, "capabilities_restricted").forbiddenDetail())
                .isEqualTo("containers \"init\", \"app\" must set securityContext.capabilities.drop=[\"ALL\"]");
        assertThat(paths(r, "capabilities_restricted")).containsExactly(
                "spec.initContainers[0].securityContext.capabilities.drop",
                "spec.containers[0].securityContext.capabilities.drop");
        assertThat(only(r, "runAsNonRoot").forbiddenDetail())
                .isEqualTo("pod or containers \"init\", \"app\" must set securityContext.runAsNonRoot=true");
        assertThat(paths(r, "runAsNonRoot")).containsExactly("spec.securityContext.runAsNonRoot");
        assertThat(paths(r, "seccompProfile_restricted")).containsExactly("spec.securityContext.seccompProfile.type");
    }

    @Test
    void explicitBadValuesWinOverPodDefaults() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  securityContext:
                    runAsNonRoot: false
                    seccompProfile: {type: Unconfined}
                  containers:
                  - name: app
                    image: x
                    securityContext:
                      allowPrivilegeEscalation: false
                      runAsNonRoot: true
                      seccompProfile: {type: RuntimeDefault}
                      capabilities: {drop: [ALL], add: [NET_BIND_SERVICE, CHOWN]}
                """;
        var r = eval(PssLevel.RESTRICTED, "latest", pod(yaml));
        assertThat(ids(r)).containsExactly("capabilities_restricted", "runAsNonRoot", "seccompProfile_restricted");
        assertThat(only(r, "runAsNonRoot").forbiddenDetail())
                .isEqualTo("pod must not set securityContext.runAsNonRoot=false");
        assertThat(only(r, "seccompProfile_restricted").forbiddenDetail())
                .isEqualTo("pod must not set securityContext.seccompProfile.type to \"Unconfined\"");
        assertThat(only(r, "capabilities_restricted").forbiddenDetail()).isEqualTo(
                "container \"app\" must not include \"CHOWN\" in securityContext.capabilities.add");
        assertThat(paths(r, "capabilities_restricted"))
                .containsExactly("spec.containers[0].securityContext.capabilities.add[1]");
    }

    @Test
    void explicitContainerValueAndImplicitOnesAreAllLocated() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - {name: a, image: x, securityContext: {runAsNonRoot: false, seccompProfile: {type: Unconfined}}}
                  - {name: b, image: x}
                """;
        var r = eval(PssLevel.RESTRICTED, "latest", pod(yaml));
        assertThat(only(r, "runAsNonRoot").forbiddenDetail())
                .isEqualTo("container \"a\" must not set securityContext.runAsNonRoot=false");
        assertThat(paths(r, "runAsNonRoot")).containsExactly("spec.containers[0].securityContext.runAsNonRoot",
                "spec.securityContext.runAsNonRoot");
        assertThat(paths(r, "seccompProfile_restricted")).containsExactly(
                "spec.containers[0].securityContext.seccompProfile.type", "spec.securityContext.seccompProfile.type");
    }

    @Test
    void dropAllMustBeTheLiteralAll() {
        String yaml = TestPods.RESTRICTED_POD.replace("drop: [ALL]", "drop: [all]");
        var r = eval(PssLevel.RESTRICTED, "latest", pod(yaml));
        assertThat(ids(r)).containsExactly("capabilities_restricted");
        assertThat(eval(PssLevel.RESTRICTED, "v1.21", pod(yaml))).isEmpty();
    }
}
