package io.github.policydsl.docker.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.policydsl.docker.ast.Dockerfile;
import io.github.policydsl.docker.ast.Instruction;
import io.github.policydsl.docker.ast.Stage;
import io.github.policydsl.docker.ast.VariableExpansionException;
import io.github.policydsl.docker.internal.AstDump;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Random inputs built from Dockerfile-ish fragments: the parser either succeeds or fails cleanly. */
class ParserRobustnessTest {

    private static final String[] FRAGMENTS = {
        "FROM ", "RUN ", "COPY ", "ADD ", "ENV ", "ARG ", "LABEL ", "ONBUILD ", "HEALTHCHECK ", "USER ",
        "WORKDIR ", "EXPOSE ", "CMD ", "SHELL ", "VOLUME ", "foo ", "AS ", "--from=", "--mount=type=cache,target=/x ",
        "--", "-", "\"", "'", "\\", "`", "[", "]", ",", "{", "}", "$", "${", ":-", "=", "a", "b=c", " ", "\t",
        "\n", "\r\n", "\r", "#", "# escape=`\n", "# syntax=x\n", "<<", "<<-", "EOF", "\nEOF\n", "3<<", "\u00a0",
        "\u00e0", "\u2028", "\ufeff", "\u0000", "é", "😀", "[\"a\"]", "[1]", "[\"a\",", "NONE", "CMD", "\\\n",
        "\\\\\n", "  \n",
    };

    @Test
    void randomInputsNeverCrash() {
        Random random = new Random(20261127L);
        DockerfileParser parser = DockerfileParser.defaults();
        int parsed = 0;
        int rejected = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(40);
            for (int i = 0; i < n; i++) {
                sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
            byte[] bytes = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (random.nextInt(10) == 0 && bytes.length > 0) {
                bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(128));
            }
            try {
                Dockerfile df = parser.parse("fuzz", bytes);
                parsed++;
                assertThat(AstDump.dump(df)).isNotEmpty();
                for (Instruction in : df.instructions()) {
                    assertThat(in.range().startLine()).isPositive();
                }
                for (Stage s : df.stages()) {
                    try {
                        s.effectiveUser();
                        s.effectiveWorkdir();
                        s.image();
                        s.platform();
                    } catch (VariableExpansionException expected) {
                        // a build would fail here too
                    }
                }
            } catch (DockerfileParseException e) {
                rejected++;
                if (e.problem().startsWith("internal parser error")) {
                    fail("crash on input " + java.util.Arrays.toString(bytes), e);
                }
                assertThat(e.line()).isPositive();
            }
        }
        assertThat(parsed).isPositive();
        assertThat(rejected).isPositive();
    }
}
