package io.github.policydsl.examples.bench;

import io.github.policydsl.docker.ast.Dockerfile;
import io.github.policydsl.docker.packs.DockerfilePack;
import io.github.policydsl.docker.parse.DockerfileParser;
import io.github.policydsl.docker.Dockerfiles;
import io.github.policydsl.examples.corpus.DockerfileCorpus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small throughput harness for the Dockerfile parser (and, separately, the {@code dockerfile}
 * pack): generates a deterministic corpus in memory, warms up, then times several rounds and
 * prints files/s and MB/s. Not a JMH benchmark; figures are indicative.
 *
 * <pre>
 * mvn -B -q package -DskipTests -pl policy-examples -am
 * java -cp policy-examples/target/policy-scan.jar io.github.policydsl.examples.bench.DockerfileParserBenchmark [files] [rounds]
 * </pre>
 */
public final class DockerfileParserBenchmark {

    private DockerfileParserBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args optional: number of files (default 2000), timed rounds (default 10)
     */
    public static void main(String[] args) {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<byte[]> inputs = new ArrayList<>();
        long bytes = 0;
        for (DockerfileCorpus.Entry e : DockerfileCorpus.generate(files, 42L)) {
            byte[] b = e.content().getBytes(StandardCharsets.UTF_8);
            inputs.add(b);
            bytes += b.length;
        }
        DockerfileParser parser = DockerfileParser.defaults();
        long sink = 0;
        for (int i = 0; i < 5; i++) {
            sink += parseAll(parser, inputs);
        }
        long best = Long.MAX_VALUE;
        long total = 0;
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            sink += parseAll(parser, inputs);
            long t = System.nanoTime() - t0;
            best = Math.min(best, t);
            total += t;
        }
        double mean = total / (double) rounds / 1e9;
        System.out.printf(Locale.ROOT, "corpus: %d files, %.2f MB, %d instructions%n", files, bytes / 1e6, sink / (5 + rounds));
        System.out.printf(Locale.ROOT, "parse (mean of %d): %.0f files/s, %.2f MB/s; best %.0f files/s, %.2f MB/s%n",
                rounds, files / mean, bytes / 1e6 / mean, files / (best / 1e9), bytes / 1e6 / (best / 1e9));
        List<Dockerfile> parsed = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            parsed.add(parser.parse("f" + i, inputs.get(i)));
        }
        Dockerfiles input = Dockerfiles.of(parsed, List.of());
        for (int i = 0; i < 3; i++) {
            DockerfilePack.policy().evaluate(input);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            DockerfilePack.policy().evaluate(input);
        }
        double packMean = (System.nanoTime() - t0) / (double) rounds / 1e9;
        System.out.printf(Locale.ROOT, "dockerfile pack (16 rules, mean of %d): %.0f files/s%n", rounds, files / packMean);
    }

    private static long parseAll(DockerfileParser parser, List<byte[]> inputs) {
        long n = 0;
        for (int i = 0; i < inputs.size(); i++) {
            n += parser.parse("f" + i, inputs.get(i)).instructionCount();
        }
        return n;
    }
}
