package io.github.policydsl.docker.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.testing.Choices;
import io.github.policydsl.api.testing.JazzerChoices;
import io.github.policydsl.docker.DockerfileLoader;
import io.github.policydsl.docker.Dockerfiles;
import io.github.policydsl.docker.ast.Dockerfile;
import io.github.policydsl.docker.internal.AstDump;
import io.github.policydsl.docker.packs.DockerfilePack;
import io.github.policydsl.docker.testing.DockerfileGenerators;

/**
 * Coverage-guided fuzz tests of the Dockerfile parser (Jazzer). Under {@code mvn verify} they run
 * in regression mode over the seed inputs in {@code src/test/resources}; a real session:
 * {@code JAZZER_FUZZ=1 mvn -B -o test -pl policy-docker -Dtest=DockerfileParserFuzzTest#<method>}
 * (stops after {@code maxDuration} or at the first finding; the corpus grows in
 * {@code .cifuzz-corpus/}, which is git-ignored).
 */
class DockerfileParserFuzzTest {

    private static final DockerfileParser PARSER = DockerfileParser.defaults();

    private static int physicalLines(byte[] bytes) {
        int n = 1;
        for (byte b : bytes) {
            if (b == '\n' || b == '\r') {
                n++;
            }
        }
        return n;
    }

    /**
     * Raw bytes: parsing succeeds or throws only {@link DockerfileParseException} with a line inside
     * the input and no internal error; loading and evaluating the pack never throw.
     */
    @FuzzTest(maxDuration = "60s")
    void parsingArbitraryBytesFailsClosed(byte[] bytes) {
        try {
            Dockerfile df = PARSER.parse("fuzz", bytes);
            assertThat(AstDump.dump(df)).isNotNull();
        } catch (DockerfileParseException e) {
            assertThat(e.problem()).doesNotStartWith("internal parser error");
            assertThat(e.sourceName()).isEqualTo("fuzz");
            assertThat(e.line()).isBetween(1, physicalLines(bytes));
            assertThat(e.column()).isPositive();
        }
        Dockerfiles loaded = DockerfileLoader.defaults().loadBytes("fuzz", bytes);
        Report r = DockerfilePack.policy().evaluate(loaded);
        assertThat(r.summary().error()).isGreaterThanOrEqualTo(loaded.errors().size());
    }

    /**
     * Our generators driven by the fuzzer: every generated file (arbitrary and compliant) parses,
     * loads without errors, prints back to the same instructions, and evaluates without ERROR; the
     * compliant one passes the whole pack.
     */
    @FuzzTest(maxDuration = "60s")
    void generatedDockerfilesParseAndEvaluate(FuzzedDataProvider data) {
        Choices choices = JazzerChoices.from(data);
        String text = data.consumeBoolean()
                ? DockerfileGenerators.compliantDockerfileTexts().generate(choices)
                : DockerfileGenerators.dockerfileTexts().generate(choices);
        Dockerfile df = DockerfileGenerators.parse(text);
        assertThat(AstDump.dump(DockerfileGenerators.parse(DockerfileGenerators.toText(df)))).isEqualTo(AstDump.dump(df));
        Dockerfiles loaded = DockerfileLoader.defaults().loadString(DockerfileGenerators.SOURCE_NAME, text);
        assertThat(loaded.errors()).isEmpty();
        Report r = DockerfilePack.policy().evaluate(loaded);
        assertThat(r.violations(Outcome.ERROR)).isEmpty();
    }
}
