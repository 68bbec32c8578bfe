package io.github.policydsl.k8s.pss;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Test helpers: pods from YAML text and short evaluation helpers. */
final class TestPods {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private TestPods() {
    }

    static Pod pod(String yaml) {
        return YAML.readValue(yaml, Pod.class);
    }

    static List<PssCheckResult> eval(PssLevel level, String version, Pod pod) {
        return PodSecurityChecks.evaluate(level, PssVersion.parse(version), pod);
    }

    static List<String> ids(List<PssCheckResult> results) {
        return results.stream().map(PssCheckResult::checkId).collect(Collectors.toList());
    }

    static List<String> paths(List<PssCheckResult> results, String checkId) {
        return results.stream().filter(r -> r.checkId().equals(checkId))
                .flatMap(r -> r.fieldPaths().stream()).map(Object::toString).collect(Collectors.toList());
    }

    static PssCheckResult only(List<PssCheckResult> results, String checkId) {
        List<PssCheckResult> matching = results.stream().filter(r -> r.checkId().equals(checkId))
                .collect(Collectors.toList());
        if (matching.size() != 1) {
            throw new AssertionError("expected one " + checkId + " result in " + ids(results));
        }
        return matching.get(0);
    }

    /** A pod that passes restricted at every version, with one init and one regular container. */
    static final String RESTRICTED_POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: ok
            spec:
              securityContext:
                runAsNonRoot: true
                seccompProfile:
                  type: RuntimeDefault
              initContainers:
              - name: init
                image: registry.k8s.io/pause
                securityContext:
                  allowPrivilegeEscalation: false
                  capabilities:
                    drop: [ALL]
              containers:
              - name: app
                image: registry.k8s.io/pause
                securityContext:
                  allowPrivilegeEscalation: false
                  capabilities:
                    drop: [ALL]
            """;
}
