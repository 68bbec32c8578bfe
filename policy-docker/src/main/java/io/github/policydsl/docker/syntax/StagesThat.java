package io.github.policydsl.docker.syntax;

import io.github.policydsl.api.DescribedPredicate;
import io.github.policydsl.api.syntax.RuleSpec;
import io.github.policydsl.docker.Dockerfiles;
import io.github.policydsl.docker.StageSubject;
import io.github.policydsl.docker.ast.ImageRef;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Selection predicates on stages, after {@code stages().that()}. */
public final class StagesThat {

    private final RuleSpec<Dockerfiles, StageSubject> spec;
    private final String op;

    StagesThat(RuleSpec<Dockerfiles, StageSubject> spec, String op) {
        this.spec = spec;
        this.op = op;
    }

    private GivenStages add(DescribedPredicate<? super StageSubject> predicate) {
        return new GivenStages(spec.select(op, predicate));
    }

    /** Selects the final stage of each file (the default build target). */
    public GivenStages areFinal() {
        return add(DescribedPredicate.describe("are final", StageSubject::isFinal));
    }

    /** Selects the stages other than the final one (builder stages). */
    public GivenStages areNotFinal() {
        return add(DescribedPredicate.describe("are not final", s -> !s.isFinal()));
    }

    /**
     * Selects stages by name ({@code FROM x AS name}).
     *
     * @param names stage names
     * @return the next step
     */
    public GivenStages areNamed(String... names) {
        return add(DescribedPredicate.describe("are named " + quoted(names),
                s -> s.stage().name().filter(n -> Arrays.asList(names).contains(n)).isPresent()));
    }

    /**
     * Selects stages whose base image (after expanding build arguments) has one of the given
     * repositories, with or without registry: {@code haveBaseImage("golang")} matches
     * {@code golang:1.22}, {@code docker.io/library/golang@sha256:...}.
     *
     * @param images repository names such as {@code golang}, {@code gcr.io/distroless/static}
     * @return the next step
     */
    public GivenStages haveBaseImage(String... images) {
        return add(DescribedPredicate.describe("have base image " + quoted(images), s -> {
            Optional<ImageRef> ref = s.stage().baseStage().isPresent() ? Optional.empty() : s.stage().image();
            if (ref.isEmpty()) {
                return false;
            }
            ImageRef r = ref.get();
            String written = r.registry().map(x -> x + "/").orElse("") + r.repository();
            for (String i : images) {
                if (i.equals(written) || i.equals(r.repository()) || i.equals(r.normalizedName())) {
                    return true;
                }
            }
            return false;
        }));
    }

    /** Selects stages built on an earlier stage ({@code FROM <stage>}). */
    public GivenStages buildOnAnotherStage() {
        return add(DescribedPredicate.describe("build on another stage", s -> s.stage().baseStage().isPresent()));
    }

    private static String quoted(String[] values) {
        return Arrays.stream(values).map(v -> "\"" + v + "\"").collect(Collectors.joining(" or "));
    }
}
