package io.github.policydsl.docker.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.policydsl.docker.ast.CopyInstruction;
import io.github.policydsl.docker.ast.Dockerfile;
import io.github.policydsl.docker.ast.EnvInstruction;
import io.github.policydsl.docker.ast.FromInstruction;
import io.github.policydsl.docker.ast.Instruction;
import io.github.policydsl.docker.ast.KeyValue;
import io.github.policydsl.docker.ast.RunInstruction;
import io.github.policydsl.docker.ast.SourceRange;

import org.junit.jupiter.api.Test;

class PositionsTest {

    private static Dockerfile parse(String text) {
        return DockerfileParser.defaults().parse("Dockerfile", text);
    }

    @Test
    void instructionAndArgumentRangesOnOneLine() {
        Dockerfile df = parse("FROM alpine:3.20 AS build\n  COPY --from=build --chown=1:1 /src /dst\n");
        FromInstruction from = (FromInstruction) df.instructions().get(0);
        assertThat(from.range()).isEqualTo(new SourceRange(1, 1, 1, 26));
        assertThat(from.syntax().keywordRange()).isEqualTo(new SourceRange(1, 1, 1, 5));
        assertThat(from.arguments().get(0).range()).isEqualTo(new SourceRange(1, 6, 1, 17));
        assertThat(from.arguments().get(2).range()).isEqualTo(new SourceRange(1, 21, 1, 26));

        CopyInstruction copy = (CopyInstruction) df.instructions().get(1);
        assertThat(copy.range()).isEqualTo(new SourceRange(2, 3, 2, 42));
        assertThat(copy.flags().get(0).range()).isEqualTo(new SourceRange(2, 8, 2, 20));
        assertThat(copy.flags().get(1).range()).isEqualTo(new SourceRange(2, 21, 2, 32));
        assertThat(copy.sources().get(0).range()).isEqualTo(new SourceRange(2, 33, 2, 37));
        assertThat(copy.destination().orElseThrow().range()).isEqualTo(new SourceRange(2, 38, 2, 42));
    }

    @Test
    void argumentsSpanningContinuationLinesMapBackToPhysicalPositions() {
        String text = "FROM a\nRUN apt-get update \\\n    # comment inside\n    && apt-get install -y curl\n";
        Dockerfile df = parse(text);
        RunInstruction run = (RunInstruction) df.instructions().get(1);
        assertThat(run.range()).isEqualTo(new SourceRange(2, 1, 4, 31));
        SourceRange arg = run.arguments().get(0).range();
        assertThat(arg.startLine()).isEqualTo(2);
        assertThat(arg.startColumn()).isEqualTo(5);
        assertThat(arg.endLine()).isEqualTo(4);
        assertThat(arg.endColumn()).isEqualTo(31);
        assertThat(run.command()).containsExactly("apt-get update     && apt-get install -y curl");
    }

    @Test
    void jsonElementsHaveTheirOwnRanges() {
        Dockerfile df = parse("FROM a\nCMD [\"echo\", \"hi there\"]\n");
        Instruction cmd = df.instructions().get(1);
        assertThat(cmd.isExecForm()).isTrue();
        assertThat(cmd.arguments().get(0).range()).isEqualTo(new SourceRange(2, 6, 2, 12));
        assertThat(cmd.arguments().get(1).range()).isEqualTo(new SourceRange(2, 14, 2, 24));
    }

    @Test
    void envPairsPointAtKeyAndValue() {
        Dockerfile df = parse("FROM a\nENV A=1 LONG=\"two words\"\nENV LEGACY some value\n");
        EnvInstruction env = (EnvInstruction) df.instructions().get(1);
        KeyValue second = env.pairs().get(1);
        assertThat(second.key()).isEqualTo("LONG");
        assertThat(second.value()).isEqualTo("\"two words\"");
        assertThat(second.keyRange()).isEqualTo(new SourceRange(2, 9, 2, 13));
        assertThat(second.valueRange()).isEqualTo(new SourceRange(2, 14, 2, 25));
        KeyValue legacy = ((EnvInstruction) df.instructions().get(2)).pairs().get(0);
        assertThat(legacy.legacyForm()).isTrue();
        assertThat(legacy.value()).isEqualTo("some value");
        assertThat(legacy.valueRange()).isEqualTo(new SourceRange(3, 12, 3, 22));
    }

    @Test
    void heredocBodyExtendsTheInstructionRange() {
        Dockerfile df = parse("FROM a\nRUN <<EOF\necho hi\nEOF\nUSER app\n");
        Instruction run = df.instructions().get(1);
        assertThat(run.range()).isEqualTo(new SourceRange(2, 1, 4, 4));
        assertThat(run.heredocs().get(0).range()).isEqualTo(new SourceRange(3, 1, 4, 4));
        assertThat(df.instructions().get(2).range()).isEqualTo(new SourceRange(5, 1, 5, 9));
    }

    @Test
    void columnsCountUtf16UnitsAndIgnoreTheBom() {
        Dockerfile df = DockerfileParser.defaults().parse("Dockerfile",
                "\uFEFFFROM a\nLABEL k=\"é😀\" z=1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(df.instructions().get(0).range()).isEqualTo(new SourceRange(1, 1, 1, 7));
        KeyValue z = ((io.github.policydsl.docker.ast.LabelInstruction) df.instructions().get(1)).pairs().get(1);
        assertThat(z.keyRange()).isEqualTo(new SourceRange(2, 15, 2, 16));
    }
}
