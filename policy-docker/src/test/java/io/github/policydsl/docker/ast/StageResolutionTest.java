package io.github.policydsl.docker.ast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.policydsl.docker.parse.DockerfileParser;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StageResolutionTest {

    private static Dockerfile parse(String text) {
        return DockerfileParser.defaults().parse("Dockerfile", text);
    }

    @Test
    void globalArgsAreUsableInFromOnly() {
        Dockerfile df = parse("ARG VERSION=3.20\nARG REG=registry:5000\nFROM ${REG}/alpine:${VERSION} AS base\n"
                + "RUN echo $VERSION\nARG VERSION\nUSER u-${VERSION}\n");
        Stage s = df.stages().get(0);
        assertThat(s.baseImage()).isEqualTo("registry:5000/alpine:3.20");
        assertThat(s.image()).get().extracting(ImageRef::registry).isEqualTo(java.util.Optional.of("registry:5000"));
        Instruction run = s.instructions().get(1);
        assertThat(s.environmentAt(run)).doesNotContainKey("VERSION");
        assertThat(s.expand("v=$VERSION", run)).isEqualTo("v=");
        Instruction user = s.instructions().get(3);
        assertThat(s.environmentAt(user)).containsEntry("VERSION", "3.20");
        assertThat(s.effectiveUser()).contains("u-3.20");
    }

    @Test
    void buildArgsOverrideDefaults() {
        Dockerfile df = parse("ARG TAG=1\nFROM img:$TAG\nARG TAG\nARG OTHER=x\nWORKDIR /$TAG/$OTHER\n")
                .withBuildArgs(Map.of("TAG", "2", "OTHER", "y"));
        Stage s = df.finalStage().orElseThrow();
        assertThat(s.baseImage()).isEqualTo("img:2");
        assertThat(s.effectiveWorkdir()).contains("/2/y");
    }

    @Test
    void envPairsSeeTheEnvironmentBeforeTheInstruction() {
        Dockerfile df = parse("FROM a\nENV a=1\nENV a=2 b=$a\nENV c=\"${a} ${b}\" 'd'=x\n");
        Stage s = df.stages().get(0);
        assertThat(s.environment()).containsEntry("a", "2").containsEntry("b", "1").containsEntry("c", "2 1")
                .containsEntry("d", "x");
        assertThat(s.imageEnvironment()).containsOnlyKeys("a", "b", "c", "d");
    }

    @Test
    void envOverridesArgOfTheSameName() {
        Stage s = parse("FROM a\nARG X=arg\nENV X=env\nARG X=again\nUSER $X\n").stages().get(0);
        assertThat(s.effectiveUser()).contains("env");
        assertThat(s.imageEnvironment()).containsOnlyKeys("X");
    }

    @Test
    void stageBuiltOnAnEarlierStageInheritsEnvUserAndWorkdir() {
        Dockerfile df = parse("FROM alpine AS Base\nARG A=1\nENV HOME=/home/app\nUSER app\nWORKDIR /srv\n"
                + "FROM base\nWORKDIR sub/../data\nRUN echo $HOME $A\n"
                + "FROM alpine\nRUN true\n");
        Stage base = df.stage("base").orElseThrow();
        Stage child = df.stages().get(1);
        assertThat(child.baseStage()).containsSame(base);
        assertThat(child.image()).isEmpty();
        assertThat(child.effectiveUser()).contains("app");
        assertThat(child.effectiveWorkdir()).contains("/srv/data");
        assertThat(child.expand("$HOME:$A", child.instructions().get(2))).isEqualTo("/home/app:1");
        Stage last = df.stages().get(2);
        assertThat(last.isFinal()).isTrue();
        assertThat(base.isFinal()).isFalse();
        assertThat(last.effectiveUser()).isEmpty();
        assertThat(last.environment()).isEmpty();
        assertThat(df.finalStage()).containsSame(last);
        assertThat(df.stage("0")).containsSame(base);
    }

    @Test
    void substitutionErrorsSurfaceAsExpansionExceptions() {
        Stage s = parse("FROM a\nUSER ${NAME:?must be set}\n").stages().get(0);
        assertThatThrownBy(s::effectiveUser).isInstanceOf(VariableExpansionException.class)
                .hasMessageContaining("must be set");
        Stage bad = parse("FROM ${}\n").stages().get(0);
        assertThatThrownBy(bad::baseImage).isInstanceOf(VariableExpansionException.class);
    }

    @Test
    void expandWordsSplitsUnquotedExpansions() {
        Stage s = parse("FROM a\nENV PORTS=\"80 443\"\nEXPOSE $PORTS\n").stages().get(0);
        Instruction expose = s.instructions().get(2);
        assertThat(s.expandWords(((ExposeInstruction) expose).ports().get(0).value(), expose))
                .isEqualTo(List.of("80", "443"));
        assertThatThrownBy(() -> s.expand("x", parse("FROM b\n").instructions().get(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void instructionsBeforeFirstFromAreGlobal() {
        Dockerfile df = parse("# syntax=docker/dockerfile:1\nARG A\nARG B=2\nFROM x\n");
        assertThat(df.globalArgs()).hasSize(2);
        assertThat(df.stageOf(df.instructions().get(0))).isEmpty();
        assertThat(df.stageOf(df.instructions().get(2))).isPresent();
        assertThat(df.directive("syntax")).contains("docker/dockerfile:1");
    }

    @Test
    void platformFlagIsExpandedFromSuppliedPlatformArgs() {
        Dockerfile df = parse("FROM --platform=$BUILDPLATFORM golang AS build\n")
                .withBuildArgs(Map.of("BUILDPLATFORM", "linux/amd64"));
        assertThat(df.stages().get(0).platform()).contains("linux/amd64");
        assertThat(df.stages().get(0).from().platform()).contains("$BUILDPLATFORM");
    }

    @Test
    void copyHeredocsExpandUnlessTheDelimiterIsQuoted() {
        Dockerfile df = parse("FROM a\nARG NAME=world\nCOPY <<-EOF <<'RAW' /d/\n\thello \"$NAME\"\n\tEOF\n$NAME\nRAW\n");
        Stage s = df.stages().get(0);
        Instruction copy = s.instructions().get(2);
        assertThat(s.heredocContent(copy.heredocs().get(0), copy)).isEqualTo("hello \"world\"\n");
        assertThat(s.heredocContent(copy.heredocs().get(1), copy)).isEqualTo("$NAME\n");
    }
}
