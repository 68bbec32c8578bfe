package io.github.policydsl.docker.condition;

import static io.github.policydsl.docker.DockerRules.dockerfiles;
import static io.github.policydsl.docker.DockerRules.instructions;
import static io.github.policydsl.docker.DockerRules.stages;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.policydsl.api.Rule;
import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.Violation;
import io.github.policydsl.docker.DockerfileLoader;
import io.github.policydsl.docker.Dockerfiles;
import io.github.policydsl.docker.ast.AddInstruction;
import io.github.policydsl.docker.ast.ArgInstruction;
import io.github.policydsl.docker.ast.CmdInstruction;
import io.github.policydsl.docker.ast.CopyInstruction;
import io.github.policydsl.docker.ast.EntrypointInstruction;
import io.github.policydsl.docker.ast.EnvInstruction;
import io.github.policydsl.docker.ast.ExposeInstruction;
import io.github.policydsl.docker.ast.RunInstruction;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DockerConditionsTest {

    static Dockerfiles df(String text) {
        Dockerfiles d = DockerfileLoader.defaults().loadString("Dockerfile", text);
        assertThat(d.errors()).isEmpty();
        return d;
    }

    static List<Violation> fails(Rule<Dockerfiles> rule, String text) {
        Report r = rule.evaluate(df(text));
        assertThat(r.violations(Outcome.ERROR)).isEmpty();
        return r.violations(Outcome.FAIL);
    }

    static final Rule<Dockerfiles> NON_ROOT = stages().that().areFinal().must().runAsNonRoot();

    // --- USER ---------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"USER app", "USER 10001", "USER 1000:1000", "USER nonroot:nonroot", "USER nobody"})
    void nonRootUsersPass(String user) {
        assertThat(fails(NON_ROOT, "FROM alpine:3.20\n" + user + "\n")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"USER root", "USER 0", "USER 0:0", "USER 000", "USER root:app", "USER ContainerAdministrator"})
    void rootUsersFailAtTheUserLine(String user) {
        assertThat(fails(NON_ROOT, "FROM alpine:3.20\nRUN true\n" + user + "\n"))
                .singleElement().satisfies(v -> {
                    assertThat(v.location().line()).isEqualTo(3);
                    assertThat(v.path().toString()).isEqualTo("instructions[2]");
                    assertThat(v.message()).contains("runs as root");
                });
    }

    @Test
    void missingUserFailsAtTheFinalStagesFrom() {
        assertThat(fails(NON_ROOT, "FROM golang:1.22 AS b\nUSER app\nFROM alpine:3.20\nCMD [\"x\"]\n"))
                .singleElement().satisfies(v -> {
                    assertThat(v.location().line()).isEqualTo(3);
                    assertThat(v.path().toString()).isEqualTo("stages[1].user");
                    assertThat(v.subject().container()).isEqualTo("stage 1");
                });
    }

    @Test
    void userResolvedThroughVariables() {
        assertThat(fails(NON_ROOT, "FROM alpine:3.20\nARG UID=10001\nUSER ${UID}\n")).isEmpty();
        assertThat(fails(NON_ROOT, "FROM alpine:3.20\nENV APP_USER=root\nUSER $APP_USER\n"))
                .singleElement().satisfies(v -> assertThat(v.message()).contains("resolved to root"));
        assertThat(fails(NON_ROOT, "FROM alpine:3.20\nARG UID=0\nUSER ${UID:-1000}\n")).hasSize(1);
    }

    @Test
    void globalArgIsOnlyVisibleInTheStageWhenRedeclared() {
        // a global ARG does not reach the stage: USER expands to empty
        assertThat(fails(NON_ROOT, "ARG APP_UID=10001\nFROM alpine:3.20\nUSER ${APP_UID}\n"))
                .singleElement().satisfies(v -> assertThat(v.message()).contains("empty user name"));
        // ARG NAME inside the stage pulls the global value
        assertThat(fails(NON_ROOT, "ARG APP_UID=10001\nFROM alpine:3.20\nARG APP_UID\nUSER ${APP_UID}\n")).isEmpty();
        // an ENV of the same name wins over the ARG
        assertThat(fails(NON_ROOT, "FROM alpine:3.20\nARG U=app\nENV U=0\nUSER $U\n")).hasSize(1);
    }

    @Test
    void userIsInheritedFromAnEarlierStage() {
        String text = """
                FROM alpine:3.20 AS base
                RUN adduser -D app
                USER app
                FROM base
                CMD ["/bin/true"]
                """;
        assertThat(fails(NON_ROOT, text)).isEmpty();
        assertThat(fails(NON_ROOT, text.replace("FROM base", "FROM alpine:3.20"))).hasSize(1);
        // a later USER root in the final stage overrides the inherited one
        assertThat(fails(NON_ROOT, text.replace("CMD", "USER root\nCMD"))).hasSize(1);
    }

    @Test
    void builderStagesAreNotSelectedByAreFinal() {
        assertThat(fails(NON_ROOT, "FROM golang:1.22 AS build\nRUN go build\nFROM scratch\nUSER 65532\n")).isEmpty();
    }

    // --- base images -------------------------------------------------------------------------

    static final Rule<Dockerfiles> DIGEST = stages().must().useDigestPinnedBaseImage();
    static final Rule<Dockerfiles> NO_LATEST = stages().must().notUseLatestBaseImage();

    @Test
    void digestPinning() {
        String sha = "@sha256:" + "a".repeat(64);
        assertThat(fails(DIGEST, "FROM alpine:3.20" + sha + "\nFROM scratch\n")).isEmpty();
        assertThat(fails(DIGEST, "FROM alpine" + sha + " AS a\nFROM a\n")).isEmpty();
        assertThat(fails(DIGEST, "FROM alpine:3.20\nFROM alpine\nFROM alpine:latest\n"))
                .extracting(Violation::message).containsExactly(
                        "base image alpine:3.20 is not pinned by digest (tag 3.20 only)",
                        "base image alpine is not pinned by digest (no tag, so latest)",
                        "base image alpine:latest is not pinned by digest (tag latest only)");
        assertThat(fails(DIGEST, "ARG V=3.20\nFROM alpine:${V}" + sha + "\n")).isEmpty();
    }

    @Test
    void latestAndMissingTags() {
        assertThat(fails(NO_LATEST, "FROM alpine:3.20\nFROM scratch\nFROM alpine@sha256:" + "b".repeat(64) + "\n")).isEmpty();
        assertThat(fails(NO_LATEST, "FROM alpine\nFROM alpine:latest\n")).hasSize(2);
        assertThat(fails(NO_LATEST, "ARG TAG=latest\nFROM node:${TAG}\n")).hasSize(1);
    }

    @Test
    void minimalBaseImagesWithDefaultsAndCustomAllowList() {
        Rule<Dockerfiles> minimal = stages().that().areFinal().must().useMinimalBaseImage();
        for (String ok : List.of("gcr.io/distroless/static-debian12:nonroot", "alpine:3.20", "python:3.12-slim",
                "scratch", "cgr.dev/chainguard/static:latest", "registry.access.redhat.com/ubi9/ubi-minimal:9.4")) {
            assertThat(fails(minimal, "FROM " + ok + "\n")).as(ok).isEmpty();
        }
        assertThat(fails(minimal, "FROM ubuntu:24.04\n")).hasSize(1);
        assertThat(fails(minimal, "FROM ubuntu:24.04 AS base\nFROM base\n")).singleElement()
                .satisfies(v -> assertThat(v.location().line()).isEqualTo(1));
        Rule<Dockerfiles> acme = stages().that().areFinal().must()
                .useMinimalBaseImage(MinimalBaseImages.only("registry.acme.io/base/*"));
        assertThat(fails(acme, "FROM registry.acme.io/base/java:21\n")).isEmpty();
        assertThat(fails(acme, "FROM alpine:3.20\n")).hasSize(1);
    }

    // --- multi-stage ---------------------------------------------------------------------------

    @Test
    void finalStageCarriesNoBuildToolchain() {
        Rule<Dockerfiles> rule = stages().that().areFinal().must().notCarryBuildToolchain();
        assertThat(fails(rule, "FROM golang:1.22 AS b\nRUN go build -o /app\nFROM alpine:3.20\nCOPY --from=b /app /app\n")).isEmpty();
        assertThat(fails(rule, "FROM golang:1.22\nRUN go build -o /app\n")).extracting(Violation::message)
                .contains("builds on golang:1.22, an image with a build tool chain", "runs go build");
        assertThat(fails(rule, "FROM debian:12\nRUN apt-get update && apt-get install -y gcc libc6-dev\n"))
                .singleElement().satisfies(v -> assertThat(v.message()).contains("gcc"));
        assertThat(fails(rule, "FROM alpine:3.20\nRUN apk add --no-cache --virtual .b gcc musl-dev && make && apk del .b\n"))
                .extracting(Violation::message).containsExactly("runs the build tool make");
        assertThat(fails(rule, "FROM eclipse-temurin:21-jre\n")).isEmpty();
        assertThat(fails(rule, "FROM eclipse-temurin:21\n")).hasSize(1);
        assertThat(fails(rule, "FROM golang:1.22 AS b\nFROM b\n")).hasSize(1);
    }

    @Test
    void packageManagerCaches() {
        Rule<Dockerfiles> rule = stages().that().areFinal().must().notKeepPackageManagerCaches();
        assertThat(fails(rule, "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n")).isEmpty();
        assertThat(fails(rule, "FROM alpine:3.20\nRUN apk add --no-cache curl\n")).isEmpty();
        assertThat(fails(rule, "FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get install -y curl\n")).isEmpty();
        assertThat(fails(rule, "FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n")).isEmpty();
        assertThat(fails(rule, """
                FROM debian:12
                RUN apt-get install -y curl
                RUN apk add curl
                RUN dnf install -y curl
                RUN pip install flask
                """)).extracting(v -> v.location().line()).containsExactly(2, 3, 4, 5);
    }

    // --- secrets -------------------------------------------------------------------------------

    static final io.github.policydsl.docker.syntax.InstructionRule<io.github.policydsl.docker.ast.Instruction> SECRETS = instructions().that().areOfType(EnvInstruction.class, ArgInstruction.class)
            .must().notDeclareSecrets();

    @Test
    void secretLikeEnvAndArgNamesAndValues() {
        assertThat(fails(SECRETS, """
                FROM alpine:3.20
                ENV DB_PASSWORD=x
                ARG GITHUB_TOKEN
                ENV apiKey=abc
                ARG AWS_SECRET_ACCESS_KEY
                ENV URL=https://user:pa55@db.example.com/x
                ENV KEY_ID=AKIAABCDEFGHIJKLMNOP
                ENV TOKEN_NOTE=ghp_abcdefghijklmnopqrstuvwxyz0123
                """)).extracting(v -> v.location().line()).containsExactly(2, 3, 4, 5, 6, 7, 8);
        assertThat(fails(SECRETS, """
                FROM alpine:3.20
                ENV DB_PASSWORD_FILE=/run/secrets/db PATH=/usr/bin GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D
                ARG PUBLIC_KEY=abc
                ENV URL=https://db.example.com/x HOST_URL=https://$USER:$PASS@x
                ARG VERSION=1.2
                """)).isEmpty();
    }

    @Test
    void secretFilesInCopyAndAdd() {
        Rule<Dockerfiles> rule = instructions().that().areOfType(CopyInstruction.class, AddInstruction.class)
                .must().notCopySecretFiles();
        assertThat(fails(rule, """
                FROM alpine:3.20
                COPY id_rsa /root/.ssh/
                COPY .env /app/
                ADD certs/server.pem /etc/ssl/
                COPY config/.npmrc /root/
                COPY app.conf /root/.ssh/authorized_keys
                """)).extracting(v -> v.location().line()).containsExactly(2, 3, 4, 5, 6);
        assertThat(fails(rule, "FROM alpine:3.20\nCOPY .env.example app.py /app/\nCOPY --from=b /out /app\n")).isEmpty();
    }

    @Test
    void secretMountIsTheFix() {
        String fixed = "FROM alpine:3.20\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n";
        assertThat(fails(SECRETS.allowEmptyShould(true), fixed)).isEmpty();
        assertThat(fails(instructions(CopyInstruction.class).must().notCopySecretFiles().allowEmptyShould(true), fixed))
                .isEmpty();
    }

    // --- ADD -----------------------------------------------------------------------------------

    @Test
    void addOnlyForUrlsAndArchivesAndRemoteAddsNeedChecksums() {
        Rule<Dockerfiles> local = instructions(AddInstruction.class).must().useCopyForLocalFiles();
        Rule<Dockerfiles> sum = instructions(AddInstruction.class).must().verifyRemoteAddChecksum();
        String text = """
                FROM alpine:3.20
                ADD app.py /app/
                ADD rootfs.tar.gz /
                ADD https://example.com/a.tgz /opt/
                ADD --checksum=sha256:%s https://example.com/b.tgz /opt/
                """.formatted("c".repeat(64));
        assertThat(fails(local, text)).extracting(v -> v.location().line()).containsExactly(2);
        assertThat(fails(sum, text)).singleElement().satisfies(v -> {
            assertThat(v.location().line()).isEqualTo(4);
            assertThat(v.path().toString()).isEqualTo("instructions[3].flags.checksum");
        });
    }

    // --- RUN -----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        "curl -fsSL https://x.io/i.sh | sh",
        "wget -qO- https://x.io/i.sh | sudo bash -s --",
        "apt-get update && curl https://x.io/i | /bin/bash",
        "sh -c \"$(curl -fsSL https://x.io/i.sh)\"",
        "bash <(curl -s https://x.io/i.sh)",
    })
    void downloadsPipedToAShellFail(String cmd) {
        Rule<Dockerfiles> rule = instructions(RunInstruction.class).must().notPipeDownloadsToShell();
        assertThat(fails(rule, "FROM alpine:3.20\nRUN " + cmd + "\n")).as(cmd).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "curl -fsSLo /tmp/i.sh https://x.io/i.sh && sha256sum -c sums && sh /tmp/i.sh",
        "curl -s https://x.io/a.json | jq .",
        "echo 'curl x | sh'",
    })
    void otherDownloadsPass(String cmd) {
        Rule<Dockerfiles> rule = instructions(RunInstruction.class).must().notPipeDownloadsToShell();
        assertThat(fails(rule, "FROM alpine:3.20\nRUN " + cmd + "\n")).as(cmd).isEmpty();
    }

    @Test
    void pipeToShellInHeredoc() {
        Rule<Dockerfiles> rule = instructions(RunInstruction.class).must().notPipeDownloadsToShell();
        assertThat(fails(rule, "FROM alpine:3.20\nRUN <<EOF\nset -e\ncurl -sSL https://x.io/i | sh\nEOF\n")).hasSize(1);
    }

    @Test
    void sudoIsNotInvoked() {
        Rule<Dockerfiles> rule = instructions(RunInstruction.class).mustNot().invoke("sudo");
        assertThat(rule.description()).isEqualTo("RUN instructions must not invoke \"sudo\"");
        assertThat(fails(rule, "FROM debian:12\nRUN apt-get install -y sudo\nRUN echo sudo\n")).isEmpty();
        assertThat(fails(rule, "FROM debian:12\nRUN true && sudo apt-get update\nRUN [\"sudo\", \"ls\"]\n"))
                .extracting(v -> v.location().line()).containsExactly(2, 3);
        // the positive form
        assertThat(fails(instructions(RunInstruction.class).must().invoke("apt-get"), "FROM debian:12\nRUN ls\n")).hasSize(1);
    }

    // --- CMD/ENTRYPOINT, EXPOSE, HEALTHCHECK, chown ---------------------------------------------

    @Test
    void execFormEntrypointAndCmd() {
        Rule<Dockerfiles> rule = instructions().that().areOfType(CmdInstruction.class, EntrypointInstruction.class)
                .must().useExecForm();
        assertThat(fails(rule, "FROM alpine:3.20\nENTRYPOINT [\"/app\"]\nCMD [\"--help\"]\n")).isEmpty();
        assertThat(fails(rule, "FROM alpine:3.20\nENTRYPOINT /app\nCMD [\"--help\"]\nCMD run it\n"))
                .extracting(v -> v.location().line()).containsExactly(2, 4);
    }

    @Test
    void exposeSsh() {
        Rule<Dockerfiles> rule = instructions(ExposeInstruction.class).must().notExposePort(22);
        assertThat(fails(rule, "FROM alpine:3.20\nEXPOSE 2222 8080/tcp 220\n")).isEmpty();
        assertThat(fails(rule, "FROM alpine:3.20\nEXPOSE 22\nEXPOSE 80 22/tcp\nEXPOSE 20-25\nARG P=22\nEXPOSE $P\n"))
                .extracting(v -> v.path().toString())
                .containsExactly("instructions[1].ports[0]", "instructions[2].ports[1]", "instructions[3].ports[0]",
                        "instructions[5].ports[0]");
    }

    @Test
    void healthcheckIsAShouldAndWarns() {
        Rule<Dockerfiles> rule = stages().that().areFinal().should().haveAHealthcheck();
        Report missing = rule.evaluate(df("FROM alpine:3.20\n"));
        assertThat(missing.violations(Outcome.FAIL)).isEmpty();
        assertThat(missing.violations(Outcome.WARN)).singleElement()
                .satisfies(v -> assertThat(v.path().toString()).isEqualTo("stages[0].healthcheck"));
        assertThat(rule.evaluate(df("FROM alpine:3.20\nHEALTHCHECK CMD [\"/bin/true\"]\n")).violations(Outcome.WARN)).isEmpty();
        assertThat(rule.evaluate(df("FROM alpine:3.20 AS b\nHEALTHCHECK CMD [\"x\"]\nFROM b\n")).violations(Outcome.WARN)).isEmpty();
        assertThat(rule.evaluate(df("FROM alpine:3.20\nHEALTHCHECK NONE\n")).violations(Outcome.WARN)).hasSize(1);
    }

    @Test
    void chownWhereTheNonRootUserWrites() {
        Rule<Dockerfiles> rule = stages().that().areFinal().should().chownFilesTheUserWrites();
        String text = """
                FROM node:20-alpine
                WORKDIR /app
                COPY node_modules /app/node_modules
                COPY seed /app/data
                COPY --chown=node:node uploads /app/uploads
                COPY config /etc/app
                VOLUME /var/app
                COPY state.json /var/app/state.json
                COPY cache /srv/x
                RUN chown -R node /srv/x
                USER node
                """;
        Report r = rule.evaluate(df(text));
        assertThat(r.violations(Outcome.WARN)).extracting(v -> v.location().line()).containsExactly(4, 8, 9);
        assertThat(r.violations(Outcome.WARN)).extracting(v -> v.path().toString())
                .containsExactly("instructions[3].flags.chown", "instructions[7].flags.chown", "instructions[8].flags.chown");
        // root stages: not applicable, so SKIP
        Report root = rule.evaluate(df("FROM alpine:3.20\nCOPY seed /data\n"));
        assertThat(root.results()).extracting(x -> x.outcome()).containsExactly(Outcome.SKIP);
    }

    @Test
    void multiStageBuildOnDockerfiles() {
        Rule<Dockerfiles> rule = dockerfiles().must().useMultiStageBuild();
        assertThat(fails(rule, "FROM a:1 AS b\nFROM scratch\n")).isEmpty();
        assertThat(fails(rule, "FROM alpine:3.20\n")).hasSize(1);
    }

    @Test
    void badSubstitutionIsAnErrorNotAPass() {
        Report r = NON_ROOT.evaluate(df("FROM alpine:3.20\nUSER ${U:?must be set}\n"));
        assertThat(r.violations(Outcome.ERROR)).hasSize(1);
    }

    @Test
    void emptySelectionFailsUnlessAllowed() {
        var rule = instructions(AddInstruction.class).must().useCopyForLocalFiles();
        assertThat(rule.evaluate(df("FROM alpine:3.20\n")).violations(Outcome.FAIL)).hasSize(1);
        assertThat(rule.allowEmptyShould(true).evaluate(df("FROM alpine:3.20\n")).violations(Outcome.FAIL)).isEmpty();
    }
}
