package io.github.policydsl.docker;

import io.github.policydsl.api.Subject;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.api.result.Location;
import io.github.policydsl.api.result.SubjectRef;
import io.github.policydsl.docker.ast.Instruction;
import io.github.policydsl.docker.ast.Stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A build stage as a rule subject. Its path is {@code stages[s]} (located at its FROM); its
 * reference is kind {@code Dockerfile}, the file as name and the stage name (or
 * {@code stage <s>} for an unnamed stage) as container.
 */
public final class StageSubject implements Subject {

    private final DockerfileSubject file;
    private final Stage stage;

    StageSubject(DockerfileSubject file, Stage stage) {
        this.file = Objects.requireNonNull(file, "file");
        this.stage = Objects.requireNonNull(stage, "stage");
    }

    /** The file. */
    public DockerfileSubject file() {
        return file;
    }

    /** The stage with its resolved values. */
    public Stage stage() {
        return stage;
    }

    /** The 0-based stage index. */
    public int index() {
        return stage.index();
    }

    /** The stage name, or {@code stage <s>} when it has none. */
    public String displayName() {
        return stage.name().orElse("stage " + stage.index());
    }

    /** Whether this is the final stage (the default build target). */
    public boolean isFinal() {
        return stage.isFinal();
    }

    /**
     * The stage chain from this stage back to the one that builds on an image: this stage first.
     *
     * @return the chain, never empty
     */
    public List<Stage> chain() {
        List<Stage> out = new ArrayList<>();
        Stage s = stage;
        while (s != null && out.size() <= file.dockerfile().stages().size()) {
            out.add(s);
            s = s.baseStage().orElse(null);
        }
        return out;
    }

    /**
     * The stage whose FROM names an image (not an earlier stage), following {@code FROM <stage>}.
     *
     * @return the root stage of the chain
     */
    public Stage rootStage() {
        List<Stage> c = chain();
        return c.get(c.size() - 1);
    }

    /**
     * The path of one of this stage's instructions.
     *
     * @param instruction an instruction of the stage
     * @return {@code instructions[i]}
     */
    public FieldPath pathOf(Instruction instruction) {
        return file.pathOf(instruction);
    }

    /**
     * A property of the stage, e.g. {@code stages[1].user}.
     *
     * @param name the property name
     * @return the path
     */
    public FieldPath field(String name) {
        return path().child(name);
    }

    /**
     * The subject of a stage's instruction.
     *
     * @param instruction an instruction of this file
     * @return the instruction subject
     */
    public InstructionSubject<?> subjectOf(Instruction instruction) {
        return file.instructions().get(file.indexOf(instruction));
    }

    /**
     * The stage this one is built on, as a subject.
     *
     * @return the base stage, empty when built on an image
     */
    public Optional<StageSubject> baseStage() {
        return stage.baseStage().map(s -> file.stages().get(s.index()));
    }

    @Override
    public SubjectRef ref() {
        return new SubjectRef("", "Dockerfile", "", file.name(), displayName());
    }

    @Override
    public FieldPath path() {
        return FieldPath.root().child("stages").index(stage.index());
    }

    @Override
    public Location locate(FieldPath path) {
        return file.locate(path);
    }

    @Override
    public String toString() {
        return file.name() + " stage " + displayName();
    }
}
