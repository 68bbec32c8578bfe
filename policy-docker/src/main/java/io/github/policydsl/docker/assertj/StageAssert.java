package io.github.policydsl.docker.assertj;

import io.github.policydsl.api.Condition;
import io.github.policydsl.api.ConditionEvents;
import io.github.policydsl.api.result.Location;
import io.github.policydsl.docker.StageSubject;
import io.github.policydsl.docker.ast.EntrypointInstruction;
import io.github.policydsl.docker.ast.Instruction;
import io.github.policydsl.docker.ast.Stage;
import io.github.policydsl.docker.ast.UserInstruction;
import io.github.policydsl.docker.condition.StageConditions;
import org.assertj.core.api.AbstractAssert;

import java.util.List;
import java.util.Optional;

/**
 * AssertJ assertions on one build stage of a Dockerfile. Failure messages name the file, the stage
 * and the line of the instruction to change:
 *
 * <pre>
 * Expecting Dockerfile "app/Dockerfile" final stage "runtime" to run as a non-root user, but USER is root (line 12)
 * </pre>
 *
 * Verdicts come from the same conditions as the {@code dockerfile} pack
 * ({@link StageConditions}), so an assertion and the rule never disagree.
 */
public class StageAssert extends AbstractAssert<StageAssert, StageSubject> {

    /**
     * Creates the assertion; use {@link DockerfileAssert#stage(String)} or
     * {@link DockerfileAssert#finalStage()}.
     *
     * @param actual the stage
     */
    public StageAssert(StageSubject actual) {
        super(actual, StageAssert.class);
    }

    /** How messages name the stage: {@code Dockerfile "f" final stage "runtime"}. */
    static String describe(StageSubject s) {
        String stage = s.stage().name().map(n -> "stage \"" + n + "\"").orElse("stage " + s.index());
        return "Dockerfile \"" + s.file().name() + "\" " + (s.isFinal() ? "final " : "") + stage;
    }

    private void fail(String message) {
        failWithMessage(message.replace("%", "%%"));
    }

    private static String line(Instruction in) {
        return "line " + in.range().startLine();
    }

    private Optional<Instruction> last(Class<? extends Instruction> type) {
        for (Stage st : actual.chain()) {
            List<Instruction> ins = st.instructions();
            for (int i = ins.size() - 1; i >= 0; i--) {
                if (type.isInstance(ins.get(i))) {
                    return Optional.of(ins.get(i));
                }
            }
        }
        return Optional.empty();
    }

    private ConditionEvents check(Condition<? super StageSubject> condition) {
        ConditionEvents events = new ConditionEvents();
        try {
            condition.check(actual, events);
        } catch (RuntimeException e) {
            events.error(actual.path(), "cannot be evaluated: " + e.getMessage());
        }
        return events;
    }

    private static boolean failed(ConditionEvents events) {
        return events.has(ConditionEvents.Kind.VIOLATED) || events.has(ConditionEvents.Kind.ERROR);
    }

    /**
     * Verifies a stage condition (any of {@link StageConditions} or your own) and fails with its
     * violations, each with its line.
     *
     * @param condition the condition
     * @return this
     */
    public StageAssert satisfies(Condition<? super StageSubject> condition) {
        isNotNull();
        ConditionEvents events = check(condition);
        if (failed(events)) {
            StringBuilder sb = new StringBuilder();
            for (ConditionEvents.Event e : events.events()) {
                if (e.kind() == ConditionEvents.Kind.VIOLATED || e.kind() == ConditionEvents.Kind.ERROR) {
                    Location at = actual.locate(e.path());
                    sb.append("\n  - ").append(e.message()).append(" (line ").append(at.line()).append(") [")
                            .append(e.path()).append(']');
                }
            }
            fail("\nExpecting " + describe(actual) + " to " + condition.description() + ", but:" + sb);
        }
        return this;
    }

    /**
     * Verifies that the stage runs as a non-root user: its last USER (in the stage or the stages it
     * builds on) resolves to a non-zero UID or a name other than root.
     *
     * @return this
     */
    public StageAssert runsAsNonRoot() {
        isNotNull();
        ConditionEvents events = check(StageConditions.runAsNonRoot());
        if (!failed(events)) {
            return this;
        }
        String expecting = "\nExpecting " + describe(actual) + " to run as a non-root user, but ";
        Optional<Instruction> user = last(UserInstruction.class);
        if (user.isEmpty()) {
            fail(expecting + "it has no USER instruction, so it runs as the base image's default user, usually root"
                    + " (FROM at " + line(actual.stage().from()) + ")");
            return this;
        }
        String written = ((UserInstruction) user.get()).user();
        String resolved;
        try {
            resolved = actual.stage().effectiveUser().orElse("");
        } catch (RuntimeException e) {
            fail(expecting + "USER " + written + " cannot be expanded: " + e.getMessage() + " (" + line(user.get()) + ")");
            return this;
        }
        fail(expecting + "USER is " + written + (resolved.equals(written) ? "" : ", which resolves to "
                + (resolved.isEmpty() ? "an empty name" : resolved)) + " (" + line(user.get()) + ")");
        return this;
    }

    /**
     * Verifies that the stage's base image is pinned by digest ({@code scratch} and stages built on
     * an earlier stage pass).
     *
     * @return this
     */
    public StageAssert hasBaseImagePinnedByDigest() {
        return satisfies(StageConditions.useDigestPinnedBaseImage());
    }

    /**
     * Verifies that the image the stage finally builds on is minimal (the default allow-list).
     *
     * @return this
     */
    public StageAssert usesMinimalBaseImage() {
        return satisfies(StageConditions.useMinimalBaseImage());
    }

    /**
     * Verifies that the stage carries no build tool chain.
     *
     * @return this
     */
    public StageAssert carriesNoBuildToolchain() {
        return satisfies(StageConditions.notCarryBuildToolchain());
    }

    /**
     * Verifies that the stage (or a stage it builds on) has a HEALTHCHECK other than NONE.
     *
     * @return this
     */
    public StageAssert hasHealthcheck() {
        return satisfies(StageConditions.haveAHealthcheck());
    }

    /**
     * Verifies that the stage's effective ENTRYPOINT (its last one, or the one inherited from a stage
     * it builds on) is written in exec form.
     *
     * @return this
     */
    public StageAssert usesExecFormEntrypoint() {
        isNotNull();
        Optional<Instruction> entrypoint = last(EntrypointInstruction.class);
        String expecting = "\nExpecting " + describe(actual) + " to have an exec-form ENTRYPOINT, but ";
        if (entrypoint.isEmpty()) {
            fail(expecting + "it has no ENTRYPOINT (FROM at " + line(actual.stage().from()) + ")");
        } else if (!entrypoint.get().isExecForm()) {
            fail(expecting + "ENTRYPOINT is in shell form: " + entrypoint.get().original() + " ("
                    + line(entrypoint.get()) + ")");
        }
        return this;
    }
}
