package io.github.policydsl.docker.assertj;

import io.github.policydsl.api.assertj.PolicyAssertions;
import io.github.policydsl.docker.StageSubject;
import io.github.policydsl.docker.ast.Dockerfile;

/**
 * AssertJ entry point for Dockerfiles (also offers
 * {@link PolicyAssertions#assertThat(io.github.policydsl.api.result.Report)}). Needs
 * {@code org.assertj:assertj-core} on the test classpath (an optional dependency).
 *
 * <pre>{@code
 * import static io.github.policydsl.docker.assertj.DockerAssertions.assertThat;
 *
 * Dockerfile df = DockerfileParser.defaults().parse(Path.of("app/Dockerfile"));
 * assertThat(df).finalStageRunsAsNonRoot().hasBaseImagesPinnedByDigest().compliesWith(DockerfilePack.policy());
 * assertThat(df).stage("build").carriesNoBuildToolchain();
 * }</pre>
 */
public final class DockerAssertions extends PolicyAssertions {

    private DockerAssertions() {
    }

    /**
     * Assertions on a parsed Dockerfile.
     *
     * @param dockerfile the file
     * @return the assertion
     */
    public static DockerfileAssert assertThat(Dockerfile dockerfile) {
        return new DockerfileAssert(dockerfile);
    }

    /**
     * Assertions on a stage subject (e.g. from {@code Dockerfiles.stages()}).
     *
     * @param stage the stage
     * @return the assertion
     */
    public static StageAssert assertThat(StageSubject stage) {
        return new StageAssert(stage);
    }
}
