package io.github.policydsl.api.exemption;

import io.github.policydsl.api.Level;
import io.github.policydsl.api.Severity;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.api.result.InputInfo;
import io.github.policydsl.api.result.Location;
import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.RuleInfo;
import io.github.policydsl.api.result.RuleResult;
import io.github.policydsl.api.result.SubjectRef;
import io.github.policydsl.api.result.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reports built by hand: findings of two rules on objects with containers. */
final class GovernanceFixtures {

    static final RuleInfo NON_ROOT = new RuleInfo("k8s.run-as-non-root", "pods must run as non-root", Severity.HIGH,
            Level.MUST, "");
    static final RuleInfo DIGEST = new RuleInfo("k8s.image-digest", "pods must pin images", Severity.MEDIUM,
            Level.MUST, "");
    static final RuleInfo LIMITS = new RuleInfo("k8s.resource-limits", "pods should have limits", Severity.LOW,
            Level.SHOULD, "");

    private GovernanceFixtures() {
    }

    static SubjectRef deployment(String ns, String name) {
        return new SubjectRef("apps/v1", "Deployment", ns, name, "");
    }

    /** One finding of a rule about a container of an object, at a line. */
    static Violation finding(RuleInfo rule, SubjectRef object, String container, String field, int line) {
        Outcome o = rule.level() == Level.MUST ? Outcome.FAIL : Outcome.WARN;
        return new Violation(rule.id(), rule.severity(), o, "is bad", object.withContainer(container),
                new Location("deploy.yaml", line, 3), FieldPath.parse(field));
    }

    /** A report with one result per finding, plus a PASS result for every rule on {@code extra}. */
    static Report report(List<Violation> findings, SubjectRef... passing) {
        List<RuleResult> results = new ArrayList<>();
        for (Violation v : findings) {
            RuleInfo rule = List.of(NON_ROOT, DIGEST, LIMITS).stream().filter(r -> r.id().equals(v.ruleId()))
                    .findFirst().orElseThrow();
            results.add(new RuleResult(rule, v.subject(), v.location(), v.outcome(), List.of(v)));
        }
        for (SubjectRef s : passing) {
            for (RuleInfo r : List.of(NON_ROOT, DIGEST, LIMITS)) {
                results.add(new RuleResult(r, s, new Location("deploy.yaml", 1, 1), Outcome.PASS, List.of()));
            }
        }
        return new Report(results, List.of(NON_ROOT, DIGEST, LIMITS), List.of(new InputInfo("deploy.yaml", "manifest", 1)));
    }

    /** A context with fixed annotations and labels per object name. */
    static FindingContext annotated(Map<String, Map<String, String>> annotations, Map<String, Map<String, String>> labels) {
        return new FindingContext() {
            @Override
            public Map<String, String> annotations(SubjectRef subject) {
                return annotations.getOrDefault(subject.name(), Map.of());
            }

            @Override
            public Map<String, String> labels(SubjectRef subject) {
                return labels.getOrDefault(subject.name(), Map.of());
            }
        };
    }
}
