package io.github.policydsl.k8s.pss;

import static io.github.policydsl.k8s.pss.TestPods.eval;
import static io.github.policydsl.k8s.pss.TestPods.ids;
import static io.github.policydsl.k8s.pss.TestPods.only;
import static io.github.policydsl.k8s.pss.TestPods.paths;
import static io.github.policydsl.k8s.pss.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The fixtures only test the annotations; these cover the fields and mixes of both. */
class AppArmorProfileCheckTest {

    private static String podWithFields(String podProfile, String containerProfile) {
        return """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  securityContext:
                    appArmorProfile: %s
                  containers:
                  - name: app
                    image: x
                    securityContext:
                      appArmorProfile: %s
                """.formatted(podProfile, containerProfile);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{type: RuntimeDefault} | {type: Localhost, localhostProfile: p} | v1.0",
        "null                   | {type: RuntimeDefault}                  | latest",
        "{type: Localhost}      | null                                    | v1.30"})
    void allowedFieldValuesPassAtEveryVersion(String podProfile, String containerProfile, String version) {
        assertThat(eval(PssLevel.BASELINE, version, pod(podWithFields(podProfile, containerProfile)))).isEmpty();
    }

    @Test
    void unconfinedFieldsFailWithPathsToTheType() {
        List<PssCheckResult> r = eval(PssLevel.BASELINE, "v1.0",
                pod(podWithFields("{type: Unconfined}", "{type: Unconfined}")));
        assertThat(ids(r)).containsExactly("appArmorProfile");
        PssCheckResult res = only(r, "appArmorProfile");
        assertThat(res.forbiddenReason()).isEqualTo("forbidden AppArmor profiles");
        assertThat(res.forbiddenDetail()).isEqualTo(
                "container \"app\" securityContext.appArmorProfile.type=\"Unconfined\", "
                        + "pod securityContext.appArmorProfile.type=\"Unconfined\"");
        assertThat(res.fieldPaths()).extracting(Object::toString).containsExactly(
                "spec.securityContext.appArmorProfile.type",
                "spec.containers[0].securityContext.appArmorProfile.type");
    }

    @Test
    void presentProfileWithoutOrWithEmptyTypeFails() {
        assertThat(ids(eval(PssLevel.BASELINE, "latest", pod(podWithFields("{}", "null")))))
                .containsExactly("appArmorProfile");
        PssCheckResult r = only(eval(PssLevel.BASELINE, "latest", pod(podWithFields("null", "{type: ''}"))),
                "appArmorProfile");
        assertThat(r.forbiddenReason()).isEqualTo("forbidden AppArmor profile");
        assertThat(r.fieldPaths()).extracting(Object::toString)
                .containsExactly("spec.containers[0].securityContext.appArmorProfile.type");
        assertThat(ids(eval(PssLevel.BASELINE, "latest", pod(podWithFields("{type: runtime/default}", "null")))))
                .as("the annotation spelling is not a valid field type").containsExactly("appArmorProfile");
    }

    @Test
    void annotationsAreCheckedForEveryKeyWithThePrefix() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    container.apparmor.security.beta.kubernetes.io/app: runtime/default
                    container.apparmor.security.beta.kubernetes.io/sidecar: localhost/custom
                    container.apparmor.security.beta.kubernetes.io/empty: ""
                    container.apparmor.security.beta.kubernetes.io/nosuchcontainer: unconfined
                    apparmor.security.beta.kubernetes.io/other: unconfined
                spec:
                  containers:
                  - {name: app, image: x}
                """;
        List<PssCheckResult> r = eval(PssLevel.BASELINE, "latest", pod(yaml));
        PssCheckResult res = only(r, "appArmorProfile");
        assertThat(res.forbiddenReason()).isEqualTo("forbidden AppArmor profile");
        assertThat(res.forbiddenDetail())
                .isEqualTo("container.apparmor.security.beta.kubernetes.io/nosuchcontainer=\"unconfined\"");
        assertThat(paths(r, "appArmorProfile"))
                .containsExactly("metadata.annotations.container.apparmor.security.beta.kubernetes.io/nosuchcontainer");
        assertThat(res.fieldPaths().get(0).segments()).containsExactly("metadata", "annotations",
                "container.apparmor.security.beta.kubernetes.io/nosuchcontainer");
    }

    @Test
    void annotationAndFieldViolationsAreReportedTogether() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    container.apparmor.security.beta.kubernetes.io/app: unconfined
                spec:
                  containers:
                  - name: app
                    image: x
                    securityContext:
                      appArmorProfile: {type: Unconfined}
                """;
        PssCheckResult res = only(eval(PssLevel.RESTRICTED, "latest", pod(yaml)), "appArmorProfile");
        assertThat(res.forbiddenReason()).isEqualTo("forbidden AppArmor profiles");
        assertThat(res.fieldPaths()).extracting(Object::toString).containsExactly(
                "spec.containers[0].securityContext.appArmorProfile.type",
                "metadata.annotations.container.apparmor.security.beta.kubernetes.io/app");
    }
}
