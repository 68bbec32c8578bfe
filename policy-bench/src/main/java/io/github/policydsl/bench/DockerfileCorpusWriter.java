package io.github.policydsl.bench;

import io.github.policydsl.examples.corpus.DockerfileCorpus;

import java.nio.file.Path;

/** Writes the benchmark's Dockerfile corpus to a directory, for the Node {@code dockerfile-ast} comparison. */
public final class DockerfileCorpusWriter {

    /** The corpus seed shared with {@link DockerfileBench}. */
    public static final long SEED = 42L;

    private DockerfileCorpusWriter() {
    }

    /**
     * Writes the corpus.
     *
     * @param args directory [files (default 2000)]
     * @throws Exception if writing fails
     */
    public static void main(String[] args) throws Exception {
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        DockerfileCorpus.write(Path.of(args[0]), DockerfileCorpus.generate(files, SEED));
    }
}
