package io.github.policydsl.k8s.pss;

import static io.github.policydsl.k8s.pss.TestPods.eval;
import static io.github.policydsl.k8s.pss.TestPods.ids;
import static io.github.policydsl.k8s.pss.TestPods.only;
import static io.github.policydsl.k8s.pss.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RestrictedVolumesCheckTest {

    private static String podWithVolumes(String volumes) {
        return TestPods.RESTRICTED_POD + "  volumes:\n" + volumes;
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1.0", "v1.18", "latest"})
    void newerAllowedSourcesAreAllowedAtEveryVersion(String version) {
        String yaml = podWithVolumes("""
                  - name: csi
                    csi: {driver: inline.example.com}
                  - name: eph
                    ephemeral:
                      volumeClaimTemplate:
                        spec:
                          accessModes: [ReadWriteOnce]
                          resources: {requests: {storage: 1Gi}}
                  - name: img
                    image: {reference: registry.example.com/data:1}
                  - name: nosource
                """);
        assertThat(eval(PssLevel.RESTRICTED, version, pod(yaml))).isEmpty();
    }

    @Test
    void restrictedAndUnknownSourcesFailWithPaths() {
        String yaml = podWithVolumes("""
                  - name: ok
                    emptyDir: {}
                  - name: host
                    hostPath: {path: /etc}
                  - name: repo
                    gitRepo: {repository: https://example.com/r.git}
                  - name: future
                    someFutureSource: {x: 1}
                """);
        var r = eval(PssLevel.RESTRICTED, "latest", pod(yaml));
        assertThat(ids(r)).containsExactly("restrictedVolumes");
        PssCheckResult res = only(r, "restrictedVolumes");
        assertThat(res.forbiddenDetail()).isEqualTo("volumes \"host\", \"repo\", \"future\" use restricted volume "
                + "types \"gitRepo\", \"hostPath\", \"unknown\"");
        assertThat(res.fieldPaths()).extracting(Object::toString).containsExactly(
                "spec.volumes[1].hostPath", "spec.volumes[2].gitRepo", "spec.volumes[3].someFutureSource");
        var baseline = eval(PssLevel.BASELINE, "latest", pod(yaml));
        assertThat(ids(baseline)).containsExactly("hostPathVolumes");
        assertThat(only(baseline, "hostPathVolumes").forbiddenDetail()).isEqualTo("volume \"host\"");
        assertThat(only(baseline, "hostPathVolumes").fieldPaths()).extracting(Object::toString)
                .containsExactly("spec.volumes[1].hostPath");
    }

    @Test
    void nullSourceCountsAsUnsetAndDefaultsToEmptyDir() {
        String yaml = podWithVolumes("""
                  - name: v
                    hostPath: null
                """);
        assertThat(eval(PssLevel.RESTRICTED, "latest", pod(yaml))).isEmpty();
    }
}
