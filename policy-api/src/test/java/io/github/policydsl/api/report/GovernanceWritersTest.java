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
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GovernanceWritersTest {

    private static final RuleInfo MUST = new RuleInfo("a.must", "pods must <be> \"safe\" & sound", Severity.HIGH, Level.MUST, "fix it");
    private static final RuleInfo SHOULD = new RuleInfo("a.should", "pods should be nice", Severity.LOW, Level.SHOULD, "");
    private static final SubjectRef WEB = new SubjectRef("apps/v1", "Deployment", "prod", "web", "");

    private static Report report() {
        Location at = new Location("/repo/deploy/web.yaml", 12, 5);
        Violation fail = new Violation(MUST.id(), MUST.severity(), Outcome.FAIL, "is <not> safe & \"sound\"",
                WEB.withContainer("app"), at, FieldPath.parse("spec.template.spec.containers[0].securityContext"));
        Violation exempt = new Violation(MUST.id(), MUST.severity(), Outcome.FAIL, "also bad", WEB, at,
                FieldPath.parse("spec.template.spec.hostNetwork")).exempt("legacy; SEC-9");
        Violation warn = new Violation(SHOULD.id(), SHOULD.severity(), Outcome.WARN, "is not nice", WEB, at,
                FieldPath.parse("spec"));
        SubjectRef api = new SubjectRef("v1", "Pod", "", "api", "");
        return new Report(List.of(
                new RuleResult(MUST, WEB.withContainer("app"), at, Outcome.FAIL, List.of(fail)),
                new RuleResult(MUST, WEB, at, Outcome.SKIP, List.of(exempt)),
                new RuleResult(SHOULD, WEB, at, Outcome.WARN, List.of(warn)),
                new RuleResult(SHOULD, api, Location.unknown("/repo/api.yaml"), Outcome.PASS, List.of())),
                List.of(MUST, SHOULD), List.of(new InputInfo("/repo/deploy/web.yaml", "manifest", 1)));
    }

    @Test
    void sarifListsRulesAndRelativeLocationsAndSuppressesExemptedFindings() {
        JsonNode sarif = JsonMapper.builder().build().readTree(
                SarifReportWriter.create().relativeTo(Path.of("/repo")).render(report()));

        assertThat(sarif.get("version").asString()).isEqualTo("2.1.0");
        JsonNode run = sarif.get("runs").get(0);
        assertThat(run.at("/tool/driver/rules/0/id").asString()).isEqualTo("a.must");
        assertThat(run.at("/tool/driver/rules/0/help/text").asString()).isEqualTo("fix it");
        assertThat(run.at("/tool/driver/rules/0/defaultConfiguration/level").asString()).isEqualTo("error");
        assertThat(run.at("/tool/driver/rules/1/defaultConfiguration/level").asString()).isEqualTo("warning");
        JsonNode results = run.get("results");
        assertThat(results.size()).isEqualTo(3);
        JsonNode first = results.get(0);
        assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uri").asString()).isEqualTo("deploy/web.yaml");
        assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").asString()).isEqualTo("%SRCROOT%");
        assertThat(first.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(12);
        assertThat(first.at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(5);
        assertThat(first.at("/locations/0/logicalLocations/0/fullyQualifiedName").asString())
                .isEqualTo("apps/v1/Deployment/prod/web");
        long suppressed = 0;
        for (JsonNode r : results) {
            if (r.has("suppressions")) {
                suppressed++;
                assertThat(r.at("/suppressions/0/justification").asString()).isEqualTo("legacy; SEC-9");
            }
            assertThat(r.at("/partialFingerprints/policydsl~1v1").asString()).hasSize(32);
        }
        assertThat(suppressed).isEqualTo(1);
    }

    @Test
    void junitXmlHasOneCasePerRuleAndSubjectAndEscapesText() throws Exception {
        String xml = JUnitXmlReportWriter.create().render(report());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("4");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        assertThat(root.getAttribute("skipped")).isEqualTo("1");
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(2);
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(4);
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("is <not> safe & \"sound\"");
        assertThat(failure.getTextContent()).contains("deploy/web.yaml:12:5: FAIL HIGH a.must");
        Element skipped = (Element) doc.getElementsByTagName("skipped").item(0);
        assertThat(skipped.getAttribute("message")).isEqualTo("exempted: legacy; SEC-9");
        assertThat(doc.getElementsByTagName("system-out").item(0).getTextContent()).contains("is not nice");
        assertThat(JUnitXmlReportWriter.create().render(report())).isEqualTo(xml);
    }

    @Test
    void jsonAndTextCarryTheExemptionReason() {
        assertThat(JsonReportWriter.create().toTree(report()).get("findings").findValuesAsString("exemption"))
                .containsExactly("legacy; SEC-9");
        assertThat(TextReportWriter.verbose().render(report())).contains("(exempted: legacy; SEC-9)");
    }
}
