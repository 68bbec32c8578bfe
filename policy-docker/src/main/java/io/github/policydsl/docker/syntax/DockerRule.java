package io.github.policydsl.docker.syntax;

import io.github.policydsl.api.Subject;
import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.RuleResult;
import io.github.policydsl.api.result.Violation;
import io.github.policydsl.api.syntax.RuleSpec;
import io.github.policydsl.api.syntax.SubjectRule;
import io.github.policydsl.docker.Dockerfiles;
import io.github.policydsl.docker.InlineExemption;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The base of Dockerfile rules. Besides the generic evaluation it honours inline exemptions:
 * a finding whose instruction (or stage FROM) carries
 * {@code # policy:ignore=<this rule's id> <reason>} becomes SKIP with the reason; a result whose
 * findings are all exempted is SKIP. Immutable and thread-safe.
 *
 * @param <T> the subject type
 * @param <SELF> the concrete rule type
 */
public abstract class DockerRule<T extends Subject, SELF extends DockerRule<T, SELF>>
        extends SubjectRule<Dockerfiles, T, SELF> {

    /**
     * Creates a rule from its state.
     *
     * @param spec the state
     */
    protected DockerRule(RuleSpec<Dockerfiles, T> spec) {
        super(spec);
    }

    @Override
    protected RuleResult finish(Dockerfiles input, RuleResult r) {
        if (r.outcome() != Outcome.FAIL && r.outcome() != Outcome.WARN) {
            return r;
        }
        String id = id();
        List<Violation> vs = new ArrayList<>();
        boolean remaining = false;
        boolean any = false;
        for (Violation v : r.violations()) {
            Optional<InlineExemption> e = v.outcome() == r.outcome()
                    ? input.exemption(id, v.subject().name(), v.path()) : Optional.empty();
            if (e.isPresent()) {
                any = true;
                vs.add(new Violation(v.ruleId(), v.severity(), Outcome.SKIP,
                        "exempted by inline comment at " + e.get().location() + " (" + e.get().reason() + "): "
                                + v.message(), v.subject(), v.location(), v.path()));
            } else {
                remaining |= v.outcome() == r.outcome();
                vs.add(v);
            }
        }
        return any ? new RuleResult(r.rule(), r.subject(), r.location(), remaining ? r.outcome() : Outcome.SKIP, vs) : r;
    }
}
