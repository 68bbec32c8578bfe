package io.github.policydsl.docker.assertj;

import io.github.policydsl.api.Policy;
import io.github.policydsl.api.Rule;
import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.Violation;
import io.github.policydsl.docker.DockerfileSubject;
import io.github.policydsl.docker.Dockerfiles;
import io.github.policydsl.docker.StageSubject;
import io.github.policydsl.docker.ast.Dockerfile;
import io.github.policydsl.docker.condition.StageConditions;
import org.assertj.core.api.AbstractAssert;

import java.util.List;
import java.util.Locale;

/**
 * AssertJ assertions on a parsed Dockerfile. Failure messages name the file, the stage and the
 * line, never the AST's {@code toString}:
 *
 * <pre>
 * Expecting Dockerfile "app/Dockerfile" final stage "runtime" to run as a non-root user, but USER is root (line 12)
 * </pre>
 *
 * Verdicts come from the conditions and rules of the {@code dockerfile} pack. Navigation
 * ({@link #stage(String)}, {@link #finalStage()}) returns hard assertions even inside soft
 * assertions; use {@link DockerSoftAssertions#assertThatStage(Dockerfile, String)} there.
 */
public class DockerfileAssert extends AbstractAssert<DockerfileAssert, Dockerfile> {

    private DockerfileSubject subject;

    /**
     * Creates the assertion; use {@link DockerAssertions#assertThat(Dockerfile)}.
     *
     * @param actual the Dockerfile
     */
    public DockerfileAssert(Dockerfile actual) {
        super(actual, DockerfileAssert.class);
    }

    private DockerfileSubject subject() {
        if (subject == null) {
            subject = Dockerfiles.of(actual).files().get(0);
        }
        return subject;
    }

    private String name() {
        return "Dockerfile \"" + actual.sourceName() + "\"";
    }

    private void fail(String message) {
        failWithMessage(message.replace("%", "%%"));
    }

    /** A stage assertion that keeps this assertion's description ({@code as(...)}). */
    private StageAssert navigate(StageSubject stage) {
        StageAssert a = new StageAssert(stage);
        String description = descriptionText();
        return description == null || description.isEmpty() ? a : a.as(info.description());
    }

    /**
     * Assertions on the final stage (the default build target).
     *
     * @return assertions on the stage
     */
    public StageAssert finalStage() {
        isNotNull();
        if (subject().finalStage().isEmpty()) {
            fail("\nExpecting " + name() + " to have a final stage, but it has no FROM instruction");
        }
        return navigate(subject().finalStage().orElse(null));
    }

    /**
     * Assertions on one stage, by name (case-insensitive) or index.
     *
     * @param nameOrIndex e.g. {@code build} or {@code 0}
     * @return assertions on the stage
     */
    public StageAssert stage(String nameOrIndex) {
        isNotNull();
        return actual.stage(nameOrIndex).map(s -> navigate(subject().stages().get(s.index()))).orElseGet(() -> {
            fail("\nExpecting " + name() + " to have a stage named \"" + nameOrIndex.toLowerCase(Locale.ROOT)
                    + "\", but its stages are " + subject().stages().stream()
                            .map(s -> s.stage().name().map(n -> "\"" + n + "\"").orElse(String.valueOf(s.index())))
                            .toList());
            return null;
        });
    }

    /**
     * Verifies that the final stage runs as a non-root user (see {@link StageAssert#runsAsNonRoot()}).
     *
     * @return this
     */
    public DockerfileAssert finalStageRunsAsNonRoot() {
        finalStage().runsAsNonRoot();
        return this;
    }

    /**
     * Verifies that the final stage's ENTRYPOINT is in exec form (see
     * {@link StageAssert#usesExecFormEntrypoint()}).
     *
     * @return this
     */
    public DockerfileAssert usesExecFormEntrypoint() {
        finalStage().usesExecFormEntrypoint();
        return this;
    }

    /**
     * Verifies that the final stage builds on a minimal image.
     *
     * @return this
     */
    public DockerfileAssert finalStageUsesMinimalBaseImage() {
        finalStage().usesMinimalBaseImage();
        return this;
    }

    /**
     * Verifies that every stage's base image is pinned by digest ({@code scratch} and stages built on
     * an earlier stage pass); lists every stage that is not.
     *
     * @return this
     */
    public DockerfileAssert hasBaseImagesPinnedByDigest() {
        isNotNull();
        StringBuilder sb = new StringBuilder();
        for (StageSubject s : subject().stages()) {
            try {
                new StageAssert(s).hasBaseImagePinnedByDigest();
            } catch (AssertionError e) {
                String stage = s.stage().name().map(n -> "stage \"" + n + "\"").orElse("stage " + s.index());
                sb.append("\n  - ").append(stage).append(" FROM ").append(s.stage().from().image()).append(" (line ")
                        .append(s.stage().from().range().startLine()).append(')');
            }
        }
        if (sb.length() > 0) {
            fail("\nExpecting " + name() + " to have every base image pinned by digest, but these are not:" + sb);
        }
        return this;
    }

    /**
     * Verifies that the file complies with a policy: no FAIL or ERROR result (warnings of
     * {@code should} rules are allowed).
     *
     * @param policy the policy, e.g. {@code DockerfilePack.policy()}
     * @return this
     */
    public DockerfileAssert compliesWith(Policy<Dockerfiles> policy) {
        isNotNull();
        return failIfViolated("comply with policy " + policy.name() + " " + policy.version(),
                policy.evaluate(Dockerfiles.of(actual)));
    }

    /**
     * Verifies that the file complies with one rule (no FAIL or ERROR result).
     *
     * @param rule the rule
     * @return this
     */
    public DockerfileAssert compliesWith(Rule<Dockerfiles> rule) {
        isNotNull();
        return failIfViolated("comply with rule " + rule.id(), rule.evaluate(Dockerfiles.of(actual)));
    }

    private DockerfileAssert failIfViolated(String what, Report report) {
        List<Violation> bad = report.violations(Outcome.FAIL, Outcome.ERROR);
        if (!bad.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (Violation v : bad) {
                sb.append("\n  - ").append(v.ruleId()).append(" (line ").append(v.location().line()).append("): ")
                        .append(v.message()).append(" [").append(v.path()).append(']');
            }
            fail("\nExpecting " + name() + " to " + what + ", but it has " + bad.size()
                    + (bad.size() == 1 ? " violation:" : " violations:") + sb);
        }
        return this;
    }

    /**
     * Verifies a stage condition on every stage.
     *
     * @param condition the condition, e.g. {@link StageConditions#notKeepPackageManagerCaches()}
     * @return this
     */
    public DockerfileAssert everyStageSatisfies(io.github.policydsl.api.Condition<? super StageSubject> condition) {
        isNotNull();
        for (StageSubject s : subject().stages()) {
            new StageAssert(s).satisfies(condition);
        }
        return this;
    }
}
