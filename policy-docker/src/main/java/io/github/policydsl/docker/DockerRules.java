package io.github.policydsl.docker;

import io.github.policydsl.api.SubjectSource;
import io.github.policydsl.api.syntax.RuleSpec;
import io.github.policydsl.docker.ast.Instruction;
import io.github.policydsl.docker.syntax.GivenDockerfiles;
import io.github.policydsl.docker.syntax.GivenInstructions;
import io.github.policydsl.docker.syntax.GivenStages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Entry points of the Dockerfile DSL. Import statically:
 *
 * <pre>{@code
 * import static io.github.policydsl.docker.DockerRules.*;
 *
 * Rule<Dockerfiles> finalUser = stages().that().areFinal()
 *         .must().runAsNonRoot()
 *         .withId("acme.docker.non-root").withSeverity(Severity.HIGH);
 * Rule<Dockerfiles> noSudo = instructions(RunInstruction.class).mustNot().invoke("sudo");
 * // text: RUN instructions must not invoke "sudo"
 * }</pre>
 *
 * <p>Instruction subjects are the top-level instructions of each file in file order; the trigger
 * of an ONBUILD is not selected on its own (it runs in downstream builds). Field paths follow the
 * scheme described in {@link DockerfileSubject}. Inline exemptions
 * ({@code # policy:ignore=<rule-id> reason}) are described in {@link InlineExemption}.
 */
public final class DockerRules {

    private static final SubjectSource<Dockerfiles, DockerfileSubject> FILES = SubjectSource.of("Dockerfiles",
            Dockerfiles::files);
    private static final SubjectSource<Dockerfiles, StageSubject> STAGES = SubjectSource.of("stages",
            Dockerfiles::stages);
    private static final SubjectSource<Dockerfiles, InstructionSubject<Instruction>> ALL = instructionSource(
            Instruction.class, "instructions");

    private DockerRules() {
    }

    /**
     * Every Dockerfile.
     *
     * @return the first step of a Dockerfile rule
     */
    public static GivenDockerfiles dockerfiles() {
        return new GivenDockerfiles(RuleSpec.of(FILES));
    }

    /**
     * Every stage of every Dockerfile.
     *
     * @return the first step of a stage rule
     */
    public static GivenStages stages() {
        return new GivenStages(RuleSpec.of(STAGES));
    }

    /**
     * Every top-level instruction of every Dockerfile.
     *
     * @return the first step of an instruction rule
     */
    public static GivenInstructions<Instruction> instructions() {
        return new GivenInstructions<>(RuleSpec.of(ALL));
    }

    /**
     * The top-level instructions of one type, e.g. {@code instructions(RunInstruction.class)}
     * ("RUN instructions").
     *
     * @param type the instruction type
     * @param <T> the type
     * @return the first step of an instruction rule
     */
    public static <T extends Instruction> GivenInstructions<T> instructions(Class<T> type) {
        Objects.requireNonNull(type, "type");
        String n = type.getSimpleName();
        String keyword = n.endsWith("Instruction") && n.length() > "Instruction".length()
                ? n.substring(0, n.length() - "Instruction".length()).toUpperCase(Locale.ROOT) : n;
        return new GivenInstructions<>(RuleSpec.of(instructionSource(type, keyword + " instructions")));
    }

    private static <T extends Instruction> SubjectSource<Dockerfiles, InstructionSubject<T>> instructionSource(
            Class<T> type, String description) {
        return SubjectSource.of(description, d -> {
            List<InstructionSubject<T>> out = new ArrayList<>();
            for (InstructionSubject<?> s : d.instructions()) {
                s.as(type).ifPresent(out::add);
            }
            return out;
        });
    }
}
