package io.github.policydsl.docker;

import io.github.policydsl.api.Subject;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.api.result.Location;
import io.github.policydsl.api.result.SubjectRef;
import io.github.policydsl.docker.ast.AddInstruction;
import io.github.policydsl.docker.ast.ArgInstruction;
import io.github.policydsl.docker.ast.CopyInstruction;
import io.github.policydsl.docker.ast.Dockerfile;
import io.github.policydsl.docker.ast.EnvInstruction;
import io.github.policydsl.docker.ast.ExposeInstruction;
import io.github.policydsl.docker.ast.Flag;
import io.github.policydsl.docker.ast.Instruction;
import io.github.policydsl.docker.ast.LabelInstruction;
import io.github.policydsl.docker.ast.OnbuildInstruction;
import io.github.policydsl.docker.ast.SourceRange;
import io.github.policydsl.docker.ast.Stage;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole Dockerfile as a rule subject, and the locator for every field path in it.
 *
 * <p><b>Field paths</b> in a Dockerfile are relative to the file:
 * <ul>
 * <li>{@code instructions[i]}: the i-th top-level instruction in file order (0-based; global ARGs
 *     included; an ONBUILD trigger is {@code instructions[i].trigger});</li>
 * <li>below an instruction: {@code keyword}, {@code flags.<name>} (the last flag of that name),
 *     {@code arguments[j]}, {@code heredocs[k]}; for COPY/ADD {@code sources[k]} and
 *     {@code destination}; for ENV/LABEL {@code pairs[k]} (the key) and {@code pairs[k].value};
 *     for ARG {@code declarations[k]}; for EXPOSE {@code ports[k]};</li>
 * <li>{@code stages[s]}: the s-th stage (its FROM); {@code stages[s].image} is the FROM's image
 *     argument; other names below a stage ({@code stages[s].user}, {@code stages[s].healthcheck})
 *     name properties the stage lacks and are located at its FROM.</li>
 * </ul>
 * A path that does not exist is located at its nearest existing ancestor; the root is the first
 * instruction (or line 1).
 */
public final class DockerfileSubject implements Subject {

    private final Dockerfile dockerfile;
    private final List<StageSubject> stages;
    private final List<InstructionSubject<?>> instructions;
    private final Map<Instruction, Integer> index;

