package io.github.policydsl.bench;

import io.github.policydsl.docker.parse.DockerfileParser;
import io.github.policydsl.examples.corpus.DockerfileCorpus;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** (f) Dockerfile parsing of the generated corpus (the files {@code DockerfileCorpusWriter} writes for the Node comparison). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 7, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch", "-XX:+UseG1GC"})
@State(Scope.Benchmark)
public class DockerfileBench {

    /** Corpus size in files. */
    @Param({"2000"})
    public int files;

    List<byte[]> inputs;
    DockerfileParser parser;

    @Setup(Level.Trial)
    public void setUp() {
        inputs = new ArrayList<>();
        for (DockerfileCorpus.Entry e : DockerfileCorpus.generate(files, DockerfileCorpusWriter.SEED)) {
            inputs.add(e.content().getBytes(StandardCharsets.UTF_8));
        }
        parser = DockerfileParser.defaults();
    }

    /** (f) parse every file of the corpus. */
    @Benchmark
    public long f_parseDockerfiles() {
        long n = 0;
        for (int i = 0; i < inputs.size(); i++) {
            n += parser.parse("f" + i, inputs.get(i)).instructionCount();
        }
        return n;
    }
}
