package io.github.policydsl.docker;

import io.github.policydsl.api.EvaluationInput;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.api.result.InputInfo;
import io.github.policydsl.api.result.LoadError;
import io.github.policydsl.api.result.RuleResult;
import io.github.policydsl.docker.ast.Dockerfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The input of Dockerfile rules: parsed Dockerfiles, plus a {@link LoadError} for every file that
 * could not be read or that BuildKit's parser rejects (naming file and line). Immutable and
 * thread-safe; the subjects ({@link DockerfileSubject}, {@link StageSubject},
 * {@link InstructionSubject}) are built once, when the input is created.
 *
 * <p>{@link #inputs()} reports each parsed file with type {@code dockerfile} and, as its object
 * count, {@link Dockerfile#instructionCount()} (an ONBUILD and its trigger count once).
 */
public final class Dockerfiles implements EvaluationInput {

    /** The input type reported in {@link InputInfo#type()}. */
    public static final String TYPE = "dockerfile";

    private final List<DockerfileSubject> files;
    private final List<LoadError> errors;
    private final List<InputInfo> inputs;
    private final Map<String, DockerfileSubject> byName;

    private Dockerfiles(List<DockerfileSubject> files, List<LoadError> errors, List<InputInfo> inputs) {
        this.files = List.copyOf(files);
        this.errors = List.copyOf(errors);
        this.inputs = InputInfo.normalize(inputs);
        Map<String, DockerfileSubject> index = new LinkedHashMap<>();
        for (DockerfileSubject f : this.files) {
            index.putIfAbsent(f.name(), f);
        }
        this.byName = Map.copyOf(index);
    }

    /**
     * Dockerfiles parsed in code; each is reported as an input under its source name.
     *
     * @param dockerfiles the parsed files
     * @return the input
     */
    public static Dockerfiles of(Dockerfile... dockerfiles) {
        return of(List.of(dockerfiles), List.of());
    }

    /**
     * Parsed Dockerfiles and the errors of files that could not be loaded.
     *
     * @param dockerfiles the parsed files, in a deterministic order
     * @param errors load errors
     * @return the input
     */
    public static Dockerfiles of(List<Dockerfile> dockerfiles, List<LoadError> errors) {
        List<DockerfileSubject> subjects = new ArrayList<>();
        List<InputInfo> inputs = new ArrayList<>();
        for (Dockerfile d : dockerfiles) {
            subjects.add(new DockerfileSubject(d));
            inputs.add(new InputInfo(d.sourceName(), TYPE, d.instructionCount()));
        }
        return new Dockerfiles(subjects, errors, inputs);
    }

    /**
     * Joins inputs, keeping their order.
     *
     * @param parts the inputs
     * @return one input
     */
    public static Dockerfiles merge(List<Dockerfiles> parts) {
        List<DockerfileSubject> files = new ArrayList<>();
        List<LoadError> errors = new ArrayList<>();
        List<InputInfo> inputs = new ArrayList<>();
        for (Dockerfiles p : parts) {
            files.addAll(p.files);
            errors.addAll(p.errors);
            inputs.addAll(p.inputs);
        }
        return new Dockerfiles(files, errors, inputs);
    }

    /** An input with no files. */
    public static Dockerfiles empty() {
        return new Dockerfiles(List.of(), List.of(), List.of());
    }

    /** The parsed Dockerfiles in load order. */
    public List<Dockerfile> dockerfiles() {
        return files.stream().map(DockerfileSubject::dockerfile).toList();
    }

    /** The Dockerfiles as subjects, in load order. */
    public List<DockerfileSubject> files() {
        return files;
    }

    /** Every stage of every file, in file order. */
    public List<StageSubject> stages() {
        List<StageSubject> out = new ArrayList<>();
        for (DockerfileSubject f : files) {
            out.addAll(f.stages());
        }
        return out;
    }

    /** Every top-level instruction of every file, in file order (ONBUILD triggers stay inside their ONBUILD). */
    public List<InstructionSubject<?>> instructions() {
        List<InstructionSubject<?>> out = new ArrayList<>();
        for (DockerfileSubject f : files) {
            out.addAll(f.instructions());
        }
        return out;
    }

    /** The problems found while loading. */
    public List<LoadError> errors() {
        return errors;
    }

    /** Whether every file loaded. */
    public boolean isClean() {
        return errors.isEmpty();
    }

    @Override
    public List<InputInfo> inputs() {
        return inputs;
    }

    @Override
    public List<RuleResult> loadErrors() {
        return errors.stream().map(LoadError::toResult).toList();
    }

    /**
     * The Dockerfile subject with a source name.
     *
     * @param name the source name, as in reports
     * @return the file, empty if none was loaded under that name
     */
    public Optional<DockerfileSubject> file(String name) {
        return Optional.ofNullable(byName.get(Objects.requireNonNull(name, "name")));
    }

    /**
     * The inline exemption that covers a finding, if any: a comment
     * {@code # policy:ignore=<rule-id>[,<rule-id>...] <reason>} directly above the instruction the
     * field path points into, or above the FROM of the stage holding it (see
     * {@link DockerfileSubject#exemption(String, FieldPath)}).
     *
     * @param ruleId the rule id
     * @param file the source name
     * @param path the finding's field path
     * @return the exemption, empty when the finding is not exempted
     */
    public Optional<InlineExemption> exemption(String ruleId, String file, FieldPath path) {
        return file(file).flatMap(f -> f.exemption(ruleId, path));
    }

    @Override
    public String toString() {
        return "Dockerfiles[" + files.size() + " files, " + errors.size() + " errors]";
    }
}
