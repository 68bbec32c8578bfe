package io.github.policydsl.api.report;

import io.github.policydsl.api.Level;
import io.github.policydsl.api.Severity;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.api.result.InputInfo;
import io.github.policydsl.api.result.Location;
import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.RuleInfo;
import io.github.policydsl.api.result.RuleResult;
import io.github.policydsl.api.result.SubjectRef;
import io.github.policydsl.api.result.Violation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWritersTest {

    private static final RuleInfo RULE = new RuleInfo("k8s.x", "pods must x", Severity.HIGH, Level.MUST, "do x");
    private static final SubjectRef POD = new SubjectRef("v1", "Pod", "prod", "web", "");

    private static Report report() {
        Violation late = new Violation("k8s.x", Severity.HIGH, Outcome.FAIL, "is not x", POD.withContainer("b"),
                new Location("b.yaml", 20, 5), FieldPath.parse("spec.containers[1].x"));
        Violation early = new Violation("k8s.x", Severity.HIGH, Outcome.FAIL, "is not x", POD.withContainer("a"),
                new Location("a.yaml", 3, 7), FieldPath.parse("spec.containers[0].x"));
        Violation warn = new Violation("k8s.x", Severity.HIGH, Outcome.WARN, "should x", POD,
                new Location("a.yaml", 1, 1), FieldPath.root());
        return new Report(List.of(
                new RuleResult(RULE, POD, new Location("b.yaml", 1, 1), Outcome.FAIL, List.of(late)),
                new RuleResult(RULE, POD, new Location("a.yaml", 1, 1), Outcome.FAIL, List.of(early)),
                new RuleResult(RULE, POD, new Location("a.yaml", 1, 1), Outcome.WARN, List.of(warn)),
                new RuleResult(RULE, POD, new Location("c.yaml", 1, 1), Outcome.PASS, List.of())),
                List.of(RULE), List.of(new InputInfo("b.yaml", "manifest", 1), new InputInfo("a.yaml", "manifest", 2)));
    }

    @Test
    void textPutsViolationsFirstEachStartingWithFileLineColumn() {
        assertThat(TextReportWriter.standard().render(report())).isEqualTo("""
                a.yaml:3:7: FAIL HIGH k8s.x Pod prod/web, container "a": is not x [spec.containers[0].x]
                b.yaml:20:5: FAIL HIGH k8s.x Pod prod/web, container "b": is not x [spec.containers[1].x]
                a.yaml:1:1: WARN HIGH k8s.x Pod prod/web: should x
                2 files, 1 rule, 4 results: pass 1, fail 2, warn 1, error 0, skip 0
                """);
    }

    @Test
    void jsonFollowsTheScannerContract() {
        JsonNode root = JsonMapper.builder().build().readTree(JsonReportWriter.create().render(report()));
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(root.get("inputs")).hasSize(2);
        assertThat(root.get("inputs").get(0).get("file").asString()).isEqualTo("a.yaml");
        assertThat(root.get("inputs").get(0).get("objects").asInt()).isEqualTo(2);
        JsonNode f = root.get("findings").get(1);
        assertThat(f.get("ruleId").asString()).isEqualTo("k8s.x");
        assertThat(f.get("status").asString()).isEqualTo("FAIL");
        assertThat(f.get("severity").asString()).isEqualTo("HIGH");
        assertThat(f.get("file").asString()).isEqualTo("a.yaml");
        assertThat(f.get("line").asInt()).isEqualTo(3);
        assertThat(f.get("column").asInt()).isEqualTo(7);
        assertThat(f.get("path").asString()).isEqualTo("spec.containers[0].x");
        assertThat(f.get("resource").get("kind").asString()).isEqualTo("Pod");
        assertThat(f.get("resource").get("namespace").asString()).isEqualTo("prod");
        assertThat(root.get("findings")).hasSize(3);
        JsonNode s = root.get("summary");
        assertThat(List.of(s.get("pass").asInt(), s.get("fail").asInt(), s.get("warn").asInt(), s.get("error").asInt(),
                s.get("skip").asInt())).containsExactly(1, 2, 1, 0, 0);
    }
}
