package io.github.policydsl.docker.assertj;

import io.github.policydsl.api.assertj.ReportAssert;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.docker.Dockerfiles;
import io.github.policydsl.docker.StageSubject;
import io.github.policydsl.docker.ast.Dockerfile;
import org.assertj.core.api.AbstractSoftAssertions;
import org.assertj.core.api.SoftAssertionsProvider;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Soft assertions for Dockerfiles and reports: every failure is collected and reported together.
 *
 * <pre>{@code
 * DockerSoftAssertions.assertSoftly(softly -> {
 *     softly.assertThat(dockerfile).finalStageRunsAsNonRoot();
 *     softly.assertThat(dockerfile).hasBaseImagesPinnedByDigest();
 *     softly.assertThatStage(dockerfile, "runtime").hasHealthcheck();
 * });
 * }</pre>
 */
public class DockerSoftAssertions extends AbstractSoftAssertions {

    /** Creates an empty collector. */
    public DockerSoftAssertions() {
    }

    /**
     * Soft assertions on a Dockerfile.
     *
     * @param dockerfile the file
     * @return the assertion
     */
    public DockerfileAssert assertThat(Dockerfile dockerfile) {
        return proxy(DockerfileAssert.class, Dockerfile.class, dockerfile);
    }

    /**
     * Soft assertions on one stage, by name or index; a missing stage is a collected failure and
     * the assertions that follow check nothing.
     *
     * @param dockerfile the file
     * @param nameOrIndex the stage name (case-insensitive) or index
     * @return the assertion
     */
    public StageAssert assertThatStage(Dockerfile dockerfile, String nameOrIndex) {
        StageSubject stage = dockerfile.stage(nameOrIndex)
                .map(s -> Dockerfiles.of(dockerfile).files().get(0).stages().get(s.index())).orElse(null);
        if (stage == null) {
            collectAssertionError(new AssertionError("\nExpecting Dockerfile \"" + dockerfile.sourceName()
                    + "\" to have a stage named \"" + nameOrIndex.toLowerCase(Locale.ROOT) + "\", but it has none"));
            return new StageAssert(null) {
                @Override
                public StageAssert satisfies(io.github.policydsl.api.Condition<? super StageSubject> condition) {
                    return this;
                }

                @Override
                public StageAssert runsAsNonRoot() {
                    return this;
                }

                @Override
                public StageAssert usesExecFormEntrypoint() {
                    return this;
                }
            };
        }
        return proxy(StageAssert.class, StageSubject.class, stage);
    }

    /**
     * Soft assertions on a report.
     *
     * @param report the report
     * @return the assertion
     */
    public ReportAssert assertThat(Report report) {
        return proxy(ReportAssert.class, Report.class, report);
    }

    /**
     * Runs soft assertions and fails with all collected errors.
     *
     * @param softly the assertions
     */
    public static void assertSoftly(Consumer<DockerSoftAssertions> softly) {
        SoftAssertionsProvider.assertSoftly(DockerSoftAssertions.class, softly);
    }
}
