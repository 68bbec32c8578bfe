package io.github.policydsl.api.exemption;

import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.SubjectRef;
import io.github.policydsl.api.result.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static io.github.policydsl.api.exemption.GovernanceFixtures.DIGEST;
import static io.github.policydsl.api.exemption.GovernanceFixtures.LIMITS;
import static io.github.policydsl.api.exemption.GovernanceFixtures.NON_ROOT;
import static io.github.policydsl.api.exemption.GovernanceFixtures.deployment;
import static io.github.policydsl.api.exemption.GovernanceFixtures.finding;
import static io.github.policydsl.api.exemption.GovernanceFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineTest {

    private static final SubjectRef WEB = deployment("prod", "web");
    private static final SubjectRef API = deployment("prod", "api");
    private static final FindingContext CTX = FindingContext.basic();

    private final Violation webNonRoot = finding(NON_ROOT, WEB, "app", "spec.template.spec.containers[0].securityContext.runAsNonRoot", 20);
    private final Violation webDigest = finding(DIGEST, WEB, "app", "spec.template.spec.containers[0].image", 21);
    private final Violation webLimits = finding(LIMITS, WEB, "app", "spec.template.spec.containers[0].resources", 22);
    private final Violation apiNonRoot = finding(NON_ROOT, API, "main", "spec.template.spec.containers[0].securityContext.runAsNonRoot", 40);

    @Test
    void recordedFindingsAreSkippedAndLineOrMessageChangesDoNotMatter() {
        Baseline b = Baseline.record(report(List.of(webNonRoot, webDigest, webLimits)), CTX);
        assertThat(b.size()).isEqualTo(3);

        Violation moved = new Violation(webNonRoot.ruleId(), webNonRoot.severity(), webNonRoot.outcome(),
                "reworded message", webNonRoot.subject(), new io.github.policydsl.api.result.Location("deploy.yaml", 99, 7),
                webNonRoot.path());
        BaselineResult r = b.apply(report(List.of(moved, webDigest, webLimits)), CTX, "baseline.json");

        assertThat(r.newViolations()).isEmpty();
        assertThat(r.fixed()).isEmpty();
        assertThat(r.report().isCompliant()).isTrue();
        assertThat(r.report().violations(Outcome.SKIP)).hasSize(3)
                .allSatisfy(v -> assertThat(v.exemption()).isEqualTo("baselined in baseline.json"));
    }

    @Test
    void ratchetANewViolationFailsAndAFixedOneDisappears() {
        Baseline b = Baseline.record(report(List.of(webNonRoot, webDigest)), CTX);

        BaselineResult r = b.apply(report(List.of(webNonRoot, apiNonRoot), API), CTX, "b");

        assertThat(r.newViolations()).containsExactly(apiNonRoot);
        assertThat(r.report().violations(Outcome.FAIL)).containsExactly(apiNonRoot);
        assertThat(r.report().isCompliant()).isFalse();
        assertThat(r.fixed()).singleElement().satisfies(f -> assertThat(f.ruleId()).isEqualTo(DIGEST.id()));
        assertThat(r.remaining().entries()).containsExactly(Fingerprint.of(webNonRoot, CTX));

        // the fixed finding comes back: the remaining baseline no longer tolerates it
        BaselineResult again = r.remaining().apply(report(List.of(webNonRoot, webDigest)), CTX, "b");
        assertThat(again.newViolations()).containsExactly(webDigest);
    }

    @Test
    void entriesOfRulesThatWereNotEvaluatedAreKept() {
        Baseline b = Baseline.record(report(List.of(webNonRoot, webDigest)), CTX);
        Report onlyNonRoot = report(List.of(webNonRoot)).retainRules(NON_ROOT.id()::equals);

        BaselineResult r = b.apply(onlyNonRoot, CTX, "b");

        assertThat(r.fixed()).isEmpty();
        assertThat(r.remaining()).isEqualTo(b);
    }

    @Test
    void theFileIsDeterministicAndRoundTrips() {
        List<Violation> all = new ArrayList<>(List.of(webNonRoot, webDigest, webLimits, apiNonRoot));
        String first = Baseline.record(report(all), CTX).toJson();
        Collections.shuffle(all, new Random(42));
        String second = Baseline.record(report(all), CTX).toJson();

        assertThat(second).isEqualTo(first);
        assertThat(first).doesNotContain("is bad").doesNotContain("\"line\"").doesNotContain("99");
        assertThat(first.indexOf("k8s.image-digest")).isLessThan(first.indexOf("k8s.resource-limits"));
        assertThat(Baseline.parse(first, "b.json").toJson()).isEqualTo(first);
    }

    @Test
    void malformedFilesFailNamingFileAndLine() {
        assertThatThrownBy(() -> Baseline.parse("{\"baselineVersion\": 1, \"violations\": [\n {\"kind\": \"Pod\"}\n]}", "b.json"))
                .isInstanceOf(PolicyFileException.class).hasMessage("b.json:2: missing 'rule'");
        assertThatThrownBy(() -> Baseline.parse("{\"baselineVersion\": 2, \"violations\": []}", "b.json"))
                .hasMessageStartingWith("b.json:1: unsupported baselineVersion");
        assertThatThrownBy(() -> Baseline.parse("{\"baselineVersion\": 1,\n\"violations\": [\n {\"rule\": \"r\", \"kind\": \"Pod\", \"line\": \"3\"}]}", "b.json"))
                .hasMessageStartingWith("b.json:3: unknown key 'line'");
        assertThatThrownBy(() -> Baseline.parse("not json", "b.json")).isInstanceOf(PolicyFileException.class)
                .hasMessageStartingWith("b.json:1: cannot parse");
    }

    @Test
    void theRatchetRefusesToCreateUnlessAllowedAndPrunesFixedEntries(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("baseline.json");
        BaselineStore store = BaselineStore.file(file);
        Report before = report(List.of(webNonRoot, webDigest));

        assertThatThrownBy(() -> BaselineRatchet.using(store).apply(before, CTX))
                .isInstanceOf(BaselineRatchet.BaselineException.class).hasMessageContaining("not allowed");
        assertThat(file).doesNotExist();

        BaselineResult created = BaselineRatchet.using(store).allowCreation(true).apply(before, CTX);
        assertThat(created.report().isCompliant()).isTrue();
        assertThat(store.load()).contains(Baseline.record(before, CTX));

        BaselineResult readOnly = BaselineRatchet.using(store).allowUpdate(false).apply(report(List.of(webNonRoot)), CTX);
        assertThat(readOnly.fixed()).hasSize(1);
        assertThat(store.load().orElseThrow().size()).isEqualTo(2);

        BaselineResult pruned = BaselineRatchet.using(store).apply(report(List.of(webNonRoot)), CTX);
        assertThat(pruned.fixed()).hasSize(1);
        assertThat(store.load().orElseThrow().entries()).containsExactly(Fingerprint.of(webNonRoot, CTX));
        assertThat(Files.readString(file)).doesNotContain(DIGEST.id());

        assertThatThrownBy(() -> BaselineRatchet.using(store).allowUpdate(false).refreeze(true).apply(before, CTX))
                .isInstanceOf(BaselineRatchet.BaselineException.class);
    }
}