    DockerfileSubject(Dockerfile dockerfile) {
        this.dockerfile = Objects.requireNonNull(dockerfile, "dockerfile");
        Map<Instruction, Integer> idx = new IdentityHashMap<>();
        List<Instruction> all = dockerfile.instructions();
        for (int i = 0; i < all.size(); i++) {
            idx.put(all.get(i), i);
        }
        this.index = idx;
        List<StageSubject> st = new ArrayList<>();
        for (Stage s : dockerfile.stages()) {
            st.add(new StageSubject(this, s));
        }
        this.stages = List.copyOf(st);
        List<InstructionSubject<?>> ins = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Instruction in = all.get(i);
            ins.add(InstructionSubject.create(this, in, i, stageSubjectOf(in)));
        }
        this.instructions = List.copyOf(ins);
    }

    private StageSubject stageSubjectOf(Instruction in) {
        Optional<Stage> s = dockerfile.stageOf(in);
        return s.map(stage -> stages.get(stage.index())).orElse(null);
    }

    /** The parsed file. */
    public Dockerfile dockerfile() {
        return dockerfile;
    }

    /** The source name, as given to the parser. */
    public String name() {
        return dockerfile.sourceName();
    }

    /** The stages as subjects. */
    public List<StageSubject> stages() {
        return stages;
    }

    /** The top-level instructions as subjects, in file order. */
    public List<InstructionSubject<?>> instructions() {
        return instructions;
    }

    /** The final stage, empty for a file without FROM. */
    public Optional<StageSubject> finalStage() {
        return stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(stages.size() - 1));
    }

    /**
     * The position of a top-level instruction in the file.
     *
     * @param instruction an instruction of this file
     * @return its index in {@link Dockerfile#instructions()}
     * @throws IllegalArgumentException when the instruction is not a top-level one of this file
     */
    public int indexOf(Instruction instruction) {
        Integer i = index.get(instruction);
        if (i == null) {
            throw new IllegalArgumentException("not a top-level instruction of " + name() + ": " + instruction.original());
        }
        return i;
    }

    /**
     * The path of a top-level instruction: {@code instructions[i]}.
     *
     * @param instruction an instruction of this file
     * @return the path
     */
    public FieldPath pathOf(Instruction instruction) {
        return FieldPath.root().child("instructions").index(indexOf(instruction));
    }

    @Override
    public SubjectRef ref() {
        return new SubjectRef("", "Dockerfile", "", name(), "");
    }

    @Override
    public FieldPath path() {
        return FieldPath.root();
    }

    @Override
    public Location locate(FieldPath path) {
        Objects.requireNonNull(path, "path");
        List<Object> seg = path.segments();
        if (seg.size() >= 2 && "instructions".equals(seg.get(0)) && seg.get(1) instanceof Integer i
                && i < dockerfile.instructions().size()) {
            return locateIn(dockerfile.instructions().get(i), seg.subList(2, seg.size()));
        }
        if (seg.size() >= 2 && "stages".equals(seg.get(0)) && seg.get(1) instanceof Integer s
                && s < dockerfile.stages().size()) {
            Stage stage = dockerfile.stages().get(s);
            if (seg.size() >= 3 && "image".equals(seg.get(2)) && !stage.from().arguments().isEmpty()) {
                return at(stage.from().arguments().get(0).range());
            }
            if (seg.size() >= 3 && "platform".equals(seg.get(2))) {
                return locateIn(stage.from(), List.of("flags", "platform"));
            }
            return at(stage.from().range());
        }
        if (!dockerfile.instructions().isEmpty()) {
            return at(dockerfile.instructions().get(0).range());
        }
        return new Location(name(), 1, 1);
    }

    private Location locateIn(Instruction in, List<Object> rest) {
        Location whole = at(in.range());
        if (rest.isEmpty() || !(rest.get(0) instanceof String field)) {
            return whole;
        }
        Object sub = rest.size() > 1 ? rest.get(1) : null;
        int k = sub instanceof Integer n ? n : -1;
        switch (field) {
            case "keyword":
                return at(in.syntax().keywordRange());
            case "flags":
                if (sub instanceof String name) {
                    Flag last = null;
                    for (Flag f : in.flags()) {
                        if (f.name().equals(name)) {
                            last = f;
                        }
                    }
                    return last == null ? whole : at(last.range());
                }
                return whole;
            case "arguments":
                return k >= 0 && k < in.arguments().size() ? at(in.arguments().get(k).range()) : whole;
            case "heredocs":
                return k >= 0 && k < in.heredocs().size() ? at(in.heredocs().get(k).range()) : whole;
            case "sources":
                if (in instanceof CopyInstruction c && k >= 0 && k < c.sources().size()) {
                    return at(c.sources().get(k).range());
                }
                if (in instanceof AddInstruction a && k >= 0 && k < a.sources().size()) {
                    return at(a.sources().get(k).range());
                }
                return whole;
            case "destination":
                if (in instanceof CopyInstruction c && c.destination().isPresent()) {
                    return at(c.destination().get().range());
                }
                if (in instanceof AddInstruction a && a.destination().isPresent()) {
                    return at(a.destination().get().range());
                }
                return whole;
            case "pairs":
                var pairs = in instanceof EnvInstruction e ? e.pairs()
                        : in instanceof LabelInstruction l ? l.pairs() : null;
                if (pairs != null && k >= 0 && k < pairs.size()) {
                    boolean value = rest.size() > 2 && "value".equals(rest.get(2));
                    return at(value ? pairs.get(k).valueRange() : pairs.get(k).keyRange());
                }
                return whole;
            case "declarations":
                if (in instanceof ArgInstruction a && k >= 0 && k < a.declarations().size()) {
                    return at(a.declarations().get(k).range());
                }
                return whole;
            case "ports":
                if (in instanceof ExposeInstruction e && k >= 0 && k < e.ports().size()) {
                    return at(e.ports().get(k).range());
                }
                return whole;
            case "trigger":
                if (in instanceof OnbuildInstruction o && o.trigger().isPresent()) {
                    return locateIn(o.trigger().get(), rest.subList(1, rest.size()));
                }
                return whole;
            default:
                return whole;
        }
    }

    Location at(SourceRange r) {
        return new Location(name(), r.startLine(), r.startColumn());
    }

    /**
     * The inline exemption covering a finding of a rule at a path: one written above the
     * instruction the path points into, or above the FROM of that instruction's stage (for
     * {@code stages[s]...} paths, above that stage's FROM). See {@link InlineExemption}.
     *
     * @param ruleId the rule id
     * @param path the finding's path
     * @return the exemption, empty if none applies
     */
    public Optional<InlineExemption> exemption(String ruleId, FieldPath path) {
        Objects.requireNonNull(ruleId, "ruleId");
        List<Object> seg = path.segments();
        Instruction target = null;
        Stage stage = null;
        if (seg.size() >= 2 && "instructions".equals(seg.get(0)) && seg.get(1) instanceof Integer i
                && i < dockerfile.instructions().size()) {
            target = dockerfile.instructions().get(i);
            stage = dockerfile.stageOf(target).orElse(null);
        } else if (seg.size() >= 2 && "stages".equals(seg.get(0)) && seg.get(1) instanceof Integer s
                && s < dockerfile.stages().size()) {
            stage = dockerfile.stages().get(s);
        } else if (seg.isEmpty() && !dockerfile.stages().isEmpty()) {
            stage = dockerfile.stages().get(dockerfile.stages().size() - 1);
        }
        if (target != null) {
            Optional<InlineExemption> own = exemptionOn(target, ruleId);
            if (own.isPresent()) {
                return own;
            }
        }
        return stage == null ? Optional.empty() : exemptionOn(stage.from(), ruleId);
    }

    private Optional<InlineExemption> exemptionOn(Instruction in, String ruleId) {
        for (String c : in.syntax().comments()) {
            InlineExemption e = InlineExemption.parse(c, at(in.range()));
            if (e != null && e.covers(ruleId)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "Dockerfile " + name();
    }
}
