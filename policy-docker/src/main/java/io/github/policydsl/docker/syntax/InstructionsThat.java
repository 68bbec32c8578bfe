package io.github.policydsl.docker.syntax;

import io.github.policydsl.api.DescribedPredicate;
import io.github.policydsl.api.syntax.RuleSpec;
import io.github.policydsl.docker.Dockerfiles;
import io.github.policydsl.docker.InstructionSubject;
import io.github.policydsl.docker.ast.Instruction;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Selection predicates on instructions, after {@code instructions(...).that()}.
 *
 * @param <T> the instruction type
 */
public final class InstructionsThat<T extends Instruction> {

    private final RuleSpec<Dockerfiles, InstructionSubject<T>> spec;
    private final String op;

    InstructionsThat(RuleSpec<Dockerfiles, InstructionSubject<T>> spec, String op) {
        this.spec = spec;
        this.op = op;
    }

    private GivenInstructions<T> add(DescribedPredicate<? super InstructionSubject<T>> predicate) {
        return new GivenInstructions<>(spec.select(op, predicate));
    }

    /** Selects the instructions of each file's final stage. */
    public GivenInstructions<T> areInFinalStage() {
        return add(DescribedPredicate.describe("are in the final stage",
                s -> s.stage().map(st -> st.isFinal()).orElse(false)));
    }

    /**
     * Selects instructions of some types.
     *
     * @param types e.g. {@code EnvInstruction.class, ArgInstruction.class}
     * @return the next step
     */
    @SafeVarargs
    public final GivenInstructions<T> areOfType(Class<? extends Instruction>... types) {
        String names = Arrays.stream(types).map(InstructionsThat::keyword).collect(Collectors.joining(" or "));
        return add(DescribedPredicate.describe("are " + names,
                s -> Arrays.stream(types).anyMatch(t -> t.isInstance(s.instruction()))));
    }

    /**
     * Selects instructions in stages with one of the given names.
     *
     * @param names stage names
     * @return the next step
     */
    public GivenInstructions<T> areInStage(String... names) {
        return add(DescribedPredicate.describe("are in stage " + String.join(" or ", names),
                s -> s.stage().flatMap(st -> st.stage().name()).filter(n -> Arrays.asList(names).contains(n)).isPresent()));
    }

    static String keyword(Class<? extends Instruction> type) {
        String n = type.getSimpleName();
        return n.endsWith("Instruction") && n.length() > "Instruction".length()
                ? n.substring(0, n.length() - "Instruction".length()).toUpperCase(Locale.ROOT)
                : n;
    }
}
