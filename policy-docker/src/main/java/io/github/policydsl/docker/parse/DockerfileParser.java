package io.github.policydsl.docker.parse;

import io.github.policydsl.docker.ast.Dockerfile;
import io.github.policydsl.docker.ast.Instruction;
import io.github.policydsl.docker.internal.parser.AstBuilder;
import io.github.policydsl.docker.internal.parser.Limits;
import io.github.policydsl.docker.internal.parser.RawNode;
import io.github.policydsl.docker.internal.parser.RawParseError;
import io.github.policydsl.docker.internal.parser.RawParser;
import io.github.policydsl.docker.internal.parser.RawResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parses Dockerfiles the way BuildKit's Dockerfile frontend parser does: the same inputs are
 * accepted and rejected, and the same instruction arguments are produced (see the conformance
 * data's FORMAT.md). Immutable and thread-safe; create one and reuse it.
 *
 * <pre>{@code
 * Dockerfile df = DockerfileParser.defaults().parse(Path.of("Dockerfile"));
 * }</pre>
 *
 * <p>Inputs are read as bytes; text that is not valid UTF-8 is kept byte for byte. Limits on
 * input size, line count, line length, instruction count and ONBUILD nesting make bad inputs fail
 * with a {@link DockerfileParseException} instead of exhausting memory.
 */
public final class DockerfileParser {

    /** Default largest input: 16 MiB. */
    public static final long DEFAULT_MAX_INPUT_BYTES = 16L * 1024 * 1024;
    /** Default most physical lines. */
    public static final int DEFAULT_MAX_LINES = 1_000_000;
    /** BuildKit's longest physical line (a Go {@code bufio.Scanner} limit), the default. */
    public static final int DEFAULT_MAX_LINE_BYTES = 65_535;
    /** Default most instructions. */
    public static final int DEFAULT_MAX_INSTRUCTIONS = 100_000;
    /** Default deepest ONBUILD nesting (BuildKit itself rejects any nesting at its typed stage). */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 64;

    private static final DockerfileParser DEFAULTS = builder().build();

    private final Limits limits;

    private DockerfileParser(Limits limits) {
        this.limits = limits;
    }

    /**
     * A parser with default limits.
     *
     * @return the shared default parser
     */
    public static DockerfileParser defaults() {
        return DEFAULTS;
    }

    /**
     * A builder for a parser with custom limits.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses text (encoded as UTF-8 before parsing).
     *
     * @param name source name used in messages
     * @param text the Dockerfile
     * @return the parsed file
     * @throws DockerfileParseException when the input is rejected
     */
    public Dockerfile parse(String name, String text) {
        Objects.requireNonNull(text, "text");
        return parse(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses raw bytes.
     *
     * @param name source name used in messages
     * @param bytes the Dockerfile
     * @return the parsed file
     * @throws DockerfileParseException when the input is rejected
     */
    public Dockerfile parse(String name, byte[] bytes) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
        try {
            RawResult raw = RawParser.parse(bytes, limits);
            List<Instruction> instructions = new ArrayList<>(raw.nodes().size());
            for (RawNode n : raw.nodes()) {
                instructions.add(AstBuilder.build(n));
            }
            return Dockerfile.of(name, instructions, raw.directives(), raw.escapeToken(), raw.warnings());
        } catch (RawParseError e) {
            throw new DockerfileParseException(name, e.line(), e.column(), e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // fail closed: an unexpected condition is reported as a parse error, never propagated raw
            throw new DockerfileParseException(name, 1, 1, "internal parser error: " + e, e);
        }
    }

    /**
     * Parses a file; its path is the source name.
     *
     * @param path the file
     * @return the parsed file
     * @throws DockerfileParseException when the input is rejected or larger than the limit
     * @throws UncheckedIOException when the file cannot be read
     */
    public Dockerfile parse(Path path) {
        Objects.requireNonNull(path, "path");
        try (InputStream in = Files.newInputStream(path)) {
            return parse(in, path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /**
     * Parses a stream (read to its end, not closed).
     *
     * @param in the stream
     * @param name source name used in messages
     * @return the parsed file
     * @throws DockerfileParseException when the input is rejected or larger than the limit
     * @throws UncheckedIOException when reading fails
     */
    public Dockerfile parse(InputStream in, String name) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        long max = limits.maxInputBytes();
        try {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new DockerfileParseException(name, 1, 1, "input is larger than the limit of " + max + " bytes");
            }
            return parse(name, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** Configures limits. Not thread-safe; the parser it builds is. */
    public static final class Builder {
        private long maxInputBytes = DEFAULT_MAX_INPUT_BYTES;
        private int maxLines = DEFAULT_MAX_LINES;
        private int maxLineBytes = DEFAULT_MAX_LINE_BYTES;
        private int maxInstructions = DEFAULT_MAX_INSTRUCTIONS;
        private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;

        private Builder() {
        }

        /**
         * Largest accepted input in bytes.
         *
         * @param bytes positive limit
         * @return this builder
         */
        public Builder maxInputBytes(long bytes) {
            this.maxInputBytes = positive(bytes, "maxInputBytes");
            return this;
        }

        /**
         * Most physical lines.
         *
         * @param lines positive limit
         * @return this builder
         */
        public Builder maxLines(int lines) {
            this.maxLines = (int) positive(lines, "maxLines");
            return this;
        }

        /**
         * Longest physical line in bytes, line ending excluded.
         *
         * @param bytes positive limit
         * @return this builder
         */
        public Builder maxLineBytes(int bytes) {
            this.maxLineBytes = (int) positive(bytes, "maxLineBytes");
            return this;
        }

        /**
         * Most instructions.
         *
         * @param count positive limit
         * @return this builder
         */
        public Builder maxInstructions(int count) {
            this.maxInstructions = (int) positive(count, "maxInstructions");
            return this;
        }

        /**
         * Deepest ONBUILD nesting.
         *
         * @param depth positive limit
         * @return this builder
         */
        public Builder maxNestingDepth(int depth) {
            this.maxNestingDepth = (int) positive(depth, "maxNestingDepth");
            return this;
        }

        private static long positive(long v, String what) {
            if (v <= 0) {
                throw new IllegalArgumentException(what + " must be positive");
            }
            return v;
        }

        /**
         * Builds the parser.
         *
         * @return an immutable parser
         */
        public DockerfileParser build() {
            return new DockerfileParser(new Limits(maxInputBytes, maxLines, maxLineBytes, maxInstructions,
                    maxNestingDepth));
        }
    }
}
