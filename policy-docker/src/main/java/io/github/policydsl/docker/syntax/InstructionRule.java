package io.github.policydsl.docker.syntax;

import io.github.policydsl.api.syntax.RuleSpec;
import io.github.policydsl.docker.Dockerfiles;
import io.github.policydsl.docker.InstructionSubject;
import io.github.policydsl.docker.ast.Instruction;
import io.github.policydsl.docker.condition.InstructionConditions;

/**
 * A rule over instructions: {@code instructions(RunInstruction.class).mustNot().invoke("sudo")}.
 * Conditions that do not concern an instruction's type make its result SKIP. Immutable.
 * See {@link InstructionConditions} for what each condition checks.
 *
 * @param <T> the instruction type
 */
public final class InstructionRule<T extends Instruction> extends DockerRule<InstructionSubject<T>, InstructionRule<T>> {

    InstructionRule(RuleSpec<Dockerfiles, InstructionSubject<T>> spec) {
        super(spec);
    }

    @Override
    protected InstructionRule<T> copy(RuleSpec<Dockerfiles, InstructionSubject<T>> newSpec) {
        return new InstructionRule<>(newSpec);
    }

    /** ENV/ARG declare no secret-like names or values. */
    public InstructionRule<T> notDeclareSecrets() {
        return with(InstructionConditions.notDeclareSecrets());
    }

    /** COPY/ADD copy no key or credentials files. */
    public InstructionRule<T> notCopySecretFiles() {
        return with(InstructionConditions.notCopySecretFiles());
    }

    /** ADD only for URLs and local archives. */
    public InstructionRule<T> useCopyForLocalFiles() {
        return with(InstructionConditions.useCopyForLocalFiles());
    }

    /** Remote ADD with --checksum. */
    public InstructionRule<T> verifyRemoteAddChecksum() {
        return with(InstructionConditions.verifyRemoteAddChecksum());
    }

    /** RUN pipes no download into a shell. */
    public InstructionRule<T> notPipeDownloadsToShell() {
        return with(InstructionConditions.notPipeDownloadsToShell());
    }

    /**
     * RUN invokes a program; use with {@code mustNot()}.
     *
     * @param command the program, e.g. {@code sudo}
     * @return a new rule
     */
    public InstructionRule<T> invoke(String command) {
        return with(InstructionConditions.invoke(command));
    }

    /** CMD/ENTRYPOINT in exec form. */
    public InstructionRule<T> useExecForm() {
        return with(InstructionConditions.useExecForm());
    }

    /**
     * EXPOSE does not publish a port.
     *
     * @param port the port
     * @return a new rule
     */
    public InstructionRule<T> notExposePort(int port) {
        return with(InstructionConditions.notExposePort(port));
    }
}
