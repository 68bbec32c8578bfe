package io.github.policydsl.docker.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.policydsl.docker.ast.AddInstruction;
import io.github.policydsl.docker.ast.ArgInstruction;
import io.github.policydsl.docker.ast.CopyInstruction;
import io.github.policydsl.docker.ast.Dockerfile;
import io.github.policydsl.docker.ast.HealthcheckInstruction;
import io.github.policydsl.docker.ast.Heredoc;
import io.github.policydsl.docker.ast.Instruction;
import io.github.policydsl.docker.ast.Mount;
import io.github.policydsl.docker.ast.OnbuildInstruction;
import io.github.policydsl.docker.ast.RunInstruction;
import io.github.policydsl.docker.ast.UnknownInstruction;
import io.github.policydsl.docker.internal.AstDump;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SyntaxFeaturesTest {

    private static Dockerfile parse(String text) {
        return DockerfileParser.defaults().parse("Dockerfile", text);
    }

    @Test
    void heredocsKeepBodiesVerbatimAndReportTheirOptions() {
        Dockerfile df = parse("FROM a\nCOPY <<one 3<<-'two' /dst/\nbody $X\none\n\t\tindented\n\ttwo\nRUN echo\n");
        Instruction copy = df.instructions().get(1);
        assertThat(copy.heredocs()).extracting(Heredoc::name).containsExactly("one", "two");
        Heredoc one = copy.heredocs().get(0);
        assertThat(one.expand()).isTrue();
        assertThat(one.content()).isEqualTo("body $X\n");
        Heredoc two = copy.heredocs().get(1);
        assertThat(two.fileDescriptor()).isEqualTo(3);
        assertThat(two.chompTabs()).isTrue();
        assertThat(two.expand()).isFalse();
        assertThat(two.content()).isEqualTo("\t\tindented\n");
        assertThat(two.effectiveContent()).isEqualTo("indented\n");
        assertThat(df.instructions().get(2).range().startLine()).isEqualTo(7);
        assertThat(AstDump.instruction(copy)).isEqualTo("copy \"<<one\" \"3<<-'two'\" \"/dst/\"");
    }

    @Test
    void heredocInsideOnbuildIsStoredOnTheOnbuildNode() {
        Dockerfile df = parse("FROM a\nONBUILD RUN <<EOF\nx\nEOF\n");
        OnbuildInstruction ob = (OnbuildInstruction) df.instructions().get(1);
        assertThat(ob.heredocs()).hasSize(1);
        assertThat(ob.trigger()).containsInstanceOf(RunInstruction.class);
        assertThat(df.instructionCount()).isEqualTo(2);
    }

    @Test
    void unterminatedHeredocNamesTheInstructionLine() {
        assertThatThrownBy(() -> parse("FROM a\n\nRUN <<EOF\nnever\n"))
                .isInstanceOf(DockerfileParseException.class)
                .hasMessage("Dockerfile:3:1: unterminated heredoc");
    }

    @Test
    void escapeDirectiveChangesContinuationAndWordEscapes() {
        Dockerfile df = parse("# escape=`\nFROM mcr.microsoft.com/windows\nRUN dir C:\\ `\n  && echo done\nENV P=C:\\x Q=a` b\n");
        assertThat(df.escapeToken()).isEqualTo('`');
        assertThat(df.directive("ESCAPE")).contains("`");
        assertThat(df.instructions().get(1).arguments().get(0).value()).isEqualTo("dir C:\\   && echo done");
        assertThat(AstDump.instruction(df.instructions().get(2))).isEqualTo("env \"P\" \"C:\\\\x\" \"=\" \"Q\" \"a` b\" \"=\"");
        assertThat(df.finalStage().orElseThrow().environment()).containsEntry("Q", "a b").containsEntry("P", "C:\\x");
    }

    @Test
    void directivesOnlyCountAtTheTop() {
        Dockerfile df = parse("FROM a\n# escape=`\nRUN a \\\n b\n");
        assertThat(df.escapeToken()).isEqualTo('\\');
        assertThat(df.directives()).isEmpty();
        assertThatThrownBy(() -> parse("# syntax=a\n# SYNTAX=b\nFROM a\n"))
                .isInstanceOf(DockerfileParseException.class)
                .satisfies(e -> assertThat(((DockerfileParseException) e).line()).isEqualTo(2));
        assertThatThrownBy(() -> parse("# escape=x\nFROM a\n")).hasMessageContaining("Dockerfile:1:");
    }

    @Test
    void crlfAndBomAreHandled() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "# escape=`\r\nFROM a\r\nRUN echo `\r\n  x\r\nCMD [\"sh\"]\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        Dockerfile df = DockerfileParser.defaults().parse("Dockerfile", all);
        assertThat(df.escapeToken()).isEqualTo('`');
        assertThat(AstDump.dump(df)).isEqualTo("(from \"a\")\n(run \"echo   x\")\n(cmd \"sh\")\n");
        assertThat(df.instructions().get(2).isExecForm()).isTrue();
        assertThat(df.instructions().get(1).range().endLine()).isEqualTo(4);
    }

    @Test
    void jsonFallbacksAndErrors() {
        Dockerfile df = parse("FROM a\nCMD [\"a\",]\nENTRYPOINT ['x']\nRUN [ -f x ] && y\nSHELL [\"pwsh\", \"-c\"]\n");
        assertThat(df.instructions().get(1).isExecForm()).isFalse();
        assertThat(df.instructions().get(1).arguments().get(0).value()).isEqualTo("[\"a\",]");
        assertThat(df.instructions().get(2).isExecForm()).isFalse();
        assertThat(df.instructions().get(3).isExecForm()).isFalse();
        assertThat(df.instructions().get(4).isExecForm()).isTrue();
        assertThatThrownBy(() -> parse("FROM a\nCMD [\"a\", [\"b\"]]\n"))
                .hasMessageContaining("Dockerfile:2:")
                .hasMessageContaining("arrays must be comprised of strings only");
        // out-of-range number: decoding fails, so BuildKit falls back to shell form
        assertThat(parse("FROM a\nCMD [1e999]\n").instructions().get(1).isExecForm()).isFalse();
    }

    @Test
    void envLabelAndArgForms() {
        assertThatThrownBy(() -> parse("FROM a\nENV A=1 B\n")).hasMessageContaining("can't find = in \"B\"");
        assertThatThrownBy(() -> parse("FROM a\nLABEL lonely\n")).hasMessageContaining("LABEL must have two arguments");
        ArgInstruction arg = (ArgInstruction) parse("ARG A B=c \"D=e f\"\nFROM x\n").instructions().get(0);
        assertThat(arg.declarations()).hasSize(3);
        assertThat(arg.declarations().get(0).defaultValue()).isEmpty();
        assertThat(arg.declarations().get(1).defaultValue()).contains("c");
        assertThat(arg.declarations().get(2).name()).isEqualTo("\"D");
    }

    @Test
    void flagsAreTypedAndTextual() {
        Dockerfile df = parse("FROM a\n"
                + "RUN --mount=type=cache,target=/root/.cache,sharing=locked --network=none --security=insecure make\n"
                + "ADD --checksum=sha256:abc --keep-git-dir --link https://x/y.git /y\n"
                + "COPY --from=b --exclude=*.md --exclude=*.txt --parents -- --weird /d\n"
                + "HEALTHCHECK --interval=30s --retries=3 CMD curl -f http://localhost/\n"
                + "HEALTHCHECK NONE\n");
        RunInstruction run = (RunInstruction) df.instructions().get(1);
        Mount m = run.mounts().get(0);
        assertThat(m.type()).isEqualTo("cache");
        assertThat(m.target()).contains("/root/.cache");
        assertThat(m.option("sharing")).contains("locked");
        assertThat(run.network()).contains("none");
        assertThat(run.security()).contains("insecure");
        assertThat(run.isExecForm()).isFalse();
        AddInstruction add = (AddInstruction) df.instructions().get(2);
        assertThat(add.checksum()).contains("sha256:abc");
        assertThat(add.keepGitDir()).isTrue();
        assertThat(add.link()).isTrue();
        CopyInstruction copy = (CopyInstruction) df.instructions().get(3);
        assertThat(copy.from()).contains("b");
        assertThat(copy.excludes()).containsExactly("*.md", "*.txt");
        assertThat(copy.parents()).isTrue();
        assertThat(copy.sources()).extracting(a -> a.value()).containsExactly("--weird");
        HealthcheckInstruction hc = (HealthcheckInstruction) df.instructions().get(4);
        assertThat(hc.type()).isEqualTo("CMD");
        assertThat(hc.interval()).contains("30s");
        assertThat(hc.retries()).contains("3");
        assertThat(hc.test()).containsExactly("curl -f http://localhost/");
        assertThat(((HealthcheckInstruction) df.instructions().get(5)).isNone()).isTrue();
    }

    @Test
    void unknownInstructionsAndOnbuildNesting() {
        Dockerfile df = parse("FROM a\nFOO --x=1 bar\nONBUILD ONBUILD RUN x\nONBUILD\n");
        assertThat(df.instructions().get(1)).isInstanceOf(UnknownInstruction.class);
        assertThat(AstDump.instruction(df.instructions().get(1))).isEqualTo("foo [\"--x=1\"] \"\"");
        assertThat(AstDump.instruction(df.instructions().get(2))).isEqualTo("onbuild (onbuild (run \"x\"))");
        assertThat(((OnbuildInstruction) df.instructions().get(3)).trigger()).isEqualTo(Optional.empty());
    }

    @Test
    void emptyInputsAreRejected() {
        assertThatThrownBy(() -> parse("")).hasMessage("Dockerfile:1:1: file with no instructions");
        assertThatThrownBy(() -> parse("# only\n\n# comments\n")).hasMessage("Dockerfile:3:1: file with no instructions");
    }
}
