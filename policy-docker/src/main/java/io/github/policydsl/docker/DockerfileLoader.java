package io.github.policydsl.docker;

import io.github.policydsl.api.result.LoadError;
import io.github.policydsl.docker.ast.ArgInstruction;
import io.github.policydsl.docker.ast.Dockerfile;
import io.github.policydsl.docker.ast.FromInstruction;
import io.github.policydsl.docker.ast.Instruction;
import io.github.policydsl.docker.ast.UnknownInstruction;
import io.github.policydsl.docker.parse.DockerfileParseException;
import io.github.policydsl.docker.parse.DockerfileParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Loads Dockerfiles from files, directories (recursively, in sorted order) and strings into
 * {@link Dockerfiles}. A file that cannot be read, or that BuildKit's parser rejects, becomes a
 * {@link LoadError} naming the file, line and column; nothing fails silently. Immutable and
 * thread-safe.
 *
 * <p>Directories are searched for files named like Dockerfiles ({@link #isDockerfileName(String)}):
 * {@code Dockerfile}, {@code Dockerfile.<suffix>}, {@code <prefix>.Dockerfile},
 * {@code Containerfile} and {@code Containerfile.<suffix>}, compared without regard to case. Names
 * ending in {@code .dockerignore}, {@code .yaml}, {@code .yml}, {@code .json} or {@code .md} are
 * not Dockerfiles (BuildKit's per-Dockerfile ignore files, manifests and documentation). A file
 * given explicitly is loaded whatever its name.
 *
 * <p>Besides the parser's own errors, the loader rejects what BuildKit rejects before running any
 * step: a file without instructions, an instruction other than ARG before the first FROM, and an
 * unknown instruction keyword.
 */
public final class DockerfileLoader {

    private static final DockerfileLoader DEFAULTS = new DockerfileLoader(DockerfileParser.defaults());
    private static final List<String> NOT_DOCKERFILES = List.of(".dockerignore", ".yaml", ".yml", ".json", ".md");

    private final DockerfileParser parser;

    private DockerfileLoader(DockerfileParser parser) {
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /** A loader with the default parser limits. */
    public static DockerfileLoader defaults() {
        return DEFAULTS;
    }

    /**
     * A loader with another parser (e.g. other limits).
     *
     * @param parser the parser
     * @return a new loader
     */
    public DockerfileLoader withParser(DockerfileParser parser) {
        return new DockerfileLoader(parser);
    }

    /**
     * Whether a file name looks like a Dockerfile (see the class description).
     *
     * @param fileName a file name without directories
     * @return true for Dockerfile names
     */
    public static boolean isDockerfileName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        for (String ext : NOT_DOCKERFILES) {
            if (n.endsWith(ext)) {
                return false;
            }
        }
        return n.equals("dockerfile") || n.equals("containerfile") || n.startsWith("dockerfile.")
                || n.startsWith("containerfile.") || (n.endsWith(".dockerfile") && n.length() > ".dockerfile".length());
    }

    /**
     * Whether a path's file name looks like a Dockerfile.
     *
     * @param file the path
     * @return true for Dockerfile names
     */
    public static boolean isDockerfile(Path file) {
        Path name = file.getFileName();
        return name != null && isDockerfileName(name.toString());
    }

    /**
     * Loads files and directories.
     *
     * @param paths files (loaded whatever their name) or directories (searched recursively)
     * @return the Dockerfiles, with an error for each path that cannot be loaded
     */
    public Dockerfiles load(Path... paths) {
        return load(List.of(paths));
    }

    /**
     * Loads files and directories.
     *
     * @param paths files or directories
     * @return the Dockerfiles
     */
    public Dockerfiles load(List<Path> paths) {
        List<Dockerfile> files = new ArrayList<>();
        List<LoadError> errors = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    for (Path f : s.filter(Files::isRegularFile).filter(DockerfileLoader::isDockerfile).sorted().toList()) {
                        loadFile(f, files, errors);
                    }
                } catch (IOException | UncheckedIOException e) {
                    errors.add(LoadError.inFile(p.toString(), 0, 0, "cannot list directory: " + e.getMessage()));
                }
            } else if (!Files.exists(p)) {
                errors.add(LoadError.inFile(p.toString(), 0, 0, "no such file or directory"));
            } else {
                loadFile(p, files, errors);
            }
        }
        return Dockerfiles.of(files, errors);
    }

    /**
     * Parses one Dockerfile from text.
     *
     * @param name the name used in results
     * @param text the content
     * @return the Dockerfiles (one file, or one error)
     */
    public Dockerfiles loadString(String name, String text) {
        return loadBytes(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses one Dockerfile from bytes.
     *
     * @param name the name used in results
     * @param bytes the content
     * @return the Dockerfiles (one file, or one error)
     */
    public Dockerfiles loadBytes(String name, byte[] bytes) {
        List<Dockerfile> files = new ArrayList<>();
        List<LoadError> errors = new ArrayList<>();
        try {
            add(parser.parse(name, bytes), files, errors);
        } catch (DockerfileParseException e) {
            errors.add(LoadError.inFile(name, e.line(), e.column(), e.problem()));
        } catch (RuntimeException e) {
            errors.add(LoadError.inFile(name, 0, 0, "cannot parse: " + e));
        }
        return Dockerfiles.of(files, errors);
    }

    private static void add(Dockerfile d, List<Dockerfile> files, List<LoadError> errors) {
        LoadError e = buildKitRejects(d);
        if (e == null) {
            files.add(d);
        } else {
            errors.add(e);
        }
    }

    /**
     * The checks BuildKit's build stage makes right after parsing, which make {@code docker build}
     * fail before any step runs: a file without instructions, an instruction other than ARG before
     * the first FROM, an unknown instruction keyword.
     */
    private static LoadError buildKitRejects(Dockerfile d) {
        String name = d.sourceName();
        if (d.instructions().isEmpty()) {
            return LoadError.inFile(name, 1, 1, "file with no instructions");
        }
        boolean seenFrom = false;
        for (Instruction in : d.instructions()) {
            if (in instanceof UnknownInstruction) {
                return LoadError.inFile(name, in.range().startLine(), in.range().startColumn(),
                        "unknown instruction: " + in.keyword());
            }
            if (in instanceof FromInstruction) {
                seenFrom = true;
            } else if (!seenFrom && !(in instanceof ArgInstruction)) {
                return LoadError.inFile(name, in.range().startLine(), in.range().startColumn(),
                        "no build stage in current context (" + in.keyword() + " before the first FROM)");
            }
        }
        return null;
    }

    private void loadFile(Path f, List<Dockerfile> files, List<LoadError> errors) {
        String name = f.toString();
        try {
            add(parser.parse(f), files, errors);
        } catch (DockerfileParseException e) {
            errors.add(LoadError.inFile(name, e.line(), e.column(), e.problem()));
        } catch (UncheckedIOException e) {
            errors.add(LoadError.inFile(name, 0, 0, "cannot read file: " + e.getCause().getMessage()));
        } catch (RuntimeException e) {
            errors.add(LoadError.inFile(name, 0, 0, "cannot parse: " + e));
        }
    }
}
