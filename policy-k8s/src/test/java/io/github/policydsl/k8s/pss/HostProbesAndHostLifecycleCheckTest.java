package io.github.policydsl.k8s.pss;

import static io.github.policydsl.k8s.pss.TestPods.eval;
import static io.github.policydsl.k8s.pss.TestPods.ids;
import static io.github.policydsl.k8s.pss.TestPods.only;
import static io.github.policydsl.k8s.pss.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostProbesAndHostLifecycleCheckTest {

    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              initContainers:
              - name: sidecar
                image: x
                restartPolicy: Always
                startupProbe:
                  httpGet: {host: 10.0.0.1, port: 80}
              containers:
              - name: app
                image: x
                livenessProbe:
                  tcpSocket: {host: example.com, port: 81}
                readinessProbe:
                  grpc: {port: 9000}
                lifecycle:
                  postStart:
                    httpGet:
                      port: 80
                      host: ""
                      httpHeaders:
                      - {name: Host, value: evil.example.com}
                  preStop:
                    tcpSocket: {host: "::1", port: 82}
              - name: quiet
                image: x
                livenessProbe:
                  exec: {command: [true]}
                lifecycle:
                  preStop:
                    sleep: {seconds: 5}
            """;

    @Test
    void everyProbeAndHookHostIsChecked() {
        List<PssCheckResult> r = eval(PssLevel.BASELINE, "v1.34", pod(POD));
        assertThat(ids(r)).containsExactly("hostProbesAndHostLifecycle");
        PssCheckResult res = only(r, "hostProbesAndHostLifecycle");
        assertThat(res.forbiddenReason()).isEqualTo("probe or lifecycle host");
        assertThat(res.forbiddenDetail()).isEqualTo("containers \"sidecar\", \"app\" use probe or lifecycle hosts "
                + "\"10.0.0.1\", \"::1\", \"example.com\"");
        assertThat(res.fieldPaths()).extracting(Object::toString).containsExactly(
                "spec.initContainers[0].startupProbe.httpGet.host",
                "spec.containers[0].livenessProbe.tcpSocket.host",
                "spec.containers[0].lifecycle.preStop.tcpSocket.host");
    }

    @Test
    void checkStartsAtV134() {
        assertThat(eval(PssLevel.BASELINE, "v1.33", pod(POD))).isEmpty();
        assertThat(ids(eval(PssLevel.RESTRICTED, "latest", pod(POD)))).contains("hostProbesAndHostLifecycle");
    }

    @Test
    void emptyHostsAndOtherHandlersPass() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - name: app
                    image: x
                    livenessProbe:
                      httpGet: {port: 80, host: ""}
                    startupProbe:
                      tcpSocket: {port: 80}
                    lifecycle:
                      postStart:
                        exec: {command: [true]}
                """;
        assertThat(eval(PssLevel.BASELINE, "latest", pod(yaml))).isEmpty();
    }
}
