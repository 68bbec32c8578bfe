package io.github.policydsl.docker.packs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.policydsl.api.Level;
import io.github.policydsl.api.Rule;
import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.RuleInfo;
import io.github.policydsl.api.result.Violation;
import io.github.policydsl.docker.DockerfileLoader;
import io.github.policydsl.docker.Dockerfiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class DockerfilePackTest {

    static final String SECURE = """
            # syntax=docker/dockerfile:1
            FROM golang:1.22 AS build
            WORKDIR /src
            COPY go.mod go.sum ./
            RUN --mount=type=cache,target=/go/pkg/mod go mod download
            COPY . .
            RUN CGO_ENABLED=0 go build -trimpath -o /out/app ./cmd/app

            FROM gcr.io/distroless/static-debian12:nonroot
            COPY --from=build /out/app /app
            USER nonroot
            EXPOSE 8080
            ENTRYPOINT ["/app"]
            """;

    static Report run(String text) {
        Dockerfiles d = DockerfileLoader.defaults().loadString("Dockerfile", text);
        assertThat(d.errors()).isEmpty();
        return DockerfilePack.policy().evaluate(d);
    }

    static Set<String> failedIds(Report r) {
        return r.violations(Outcome.FAIL).stream().map(Violation::ruleId).collect(Collectors.toSet());
    }

    @Test
    void secureDockerfilePassesEveryMustRuleExceptDigestPinningOfItsTwoBaseImages() {
        Report r = run(SECURE);
        List<Violation> fails = r.violations(Outcome.FAIL);
        assertThat(fails).extracting(Violation::ruleId).containsOnly(DockerfilePack.BASE_DIGEST);
        assertThat(fails).extracting(v -> v.location().line()).containsExactly(2, 9);
        assertThat(fails).extracting(v -> v.path().toString()).containsExactly("stages[0].image", "stages[1].image");
        assertThat(r.violations(Outcome.ERROR)).isEmpty();
        // the should rules: distroless has no shell, so no HEALTHCHECK: a warning, not a failure
        assertThat(r.violations(Outcome.WARN)).extracting(Violation::ruleId).containsExactly(DockerfilePack.HEALTHCHECK);
    }

    @Test
    void sampleFilesBehave() throws Exception {
        Path root = Path.of("..", "samples", "docker");
        Dockerfiles good = DockerfileLoader.defaults().load(root.resolve("good"));
        assertThat(good.errors()).isEmpty();
        assertThat(failedIds(DockerfilePack.policy().evaluate(good))).containsOnly(DockerfilePack.BASE_DIGEST);
        Report bad = DockerfilePack.policy().evaluate(DockerfileLoader.defaults().load(root.resolve("bad")));
        assertThat(failedIds(bad)).contains(DockerfilePack.FINAL_NOT_ROOT, DockerfilePack.BASE_NO_LATEST,
                DockerfilePack.SECRETS_ENV_ARG, DockerfilePack.SECRETS_FILES, DockerfilePack.CURL_PIPE_SHELL,
                DockerfilePack.NO_SUDO, DockerfilePack.ADD_LOCAL, DockerfilePack.ADD_CHECKSUM,
                DockerfilePack.EXEC_FORM, DockerfilePack.NO_SSH_PORT, DockerfilePack.NO_BUILD_TOOLCHAIN,
                DockerfilePack.NO_PACKAGE_CACHE, DockerfilePack.BASE_MINIMAL);
        assertThat(Files.exists(root.resolve("bad/Dockerfile"))).isTrue();
    }

    @Test
    void catalogueHasStableIdsSeveritiesAndRemediation() {
        List<RuleInfo> cat = DockerfilePack.policy().catalogue();
        assertThat(cat).hasSize(16);
        assertThat(cat).allSatisfy(r -> {
            assertThat(r.id()).startsWith("docker.");
            assertThat(r.remediation()).isNotBlank().doesNotContain("\n");
        });
        assertThat(cat).filteredOn(r -> r.level() == Level.SHOULD).extracting(RuleInfo::id)
                .containsExactlyInAnyOrder(DockerfilePack.HEALTHCHECK, DockerfilePack.COPY_CHOWN);
        assertThat(DockerfilePack.policy().rules()).extracting(Rule::id).doesNotHaveDuplicates();
    }

    @Test
    void sudoRuleReadsLikeASentence() {
        assertThat(DockerfilePack.policy().rules()).filteredOn(r -> r.id().equals(DockerfilePack.NO_SUDO))
                .extracting(Rule::description).containsExactly("RUN instructions must not invoke \"sudo\"");
    }

    @Test
    void inlineExemptionOnInstructionTurnsFailIntoSkipWithReason() {
        Report r = run("""
                FROM alpine:3.20@sha256:0000000000000000000000000000000000000000000000000000000000000000
                RUN adduser -D app
                USER app
                # policy:ignore=docker.expose.no-ssh legacy bastion image, removed in Q3
                EXPOSE 22
                ENTRYPOINT ["/bin/true"]
                """);
        assertThat(failedIds(r)).doesNotContain(DockerfilePack.NO_SSH_PORT);
        List<Violation> skips = r.violations(Outcome.SKIP).stream()
                .filter(v -> v.ruleId().equals(DockerfilePack.NO_SSH_PORT)).toList();
        assertThat(skips).singleElement().satisfies(v -> {
            assertThat(v.message()).contains("legacy bastion image, removed in Q3").contains("exposes port 22");
            assertThat(v.location().line()).isEqualTo(5);
        });
        assertThat(r.results()).filteredOn(x -> x.rule().id().equals(DockerfilePack.NO_SSH_PORT))
                .extracting(x -> x.outcome()).containsExactly(Outcome.SKIP);
    }

    @Test
    void inlineExemptionOnStageFromCoversTheStageOnlyAndOnlyTheNamedRule() {
        Report r = run("""
                # policy:ignore=docker.user.final-not-root,docker.base.pinned-digest init container needs root
                FROM alpine:3.20
                EXPOSE 22
                ENTRYPOINT ["/bin/true"]
                """);
        assertThat(failedIds(r)).doesNotContain(DockerfilePack.FINAL_NOT_ROOT, DockerfilePack.BASE_DIGEST)
                .contains(DockerfilePack.NO_SSH_PORT);
        assertThat(r.violations(Outcome.SKIP)).extracting(Violation::ruleId)
                .contains(DockerfilePack.FINAL_NOT_ROOT, DockerfilePack.BASE_DIGEST);
    }

    @Test
    void exemptionForAnotherRuleOrEndedByAnEmptyCommentLineDoesNotApply() {
        Report r = run("""
                FROM alpine:3.20
                # policy:ignore=docker.run.no-sudo wrong rule
                EXPOSE 22
                # policy:ignore=docker.expose.no-ssh separated by an empty comment line
                #
                EXPOSE 2222 22/tcp
                """);
        assertThat(r.violations(Outcome.FAIL)).filteredOn(v -> v.ruleId().equals(DockerfilePack.NO_SSH_PORT))
                .extracting(v -> v.location().line()).containsExactly(3, 6);
    }
}
