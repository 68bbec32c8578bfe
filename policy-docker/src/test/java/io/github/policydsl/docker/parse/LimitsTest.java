package io.github.policydsl.docker.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.policydsl.docker.ast.Dockerfile;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class LimitsTest {

    private static final Duration FAST = Duration.ofSeconds(10);

    @Test
    void physicalLineLengthFollowsBuildKit() {
        String ok = "FROM a\nRUN " + "x".repeat(65535 - 4) + "\n";
        assertThat(DockerfileParser.defaults().parse("D", ok).instructions()).hasSize(2);
        String tooLong = "FROM a\nRUN " + "x".repeat(65536 - 4) + "\n";
        assertThatThrownBy(() -> DockerfileParser.defaults().parse("D", tooLong))
                .isInstanceOf(DockerfileParseException.class)
                .hasMessageStartingWith("D:2:1: dockerfile line greater than max allowed size");
    }

    @Test
    void configurableLimitsProduceParseExceptions() {
        DockerfileParser small = DockerfileParser.builder().maxInputBytes(20).maxLines(3).maxInstructions(2)
                .maxNestingDepth(2).maxLineBytes(30).build();
        assertThatThrownBy(() -> small.parse("D", "FROM a\nRUN " + "y".repeat(40) + "\n"))
                .isInstanceOf(DockerfileParseException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> small.parse("D", "FROM a\nRUN b\nRUN c\n"))
                .isInstanceOf(DockerfileParseException.class).hasMessageContaining("D:3:1: more than 2 instructions");
        assertThatThrownBy(() -> small.parse("D", "\n\n\n\nFROM a"))
                .isInstanceOf(DockerfileParseException.class).hasMessageContaining("D:4:1: more than 3 lines");
        DockerfileParser shallow = DockerfileParser.builder().maxNestingDepth(2).build();
        assertThatThrownBy(() -> shallow.parse("D", "FROM a\nONBUILD ONBUILD ONBUILD RUN x"))
                .isInstanceOf(DockerfileParseException.class).hasMessageContaining("nested");
        assertThatThrownBy(() -> small.parse(new ByteArrayInputStream(new byte[100]), "stream"))
                .isInstanceOf(DockerfileParseException.class).hasMessageStartingWith("stream:1:1:");
        assertThatThrownBy(() -> DockerfileParser.builder().maxLines(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pathologicalInputsStayFast() {
        DockerfileParser p = DockerfileParser.defaults();
        assertTimeoutPreemptively(FAST, () -> {
            // many flags on one maximal line
            String flags = "COPY " + "--a ".repeat(16000) + "x y";
            assertThat(p.parse("D", "FROM a\n" + flags).instructions()).hasSize(2);
            // heredoc operator followed by a long run of blanks
            String blanks = "RUN <<" + " ".repeat(60000) + "EOF\nbody\nEOF\n";
            assertThat(p.parse("D", "FROM a\n" + blanks).instructions().get(1).heredocs()).hasSize(1);
            // a long continuation chain
            String chain = "RUN a \\\n".repeat(100_000) + "b\n";
            assertThat(p.parse("D", "FROM a\n" + chain).instructions()).hasSize(2);
            // deeply nested JSON falls back or fails without recursion
            String json = "CMD [" + "[".repeat(60000) + "]".repeat(60000) + "]";
            assertThatThrownBy(() -> p.parse("D", "FROM a\n" + json)).isInstanceOf(DockerfileParseException.class);
            // many quotes and escapes for the word splitters
            String words = "ENV " + "a=\"\\\" b\" ".repeat(6000);
            Dockerfile df = p.parse("D", "FROM a\n" + words);
            assertThat(df.instructions()).hasSize(2);
            df.finalStage().orElseThrow().environment();
        });
    }

    @Test
    void invalidUtf8IsKeptByteForByte() {
        byte[] input = "FROM a\nRUN x\u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
        Dockerfile df = DockerfileParser.defaults().parse("D", input);
        assertThat(io.github.policydsl.docker.internal.AstDump.dump(df)).isEqualTo("(from \"a\")\n(run \"x\\xff\")\n");
    }
}
