package io.github.policydsl.docker;

import io.github.policydsl.api.Subject;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.api.result.Location;
import io.github.policydsl.api.result.SubjectRef;
import io.github.policydsl.docker.ast.Instruction;
import io.github.policydsl.docker.ast.Stage;

import java.util.Objects;
import java.util.Optional;

/**
 * A top-level instruction as a rule subject. Its path is {@code instructions[i]} (file order);
 * its reference names the file and the stage (empty for ARGs before the first FROM).
 *
 * @param <T> the instruction type
 */
public final class InstructionSubject<T extends Instruction> implements Subject {

    private final DockerfileSubject file;
    private final T instruction;
    private final int index;
    private final StageSubject stage;

    private InstructionSubject(DockerfileSubject file, T instruction, int index, StageSubject stage) {
        this.file = Objects.requireNonNull(file, "file");
        this.instruction = Objects.requireNonNull(instruction, "instruction");
        this.index = index;
        this.stage = stage;
    }

    static <T extends Instruction> InstructionSubject<T> create(DockerfileSubject file, T instruction, int index,
            StageSubject stage) {
        return new InstructionSubject<>(file, instruction, index, stage);
    }

    /** The file. */
    public DockerfileSubject file() {
        return file;
    }

    /** The instruction. */
    public T instruction() {
        return instruction;
    }

    /** The 0-based position in the file's top-level instructions. */
    public int index() {
        return index;
    }

    /** The stage holding the instruction; empty for global ARGs before the first FROM. */
    public Optional<StageSubject> stage() {
        return Optional.ofNullable(stage);
    }

    /**
     * Expands a word with the variables in scope at this instruction (BuildKit's rules; see
     * {@link Stage#expand(String, Instruction)}). Global ARGs, which have no stage, are returned
     * as written.
     *
     * @param word the word as written
     * @return the expanded word
     * @throws io.github.policydsl.docker.ast.VariableExpansionException on a bad substitution
     */
    public String expand(String word) {
        return stage == null ? word : stage.stage().expand(word, instruction);
    }

    /**
     * A field of the instruction, e.g. {@code instructions[4].flags.chown}.
     *
     * @param dotted the relative dotted path, e.g. {@code flags.chown} or {@code sources[0]}
     * @return the full path
     */
    public FieldPath field(String dotted) {
        return path().resolve(FieldPath.parse(dotted));
    }

    /**
     * This subject viewed as a narrower instruction type, when it is one.
     *
     * @param type the type
     * @param <U> the type
     * @return this subject, typed, or empty
     */
    @SuppressWarnings("unchecked")
    public <U extends Instruction> Optional<InstructionSubject<U>> as(Class<U> type) {
        return type.isInstance(instruction) ? Optional.of((InstructionSubject<U>) this) : Optional.empty();
    }

    @Override
    public SubjectRef ref() {
        return new SubjectRef("", "Dockerfile", "", file.name(), stage == null ? "" : stage.displayName());
    }

    @Override
    public FieldPath path() {
        return FieldPath.root().child("instructions").index(index);
    }

    @Override
    public Location locate(FieldPath path) {
        return file.locate(path);
    }

    @Override
    public String toString() {
        return file.name() + ":" + instruction.range().startLine() + " " + instruction.original();
    }
}
