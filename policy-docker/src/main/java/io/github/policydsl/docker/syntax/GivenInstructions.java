package io.github.policydsl.docker.syntax;

import io.github.policydsl.api.DescribedPredicate;
import io.github.policydsl.api.syntax.AbstractSelection;
import io.github.policydsl.api.syntax.RuleSpec;
import io.github.policydsl.docker.Dockerfiles;
import io.github.policydsl.docker.InstructionSubject;
import io.github.policydsl.docker.ast.Instruction;

/**
 * Instructions, and instructions after a selection: {@code instructions(RunInstruction.class)},
 * {@code instructions().that().areInFinalStage()}.
 *
 * @param <T> the instruction type
 */
public final class GivenInstructions<T extends Instruction>
        extends AbstractSelection<Dockerfiles, InstructionSubject<T>, InstructionRule<T>> {

    /**
     * Creates the step; use {@code DockerRules.instructions(...)}.
     *
     * @param spec the state
     */
    public GivenInstructions(RuleSpec<Dockerfiles, InstructionSubject<T>> spec) {
        super(spec);
    }

    /** Starts a selection, ANDed with any selection so far. */
    public InstructionsThat<T> that() {
        return new InstructionsThat<>(spec, "and");
    }

    /**
     * Selects with a custom predicate.
     *
     * @param predicate the predicate
     * @return the next step
     */
    public GivenInstructions<T> that(DescribedPredicate<? super InstructionSubject<T>> predicate) {
        return new GivenInstructions<>(spec.select("and", predicate));
    }

    /** Narrows the selection. */
    public InstructionsThat<T> and() {
        return new InstructionsThat<>(spec, "and");
    }

    /** Widens the selection (evaluated left to right). */
    public InstructionsThat<T> or() {
        return new InstructionsThat<>(spec, "or");
    }

    @Override
    protected InstructionRule<T> rule(RuleSpec<Dockerfiles, InstructionSubject<T>> ruleSpec) {
        return new InstructionRule<>(ruleSpec);
    }
}
