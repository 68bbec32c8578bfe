package io.github.policydsl.k8s;

import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.k8s.load.ManifestLoader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Effective values of a container: its own securityContext field, else the pod's for fields the
 * pod can set, else the API server's default or unset; each with the path it comes from.
 */
class ContainerRefEffectiveTest {

    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              securityContext:
                runAsNonRoot: true
                runAsUser: 1000
                seccompProfile: {type: RuntimeDefault}
              containers:
              - name: own
                image: x
                securityContext:
                  runAsNonRoot: false
                  runAsUser: 0
                  seccompProfile: {type: Unconfined}
                  privileged: true
                  allowPrivilegeEscalation: false
                  readOnlyRootFilesystem: true
              - name: inherits
                image: y
              - name: empty
                image: z
                securityContext: {}
            """;

    private static List<ContainerRef> containers(String yaml) {
        Manifests m = ManifestLoader.defaults().loadString("pod.yaml", yaml);
        assertThat(m.isClean()).isTrue();
        return PodTemplate.all(m).get(0).containers();
    }

    private static FieldPath path(String dotted) {
        return FieldPath.parse(dotted);
    }

    @Test
    void aContainersOwnFieldsWin() {
        ContainerRef c = containers(POD).get(0);
        String sc = "spec.containers[0].securityContext.";
        assertThat(c.runAsNonRoot()).isEqualTo(new Effective<>(false, path(sc + "runAsNonRoot"), "container"));
        assertThat(c.runAsUser()).isEqualTo(new Effective<>(0L, path(sc + "runAsUser"), "container"));
        assertThat(c.seccompProfileType())
                .isEqualTo(new Effective<>("Unconfined", path(sc + "seccompProfile.type"), "container"));
        assertThat(c.privileged()).isEqualTo(new Effective<>(true, path(sc + "privileged"), "container"));
        assertThat(c.allowPrivilegeEscalation())
                .isEqualTo(new Effective<>(false, path(sc + "allowPrivilegeEscalation"), "container"));
        assertThat(c.readOnlyRootFilesystem())
                .isEqualTo(new Effective<>(true, path(sc + "readOnlyRootFilesystem"), "container"));
    }

    @Test
    void podFieldsAreInheritedAndContainerOnlyFieldsTakeTheDefaults() {
        for (ContainerRef c : containers(POD).subList(1, 3)) {
            assertThat(c.runAsNonRoot()).isEqualTo(new Effective<>(true, path("spec.securityContext.runAsNonRoot"), "pod"));
            assertThat(c.runAsUser()).isEqualTo(new Effective<>(1000L, path("spec.securityContext.runAsUser"), "pod"));
            assertThat(c.seccompProfileType())
                    .isEqualTo(new Effective<>("RuntimeDefault", path("spec.securityContext.seccompProfile.type"), "pod"));
            assertThat(c.privileged()).isEqualTo(new Effective<>(false, null, "default"));
            assertThat(c.allowPrivilegeEscalation()).isEqualTo(new Effective<>(true, null, "default"));
            assertThat(c.readOnlyRootFilesystem()).isEqualTo(new Effective<>(false, null, "default"));
            assertThat(c.privileged().describe()).isEqualTo("false (the default)");
        }
    }

    @Test
    void fieldsSetNowhereAreUnset() {
        ContainerRef c = containers(POD.replaceAll("(?s)  securityContext:\n    runAsNonRoot: true\n"
                + "    runAsUser: 1000\n    seccompProfile: \\{type: RuntimeDefault}\n", "")).get(1);
        assertThat(c.name()).isEqualTo("inherits");
        for (Effective<?> e : List.of(c.runAsNonRoot(), c.runAsUser(), c.seccompProfileType())) {
            assertThat(e).isEqualTo(Effective.unset());
            assertThat(e.isSet()).isFalse();
            assertThat(e.source()).isNull();
            assertThat(e.origin()).isEqualTo("unset");
            assertThat(e.describe()).isEqualTo("unset on the container and the pod");
        }
    }

    @Test
    void anInheritedFieldGivenAsNamesResolvesTheSameWay() {
        List<ContainerRef> all = containers(POD);
        assertThat(all.get(0).inherited(sc -> sc.getRunAsUser(), psc -> psc.getRunAsUser(), "runAsUser"))
                .isEqualTo(all.get(0).runAsUser());
        assertThat(all.get(1).inherited(sc -> sc.getRunAsUser(), psc -> psc.getRunAsUser(), "runAsUser"))
                .isEqualTo(all.get(1).runAsUser());
    }
}
