package io.github.policydsl.api.exemption;

import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.RuleResult;
import io.github.policydsl.api.result.SubjectRef;
import io.github.policydsl.api.result.Violation;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.github.policydsl.api.exemption.GovernanceFixtures.DIGEST;
import static io.github.policydsl.api.exemption.GovernanceFixtures.LIMITS;
import static io.github.policydsl.api.exemption.GovernanceFixtures.NON_ROOT;
import static io.github.policydsl.api.exemption.GovernanceFixtures.deployment;
import static io.github.policydsl.api.exemption.GovernanceFixtures.finding;
import static io.github.policydsl.api.exemption.GovernanceFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExemptionsTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 15);
    private static final SubjectRef WEB = deployment("prod", "web");
    private static final SubjectRef API = deployment("prod", "api");

    private final Report report = report(List.of(
            finding(NON_ROOT, WEB, "setup", "spec.template.spec.initContainers[0].securityContext.runAsNonRoot", 10),
            finding(NON_ROOT, WEB, "app", "spec.template.spec.containers[0].securityContext.runAsNonRoot", 20),
            finding(DIGEST, WEB, "app", "spec.template.spec.containers[0].image", 21),
            finding(NON_ROOT, API, "main", "spec.template.spec.containers[0].securityContext.runAsNonRoot", 40)));

    @Test
    void perContainerExemptionSkipsOnlyThatContainerWithTheReason() {
        Exemptions ex = Exemptions.of(Exemption.forRule(NON_ROOT.id()).kind("Deployment").namespace("prod").name("web")
                .container("setup").because("chown of the volume; SEC-1"));

        Report out = ex.apply(report, FindingContext.basic(), TODAY).report();

        List<Violation> skipped = out.violations(Outcome.SKIP);
        assertThat(skipped).hasSize(1);
        assertThat(skipped.get(0).subject().container()).isEqualTo("setup");
        assertThat(skipped.get(0).exemption()).startsWith("chown of the volume; SEC-1 (exemption <code>");
        assertThat(skipped.get(0).toLine()).contains("(exempted: chown of the volume; SEC-1");
        assertThat(out.violations(Outcome.FAIL)).extracting(v -> v.subject().container())
                .containsExactlyInAnyOrder("app", "app", "main");
        assertThat(out.summary().fail()).isEqualTo(3);
        assertThat(out.summary().skip()).isEqualTo(1);
    }

    @Test
    void globAndPathMatchersNarrowTheExemption() {
        Exemptions ex = Exemptions.of(Exemption.forRule("k8s.*").name("w*").path("spec.template.spec.containers[0]")
                .because("legacy"));

        Report out = ex.apply(report, FindingContext.basic(), TODAY).report();

        assertThat(out.violations(Outcome.SKIP)).extracting(Violation::ruleId)
                .containsExactlyInAnyOrder(NON_ROOT.id(), DIGEST.id());
        assertThat(out.violations(Outcome.FAIL)).extracting(v -> v.subject().name()).containsExactlyInAnyOrder("web", "api");
    }

    @Test
    void anExemptionAppliesOnItsExpiryDateAndIsReportedAfterIt() {
        Exemption e = Exemption.forRule(NON_ROOT.id()).name("api").because("migrating").until(LocalDate.of(2027, 1, 15));

        ExemptionResult onTheDay = Exemptions.of(e).apply(report, FindingContext.basic(), TODAY);
        assertThat(onTheDay.expired()).isEmpty();
        assertThat(onTheDay.report().violations(Outcome.SKIP)).hasSize(1);

        ExemptionResult dayAfter = Exemptions.of(e).apply(report, FindingContext.basic(), TODAY.plusDays(1));
        assertThat(dayAfter.expired()).containsExactly(e);
        assertThat(dayAfter.unused()).isEmpty();
        assertThat(dayAfter.report().violations(Outcome.SKIP)).isEmpty();
        assertThat(dayAfter.report().violations(Outcome.FAIL)).hasSize(4);
        List<Violation> notes = dayAfter.report().violations(Outcome.WARN).stream()
                .filter(v -> v.ruleId().equals(Exemptions.EXPIRED_ID)).toList();
        assertThat(notes).singleElement().satisfies(v -> assertThat(v.message())
                .contains("expired on 2027-01-15").contains("1 finding it would cover now count").contains("migrating"));
        assertThat(dayAfter.report().rules()).contains(Exemptions.EXPIRED);
    }

    @Test
    void anExemptionThatMatchesNothingIsReportedAsUnused() {
        Exemption typo = Exemption.forRule("k8s.run-as-nonroot").because("typo in the rule id");
        Exemption used = Exemption.forRule(DIGEST.id()).because("pinned by the deploy tool");

        ExemptionResult r = Exemptions.of(typo, used).apply(report, FindingContext.basic(), TODAY);

        assertThat(r.unused()).containsExactly(typo);
        assertThat(r.report().violations(Outcome.WARN)).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo(Exemptions.UNUSED_ID);
            assertThat(v.message()).contains("matched no finding");
        });
        assertThat(r.report().isCompliant()).isFalse();
    }

    @Test
    void annotationsExemptTheirObjectUnlessThePolicyTurnsThemOff() {
        FindingContext ctx = GovernanceFixtures.annotated(Map.of("api", Map.of(Exemptions.ANNOTATION,
                "k8s.image-*, k8s.run-as-non-root", Exemptions.REASON_ANNOTATION, "vendor image")), Map.of());

        Report on = Exemptions.none().apply(report, ctx, TODAY).report();
        assertThat(on.violations(Outcome.SKIP)).singleElement().satisfies(v -> {
            assertThat(v.subject().name()).isEqualTo("api");
            assertThat(v.exemption()).isEqualTo("vendor image (annotation policydsl.io/exempt on Deployment prod/api)");
        });

        Report off = Exemptions.none().withAnnotations(false).apply(report, ctx, TODAY).report();
        assertThat(off.violations(Outcome.SKIP)).isEmpty();
        assertThat(off.violations(Outcome.FAIL)).hasSize(4);
    }

    @Test
    void anAnnotationWithoutReasonExemptsNothingAndIsReported() {
        FindingContext ctx = GovernanceFixtures.annotated(Map.of("web", Map.of(Exemptions.ANNOTATION, "k8s.*")), Map.of());

        Report out = Exemptions.none().apply(report, ctx, TODAY).report();

        assertThat(out.violations(Outcome.SKIP)).isEmpty();
        assertThat(out.violations(Outcome.WARN)).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo(Exemptions.INVALID_ID);
            assertThat(v.subject().name()).isEqualTo("web");
        });
    }

    @Test
    void labelsMustAllMatch() {
        FindingContext ctx = GovernanceFixtures.annotated(Map.of(), Map.of("web", Map.of("team", "storage", "tier", "1")));
        Exemption e = Exemption.forRule(DIGEST.id()).label("team", "storage").because("storage team images");

        assertThat(Exemptions.of(e).apply(report, ctx, TODAY).report().violations(Outcome.SKIP)).hasSize(1);
        assertThat(Exemptions.of(e.label("tier", "2")).apply(report, ctx, TODAY).report().violations(Outcome.SKIP))
                .isEmpty();
    }

    @Test
    void warningsAreExemptableButErrorsNever() {
        Violation warn = finding(LIMITS, WEB, "app", "spec.template.spec.containers[0].resources", 22);
        Violation error = new Violation(NON_ROOT.id(), NON_ROOT.severity(), Outcome.ERROR, "could not evaluate",
                API, warn.location(), warn.path());
        Report r = report(List.of(warn)).and(new Report(List.of(new RuleResult(NON_ROOT, API, warn.location(),
                Outcome.ERROR, List.of(error))), List.of(), List.of()));

        Report out = Exemptions.of(Exemption.forRule("*").because("everything")).apply(r, FindingContext.basic(), TODAY)
                .report();

        assertThat(out.summary().skip()).isEqualTo(1);
        assertThat(out.summary().error()).isEqualTo(1);
    }

    @Test
    void exemptionsNeedAReason() {
        assertThatThrownBy(() -> Exemptions.of(Exemption.forRule("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no reason");
    }

    @Test
    void aJsonFileIsReadWithOriginsAndItsErrorsNameTheLine() {
        String json = """
                {"version": 1,
                 "annotations": false,
                 "exemptions": [
                   {"rule": "k8s.run-as-non-root", "name": "web", "container": "setup",
                    "reason": "SEC-1", "expires": "2027-03-31"}
                 ]}
                """;
        Exemptions ex = parse(json);
        assertThat(ex.allowsAnnotations()).isFalse();
        assertThat(ex.exemptions()).singleElement().satisfies(e -> {
            assertThat(e.origin().file()).isEqualTo("ex.json");
            assertThat(e.origin().line()).isEqualTo(4);
            assertThat(e.expires()).contains(LocalDate.of(2027, 3, 31));
        });

        assertThatThrownBy(() -> parse("""
                {"exemptions": [
                  {"rule": "a", "reason": "ok"},
                  {"rule": "b", "reason": "ok", "expires": "next week"}
                ]}
                """)).isInstanceOf(PolicyFileException.class).hasMessageStartingWith("ex.json:3: 'expires' must be a date");
        assertThatThrownBy(() -> parse("""
                {"exemptions": [
                  {"rule": "a", "namepsace": "x", "reason": "ok"}
                ]}
                """)).hasMessageStartingWith("ex.json:2: unknown key 'namepsace'");
        assertThatThrownBy(() -> parse("{\"exemptions\": [\n{\"rule\": \"a\"}]}"))
                .hasMessageStartingWith("ex.json:2: missing 'reason'");
        assertThatThrownBy(() -> parse("{\"exemptions\": [\n{\"rule\": \"a\",,}]}"))
                .isInstanceOf(PolicyFileException.class).hasMessageStartingWith("ex.json:2: cannot parse");
    }

    private static Exemptions parse(String json) {
        try (JsonParser p = JsonMapper.builder().build().createParser(json)) {
            return Exemptions.parse(p, "ex.json");
        }
    }
}
