package io.github.policydsl.docker.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.testing.Choices;
import io.github.policydsl.api.testing.Property;
import io.github.policydsl.api.testing.PropertyFailure;
import io.github.policydsl.docker.DockerfileLoader;
import io.github.policydsl.docker.Dockerfiles;
import io.github.policydsl.docker.ast.Dockerfile;
import io.github.policydsl.docker.ast.Stage;
import io.github.policydsl.docker.ast.UserInstruction;
import io.github.policydsl.docker.internal.AstDump;
import io.github.policydsl.docker.packs.DockerfilePack;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DockerfileGeneratorsTest {

    private static Dockerfiles load(String text) {
        return DockerfileLoader.defaults().loadString(DockerfileGenerators.SOURCE_NAME, text);
    }

    @Test
    void everyGeneratedTextParsesLoadsAndEvaluatesWithoutErrors() {
        Property.forAll(DockerfileGenerators.dockerfileTexts()).tries(500).printer(t -> t).check(text -> {
            Dockerfiles d = load(text);
            assertThat(d.errors()).as("load errors").isEmpty();
            Dockerfile df = d.dockerfiles().get(0);
            for (Stage s : df.stages()) {
                s.effectiveUser();
                s.effectiveWorkdir();
                s.image();
                s.platform();
            }
            Report r = DockerfilePack.policy().evaluate(d);
            assertThat(r.violations(Outcome.ERROR)).as("ERROR results").isEmpty();
        });
    }

    @Test
    void printingAParsedFileAndParsingItAgainGivesTheSameInstructions() {
        Property.forAll(DockerfileGenerators.dockerfiles()).tries(500).printer(DockerfileGenerators::toText).check(df -> {
            Dockerfile again = DockerfileGenerators.parse(DockerfileGenerators.toText(df));
            assertThat(AstDump.dump(again)).isEqualTo(AstDump.dump(df));
            assertThat(again.escapeToken()).isEqualTo(df.escapeToken());
            assertThat(again.stages()).hasSameSizeAs(df.stages());
            for (int i = 0; i < df.stages().size(); i++) {
                assertThat(again.stages().get(i).baseImage()).isEqualTo(df.stages().get(i).baseImage());
                assertThat(again.stages().get(i).effectiveUser()).isEqualTo(df.stages().get(i).effectiveUser());
                
            }
        });
    }

    @Test
    void compliantFilesPassEveryRuleOfThePack() {
        Property.forAll(DockerfileGenerators.compliantDockerfileTexts()).tries(500).printer(t -> t).check(text -> {
            Dockerfiles d = load(text);
            assertThat(d.errors()).isEmpty();
            Report r = DockerfilePack.policy().evaluate(d);
            assertThat(r.violations(Outcome.FAIL, Outcome.ERROR, Outcome.WARN)).isEmpty();
        });
    }

    @Test
    void generationIsDeterministicPerSeedAndTheGeneratorsAreReusable() {
        for (long seed = 0; seed < 50; seed++) {
            assertThat(DockerfileGenerators.dockerfileTexts().generate(Choices.random(seed)))
                    .isEqualTo(DockerfileGenerators.dockerfileTexts().generate(Choices.random(seed)));
            assertThat(DockerfileGenerators.compliantDockerfileTexts().generate(Choices.random(seed)))
                    .isEqualTo(DockerfileGenerators.compliantDockerfileTexts().generate(Choices.random(seed)));
        }
    }

    @Test
    void theSimplestChoicesGiveTheSimplestFiles() {
        assertThat(DockerfileGenerators.dockerfileTexts().generate(Choices.replay(List.of()))).isEqualTo("FROM alpine\n");
        String compliant = DockerfileGenerators.compliantDockerfileTexts().generate(Choices.replay(List.of()));
        assertThat(compliant).startsWith("FROM gcr.io/distroless/static-debian12:nonroot@sha256:")
                .endsWith("COPY app /app/app\nUSER nonroot\nHEALTHCHECK CMD [\"/app/app\", \"health\"]\n"
                        + "ENTRYPOINT [\"/app/app\"]\n");
    }

    @Test
    void aFailingPropertyShrinksTowardFewerStagesAndInstructionsAndPrintsDockerfileText() {
        // a deliberately false property: "no file has two stages"
        assertThatThrownBy(() -> Property.forAll(DockerfileGenerators.dockerfiles()).tries(200)
                .printer(DockerfileGenerators::toText)
                .check(df -> assertThat(df.stages()).hasSizeLessThan(2)))
                .isInstanceOfSatisfying(PropertyFailure.class, f -> {
                    Dockerfile shrunk = (Dockerfile) f.counterexample();
                    assertThat(shrunk.stages()).hasSize(2);
                    assertThat(shrunk.instructions()).hasSize(2);
                    assertThat(f.getMessage()).contains("minimal counterexample:\nFROM alpine\nFROM alpine\n");
                });
        // "the final stage never runs as root" shrinks to a one-stage file ending in a root USER
        assertThatThrownBy(() -> Property.forAll(DockerfileGenerators.dockerfiles()).tries(300)
                .printer(DockerfileGenerators::toText)
                .check(df -> assertThat(df.finalStage().orElseThrow().effectiveUser()).isNotEqualTo(java.util.Optional.of("root"))))
                .isInstanceOfSatisfying(PropertyFailure.class, f -> {
                    Dockerfile shrunk = (Dockerfile) f.counterexample();
                    assertThat(shrunk.stages()).hasSize(1);
                    assertThat(shrunk.instructions()).hasSizeLessThanOrEqualTo(3);
                    assertThat(shrunk.instructions().get(shrunk.instructions().size() - 1)).isInstanceOf(UserInstruction.class);
                });
    }

    @Test
    void theGeneratorsCoverTheSecurityRelevantAndSyntacticFeatures() {
        List<String> texts = new ArrayList<>();
        for (long seed = 0; seed < 400; seed++) {
            texts.add(DockerfileGenerators.dockerfileTexts().generate(Choices.random(seed)));
        }
        String all = String.join("\n", texts);
        assertThat(all).contains("# escape=`", "# syntax=", "<<EOF", "<<-END", "<<'EOT'", "USER 10001:10001", "USER ${RUN_AS}",
                "USER $APP_USER", "USER root", "ONBUILD ", "HEALTHCHECK NONE", "EXPOSE 22", "--checksum=sha256:", "COPY --from=",
                "RUN --mount=", "ENTRYPOINT [", "CMD /app", "| sh", "sudo ", "ENV DB_PASSWORD", "@sha256:", ":latest", "${BASE_TAG}",
                " `\n");
        assertThat(texts.stream().filter(t -> t.split("\nFROM ", -1).length > 2).count()).as("multi-stage files").isGreaterThan(100);
        List<String> compliant = new ArrayList<>();
        for (long seed = 0; seed < 300; seed++) {
            compliant.add(DockerfileGenerators.compliantDockerfileTexts().generate(Choices.random(seed)));
        }
        String c = String.join("\n", compliant);
        assertThat(c).contains("FROM scratch", "USER ${RUN_AS}", "USER 10001:10001", "COPY --chown=", "ADD --checksum=",
                "COPY --from=build", "RUN <<EOF", "# escape=`", "VOLUME");
    }
}
