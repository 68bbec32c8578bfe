package io.github.policydsl.docker.assertj;

import static io.github.policydsl.docker.assertj.DockerAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.policydsl.api.testing.Property;
import io.github.policydsl.docker.ast.Dockerfile;
import io.github.policydsl.docker.condition.StageConditions;
import io.github.policydsl.docker.packs.DockerfilePack;
import io.github.policydsl.docker.parse.DockerfileParser;
import io.github.policydsl.docker.testing.DockerfileGenerators;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class DockerAssertionsTest {

    static final String ROOT = """
            FROM golang:1.22 AS build
            RUN go build -o /out/app .

            FROM gcr.io/distroless/static-debian12:nonroot@sha256:0000000000000000000000000000000000000000000000000000000000000000 AS runtime
            COPY --from=build /out/app /app
            USER nonroot
            HEALTHCHECK CMD ["/app", "health"]
            ENTRYPOINT /app serve
            # debug
            USER root
            """;

    static Dockerfile parse(String name, String text) {
        return DockerfileParser.defaults().parse(name, text);
    }

    @Test
    void finalStageRunsAsNonRootNamesFileStageUserAndLine() {
        assertThatThrownBy(() -> assertThat(parse("app/Dockerfile", ROOT)).finalStageRunsAsNonRoot())
                .isInstanceOf(AssertionError.class)
                .hasMessage("\nExpecting Dockerfile \"app/Dockerfile\" final stage \"runtime\" to run as a non-root user,"
                        + " but USER is root (line 10)");
    }

    @Test
    void runsAsNonRootExplainsVariablesAndMissingUser() {
        Dockerfile viaArg = parse("Dockerfile", "FROM alpine:3.20\nARG UID=0\nUSER ${UID}:${UID}\n");
        assertThatThrownBy(() -> assertThat(viaArg).finalStageRunsAsNonRoot())
                .hasMessage("\nExpecting Dockerfile \"Dockerfile\" final stage 0 to run as a non-root user,"
                        + " but USER is ${UID}:${UID}, which resolves to 0:0 (line 3)");
        Dockerfile none = parse("Dockerfile", "FROM alpine:3.20\nRUN true\n");
        assertThatThrownBy(() -> assertThat(none).finalStageRunsAsNonRoot())
                .hasMessage("\nExpecting Dockerfile \"Dockerfile\" final stage 0 to run as a non-root user, but it has no"
                        + " USER instruction, so it runs as the base image's default user, usually root (FROM at line 1)");
        Dockerfile inherited = parse("Dockerfile", "FROM alpine:3.20 AS base\nUSER 10001:10001\nFROM base\nRUN true\n");
        assertThat(inherited).finalStageRunsAsNonRoot();
    }

    @Test
    void pinnedBaseImagesListsEveryUnpinnedStage() {
        assertThatThrownBy(() -> assertThat(parse("app/Dockerfile", ROOT)).hasBaseImagesPinnedByDigest())
                .hasMessage("\nExpecting Dockerfile \"app/Dockerfile\" to have every base image pinned by digest, but these"
                        + " are not:\n  - stage \"build\" FROM golang:1.22 (line 1)");
        assertThat(parse("Dockerfile", "FROM scratch\nFROM alpine:3.20@sha256:"
                + "1111111111111111111111111111111111111111111111111111111111111111 AS x\nFROM x\n"))
                .hasBaseImagesPinnedByDigest();
    }

    @Test
    void execFormEntrypoint() {
        assertThatThrownBy(() -> assertThat(parse("app/Dockerfile", ROOT)).usesExecFormEntrypoint())
                .hasMessage("\nExpecting Dockerfile \"app/Dockerfile\" final stage \"runtime\" to have an exec-form"
                        + " ENTRYPOINT, but ENTRYPOINT is in shell form: ENTRYPOINT /app serve (line 8)");
        assertThatThrownBy(() -> assertThat(parse("Dockerfile", "FROM scratch\nCMD [\"/app\"]\n")).usesExecFormEntrypoint())
                .hasMessage("\nExpecting Dockerfile \"Dockerfile\" final stage 0 to have an exec-form ENTRYPOINT,"
                        + " but it has no ENTRYPOINT (FROM at line 1)");
    }

    @Test
    void compliesWithListsRuleLineMessageAndPath() {
        assertThatThrownBy(() -> assertThat(parse("app/Dockerfile", ROOT)).compliesWith(DockerfilePack.policy()))
                .hasMessageStartingWith("\nExpecting Dockerfile \"app/Dockerfile\" to comply with policy dockerfile 1.0.0,"
                         + " but it has 3 violations:")
                .hasMessageContaining("  - docker.base.pinned-digest (line 1): base image golang:1.22 is not pinned by digest"
                        + " (tag 1.22 only) [stages[0].image]")
                .hasMessageContaining("  - docker.user.final-not-root (line 10): runs as root (USER root)")
                .hasMessageContaining("  - docker.cmd.exec-form (line 8): ENTRYPOINT uses shell form");
        assertThatThrownBy(() -> assertThat(parse("app/Dockerfile", ROOT)).compliesWith(DockerfilePack.policy().rules()
                .stream().filter(r -> r.id().equals(DockerfilePack.NO_SSH_PORT) || r.id().equals(DockerfilePack.FINAL_NOT_ROOT))
                .filter(r -> r.id().equals(DockerfilePack.FINAL_NOT_ROOT)).findFirst().orElseThrow()))
                .hasMessageStartingWith(("\nExpecting Dockerfile \"app/Dockerfile\" to comply with rule"
                        + " docker.user.final-not-root, but it has 1 violation:"));
    }

    @Test
    void stageNavigationAndConditions() {
        Dockerfile df = parse("app/Dockerfile", ROOT);
        assertThat(df).stage("RUNTIME").hasBaseImagePinnedByDigest().isNotNull();
        assertThatThrownBy(() -> assertThat(df).stage("build").hasBaseImagePinnedByDigest())
                .hasMessage("\nExpecting Dockerfile \"app/Dockerfile\" stage \"build\" to use a base image pinned by digest,"
                        + " but:\n  - base image golang:1.22 is not pinned by digest (tag 1.22 only) (line 1) [stages[0].image]");
        assertThatThrownBy(() -> assertThat(df).stage("build").carriesNoBuildToolchain())
                .hasMessageContaining("Expecting Dockerfile \"app/Dockerfile\" stage \"build\" to not carry a build tool chain, but:")
                .hasMessageContaining("  - builds on golang:1.22, an image with a build tool chain (line 1) [stages[0].image]")
                .hasMessageContaining("  - runs go build (line 2) [instructions[1]]");
        assertThat(df).stage("runtime").hasHealthcheck().usesMinimalBaseImage().carriesNoBuildToolchain();
        assertThat(df).stage("1").satisfies(StageConditions.notKeepPackageManagerCaches());
        assertThatThrownBy(() -> assertThat(df).stage("test"))
                .hasMessage("\nExpecting Dockerfile \"app/Dockerfile\" to have a stage named \"test\", but its stages are"
                        + " [\"build\", \"runtime\"]");
        assertThatThrownBy(() -> assertThat(df).as("release image").finalStageRunsAsNonRoot())
                .hasMessageStartingWith("[release image] ");
        assertThatThrownBy(() -> assertThat((Dockerfile) null).finalStageRunsAsNonRoot())
                .hasMessageContaining("Expecting actual not to be null");
    }

    @Test
    void softAssertionsCollectEveryFailure() {
        Dockerfile df = parse("app/Dockerfile", ROOT);
        Throwable thrown = Assertions.catchThrowable(() -> DockerSoftAssertions.assertSoftly(softly -> {
            softly.assertThat(df).finalStageRunsAsNonRoot();
            softly.assertThat(df).hasBaseImagesPinnedByDigest();
            softly.assertThat(df).usesExecFormEntrypoint();
            softly.assertThatStage(df, "runtime").hasHealthcheck();
            softly.assertThatStage(df, "build").carriesNoBuildToolchain();
            softly.assertThatStage(df, "missing").runsAsNonRoot();
            softly.assertThat(DockerfilePack.policy().evaluate(io.github.policydsl.docker.Dockerfiles.of(df)))
                    .hasFailuresFrom(DockerfilePack.NO_SSH_PORT);
        }));
        Assertions.assertThat(thrown).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Multiple Failures (6 failures)")
                .hasMessageContaining("but USER is root (line 10)")
                .hasMessageContaining("stage \"build\" FROM golang:1.22 (line 1)")
                .hasMessageContaining("ENTRYPOINT is in shell form")
                .hasMessageContaining("to not carry a build tool chain")
                .hasMessageContaining("to have a stage named \"missing\", but it has none")
                .hasMessageContaining("failures from rule docker.expose.no-ssh");
    }

    @Test
    void everyCompliantGeneratedFilePassesTheAssertions() {
        Property.forAll(DockerfileGenerators.compliantDockerfiles()).tries(200).printer(DockerfileGenerators::toText)
                .check(df -> assertThat(df).finalStageRunsAsNonRoot().hasBaseImagesPinnedByDigest().usesExecFormEntrypoint()
                        .finalStageUsesMinimalBaseImage().compliesWith(DockerfilePack.policy()));
    }
}
