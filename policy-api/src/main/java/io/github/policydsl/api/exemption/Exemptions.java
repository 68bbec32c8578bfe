package io.github.policydsl.api.exemption;

import io.github.policydsl.api.Level;
import io.github.policydsl.api.Severity;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.api.result.Location;
import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.RuleInfo;
import io.github.policydsl.api.result.RuleResult;
import io.github.policydsl.api.result.SubjectRef;
import io.github.policydsl.api.result.Violation;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A set of exemptions, applied to a report: every FAIL or WARN finding that an exemption in force
 * covers becomes SKIP with the exemption's reason. ERROR findings (including load errors) are
 * never exempted. Exemptions come from code ({@link #of(Exemption...)}), from a reviewed file
 * ({@link #parse(JsonParser, String)}; the Kubernetes module reads the same layout from YAML), and
 * from annotations on the objects themselves:
 *
 * <pre>
 * metadata:
 *   annotations:
 *     policydsl.io/exempt: "k8s.run-as-user-not-root,k8s.image-*"
 *     policydsl.io/exempt-reason: "legacy image runs as root; SEC-123"
 * </pre>
 *
 * <p>Annotations let whoever deploys an object exempt it, so a policy can refuse them with
 * {@link #withAnnotations(boolean) withAnnotations(false)} (or {@code annotations: false} in the
 * file). An annotation without a reason exempts nothing and is reported.
 *
 * <p>Applying also reports the exemptions themselves, as WARN results that do not fail a build:
 * {@value #EXPIRED_ID} for every expired exemption (it no longer applies), {@value #UNUSED_ID} for
 * an exemption in force that matched no finding (remove it, or fix its matchers), and
 * {@value #INVALID_ID} for an annotation without a reason. Immutable and thread-safe.
 *
 * <p>File layout (JSON here; YAML with the same keys through the Kubernetes module):
 *
 * <pre>
 * version: 1                  # optional; only 1 is known
 * annotations: true           # optional; false turns off policydsl.io/exempt annotations
 * exemptions:
 *   - rule: k8s.run-as-user-not-root   # rule id or glob (required)
 *     kind: Deployment                 # optional
 *     namespace: production            # optional, glob
 *     name: web                        # optional, glob
 *     labels: {team: storage}          # optional, all must match
 *     container: setup                 # optional
 *     path: securityContext.runAsUser  # optional, from the object or the container; prefix match
 *     reason: chown of the data volume; SEC-123   # required
 *     expires: 2027-03-31              # optional ISO date, last day it applies
 * </pre>
 *
 * Unknown keys, a missing rule or reason, and a bad date are errors that name the file and line.
 */
public final class Exemptions {

    /** The annotation listing exempted rule ids or globs, comma-separated. */
    public static final String ANNOTATION = "policydsl.io/exempt";
    /** The annotation giving the reason; required for {@link #ANNOTATION} to apply. */
    public static final String REASON_ANNOTATION = "policydsl.io/exempt-reason";

    /** Rule id of the report entry for an expired exemption. */
    public static final String EXPIRED_ID = "policydsl.exemption.expired";
    /** Rule id of the report entry for an exemption that matched nothing. */
    public static final String UNUSED_ID = "policydsl.exemption.unused";
    /** Rule id of the report entry for an annotation exemption without a reason. */
    public static final String INVALID_ID = "policydsl.exemption.invalid";

    /** Catalogue entry for {@value #EXPIRED_ID}. */
    public static final RuleInfo EXPIRED = new RuleInfo(EXPIRED_ID,
            "exemptions should be renewed or removed before they expire", Severity.LOW, Level.SHOULD,
            "fix the findings it covered, or renew the exemption with a new expiry date after review");
    /** Catalogue entry for {@value #UNUSED_ID}. */
    public static final RuleInfo UNUSED = new RuleInfo(UNUSED_ID,
            "exemptions should match at least one finding", Severity.LOW, Level.SHOULD,
            "remove the exemption, or correct its rule id and object matchers");
    /** Catalogue entry for {@value #INVALID_ID}. */
    public static final RuleInfo INVALID = new RuleInfo(INVALID_ID,
            "exemption annotations should give a reason", Severity.LOW, Level.SHOULD,
            "add the annotation " + REASON_ANNOTATION + " with the reason for the exemption");

    private static final Set<String> FILE_KEYS = new java.util.TreeSet<>(List.of("version", "annotations", "exemptions"));
    private static final Set<String> ENTRY_KEYS = new java.util.TreeSet<>(List.of("rule", "kind", "namespace", "name",
            "labels", "container", "path", "reason", "expires"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Exemption> exemptions;
    private final boolean annotations;

    private Exemptions(List<Exemption> exemptions, boolean annotations) {
        for (Exemption e : exemptions) {
            if (e.reason().isBlank()) {
                throw new IllegalArgumentException(e + " has no reason; call because(..)");
            }
        }
        this.exemptions = List.copyOf(exemptions);
        this.annotations = annotations;
    }

    /** No declared exemptions; annotations allowed. */
    public static Exemptions none() {
        return new Exemptions(List.of(), true);
    }

    /**
     * Exemptions declared in code; annotations allowed.
     *
     * @param exemptions the exemptions, each with a reason
     * @return the set
     * @throws IllegalArgumentException if one has no reason
     */
    public static Exemptions of(Exemption... exemptions) {
        return new Exemptions(List.of(exemptions), true);
    }

    /**
     * Exemptions declared in code; annotations allowed.
     *
     * @param exemptions the exemptions, each with a reason
     * @return the set
     */
    public static Exemptions of(List<Exemption> exemptions) {
        return new Exemptions(exemptions, true);
    }

    /**
     * Whether {@value #ANNOTATION} annotations on objects exempt them.
     *
     * @param allowed false to ignore such annotations
     * @return a new set
     */
    public Exemptions withAnnotations(boolean allowed) {
        return new Exemptions(exemptions, allowed);
    }

    /**
     * Both sets; annotations apply only if both allow them.
     *
     * @param other more exemptions
     * @return the union
     */
    public Exemptions and(Exemptions other) {
        List<Exemption> all = new ArrayList<>(exemptions);
        all.addAll(other.exemptions);
        return new Exemptions(all, annotations && other.annotations);
    }

    /** The declared exemptions. */
    public List<Exemption> exemptions() {
        return exemptions;
    }

    /** Whether annotations on objects are honoured. */
    public boolean allowsAnnotations() {
        return annotations;
    }

    /**
     * Loads a JSON exemptions file.
     *
     * @param file the file
     * @return the exemptions
     * @throws PolicyFileException if it cannot be read or is malformed (naming file and line)
     */
    public static Exemptions load(Path file) {
        try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
            return parse(p, file.toString());
        } catch (IOException e) {
            throw new PolicyFileException(file.toString(), 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Parses an exemptions document from any Jackson parser (JSON, or YAML from the Kubernetes
     * module). The parser is positioned before the document and is not closed.
     *
     * @param parser the parser
     * @param file the file name for messages and origins
     * @return the exemptions
     * @throws PolicyFileException if the document is malformed (naming file and line)
     */
    public static Exemptions parse(JsonParser parser, String file) {
        GovernanceFiles.Document doc = GovernanceFiles.read(parser, file, FILE_KEYS);
        GovernanceFiles.Located version = doc.properties().get("version");
        if (version != null && !(version.node().isNumber() && version.node().asInt() == 1)) {
            throw new PolicyFileException(file, version.line(), "unsupported version " + version.node()
                    + " (expected 1)", null);
        }
        boolean allowAnnotations = true;
        GovernanceFiles.Located ann = doc.properties().get("annotations");
        if (ann != null) {
            if (!ann.node().isBoolean()) {
                throw new PolicyFileException(file, ann.line(), "'annotations' must be true or false", null);
            }
            allowAnnotations = ann.node().booleanValue();
        }
        if (doc.properties().containsKey("exemptions") && !doc.properties().get("exemptions").node().isNull()) {
            throw new PolicyFileException(file, doc.properties().get("exemptions").line(),
                    "'exemptions' must be a list", null);
        }
        List<Exemption> out = new ArrayList<>();
        for (GovernanceFiles.Located item : doc.arrays().getOrDefault("exemptions", List.of())) {
            out.add(entry(item.node(), file, item.line()));
        }
        for (String key : doc.arrays().keySet()) {
            if (!key.equals("exemptions")) {
                throw new PolicyFileException(file, 0, "'" + key + "' must not be a list", null);
            }
        }
        return new Exemptions(out, allowAnnotations);
    }

    private static Exemption entry(JsonNode node, String file, int line) {
        if (!node.isObject()) {
            throw new PolicyFileException(file, line, "an exemption must be a mapping", null);
        }
        for (String key : node.propertyNames()) {
            if (!ENTRY_KEYS.contains(key)) {
                throw new PolicyFileException(file, line, "unknown key '" + key + "' in exemption (expected one of "
                        + String.join(", ", ENTRY_KEYS) + ")", null);
            }
        }
        Exemption e;
        try {
            e = Exemption.forRule(GovernanceFiles.text(node, "rule", file, line, true));
        } catch (IllegalArgumentException ex) {
            throw new PolicyFileException(file, line, ex.getMessage(), ex);
        }
        e = e.because(GovernanceFiles.text(node, "reason", file, line, true));
        String kind = GovernanceFiles.text(node, "kind", file, line, false);
        if (kind != null) {
            e = e.kind(kind);
        }
        String ns = GovernanceFiles.text(node, "namespace", file, line, false);
        if (ns != null) {
            e = e.namespace(ns);
        }
        String name = GovernanceFiles.text(node, "name", file, line, false);
        if (name != null) {
            e = e.name(name);
        }
        String container = GovernanceFiles.text(node, "container", file, line, false);
        if (container != null) {
            e = e.container(container);
        }
        String path = GovernanceFiles.text(node, "path", file, line, false);
        if (path != null) {
            try {
                e = e.path(path);
            } catch (IllegalArgumentException ex) {
                throw new PolicyFileException(file, line, ex.getMessage(), ex);
            }
        }
        JsonNode labels = node.get("labels");
        if (labels != null && !labels.isNull()) {
            if (!labels.isObject()) {
                throw new PolicyFileException(file, line, "'labels' must be a mapping", null);
            }
            for (Map.Entry<String, JsonNode> l : labels.properties()) {
                if (!l.getValue().isString()) {
                    throw new PolicyFileException(file, line, "label '" + l.getKey() + "' must have a string value", null);
                }
                e = e.label(l.getKey(), l.getValue().asString());
            }
        }
        String expires = GovernanceFiles.text(node, "expires", file, line, false);
        if (expires != null) {
            try {
                e = e.until(LocalDate.parse(expires));
            } catch (DateTimeParseException ex) {
                throw new PolicyFileException(file, line, "'expires' must be a date like 2027-03-31, not '"
                        + expires + "'", ex);
            }
        }
        return e.declaredAt(new Location(file, line, 0));
    }

    /**
     * Applies the exemptions to a report.
     *
     * @param report the report
     * @param context knows containers, labels and annotations of the objects
     * @param today the current date, for expiry (pass it in: no hidden clock)
     * @return the new report and what was expired or unused
     */
    public ExemptionResult apply(Report report, FindingContext context, LocalDate today) {
        Objects.requireNonNull(today, "today");
        List<Exemption> active = new ArrayList<>();
        List<Exemption> expired = new ArrayList<>();
        for (Exemption e : exemptions) {
            (e.isExpired(today) ? expired : active).add(e);
        }
        Map<Exemption, Integer> used = new IdentityHashMap<>();
        Map<Exemption, Integer> wouldCover = new IdentityHashMap<>();
        Set<String> invalidAnnotated = new LinkedHashSet<>();
        List<RuleResult> results = new ArrayList<>();
        List<RuleResult> extra = new ArrayList<>();
        for (RuleResult r : report.results()) {
            if (r.outcome() != Outcome.FAIL && r.outcome() != Outcome.WARN) {
                results.add(r);
                continue;
            }
            List<Violation> vs = new ArrayList<>();
            boolean changed = false;
            for (Violation v : r.violations()) {
                if (v.outcome() != Outcome.FAIL && v.outcome() != Outcome.WARN) {
                    vs.add(v);
                    continue;
                }
                String reason = null;
                for (Exemption e : active) {
                    if (e.matches(v, context)) {
                        used.merge(e, 1, Integer::sum);
                        reason = e.annotatedReason();
                        break;
                    }
                }
                if (reason == null && annotations) {
                    reason = annotationReason(v, context, invalidAnnotated, extra);
                }
                if (reason == null) {
                    for (Exemption e : expired) {
                        if (e.matches(v, context)) {
                            wouldCover.merge(e, 1, Integer::sum);
                        }
                    }
                    vs.add(v);
                } else {
                    vs.add(v.exempt(reason));
                    changed = true;
                }
            }
            results.add(changed ? new RuleResult(r.rule(), r.subject(), r.location(), outcomeOf(vs), vs) : r);
        }
        List<Exemption> unused = active.stream().filter(e -> !used.containsKey(e)).toList();
        for (Exemption e : expired) {
            int n = wouldCover.getOrDefault(e, 0);
            extra.add(note(EXPIRED, e, "expired on " + e.expires().orElseThrow() + " and no longer applies"
                    + (n > 0 ? " (" + n + (n == 1 ? " finding" : " findings") + " it would cover now count)" : "")
                    + "; it was: " + e.reason()));
        }
        for (Exemption e : unused) {
            extra.add(note(UNUSED, e, "matched no finding; remove it or fix its matchers; it says: " + e.reason()));
        }
        results.addAll(extra);
        List<RuleInfo> moreRules = new ArrayList<>();
        if (!expired.isEmpty()) {
            moreRules.add(EXPIRED);
        }
        if (!unused.isEmpty()) {
            moreRules.add(UNUSED);
        }
        if (!invalidAnnotated.isEmpty()) {
            moreRules.add(INVALID);
        }
        return new ExemptionResult(report.withResults(results, moreRules), expired, unused);
    }

    private static String annotationReason(Violation v, FindingContext context, Set<String> invalidSeen,
            List<RuleResult> extra) {
        Map<String, String> ann = context.annotations(v.subject());
        String list = ann.get(ANNOTATION);
        if (list == null || list.isBlank()) {
            return null;
        }
        boolean covers = false;
        for (String part : list.split(",")) {
            if (!part.isBlank() && RuleIdPattern.of(part).matches(v.ruleId())) {
                covers = true;
                break;
            }
        }
        if (!covers) {
            return null;
        }
        String why = ann.get(REASON_ANNOTATION);
        SubjectRef object = v.subject().withContainer("");
        if (why == null || why.isBlank()) {
            if (invalidSeen.add(object.apiVersion() + "|" + object.display())) {
                String msg = "has annotation " + ANNOTATION + " but no " + REASON_ANNOTATION
                        + ", so it exempts nothing";
                extra.add(new RuleResult(INVALID, object, v.location(), Outcome.WARN, List.of(new Violation(INVALID_ID,
                        INVALID.severity(), Outcome.WARN, msg, object, v.location(), FieldPath.parse("metadata.annotations")))));
            }
            return null;
        }
        return why + " (annotation " + ANNOTATION + " on " + object.display() + ")";
    }

    private static RuleResult note(RuleInfo rule, Exemption e, String message) {
        SubjectRef ref = new SubjectRef("", "Exemption", "", e.toString(), "");
        Violation v = new Violation(rule.id(), rule.severity(), Outcome.WARN, message, ref, e.origin(), FieldPath.root());
        return new RuleResult(rule, ref, e.origin(), Outcome.WARN, List.of(v));
    }

    /**
     * The outcome of a result from its violations: ERROR over FAIL over WARN over SKIP.
     *
     * @param violations at least one violation
     * @return the outcome
     */
    static Outcome outcomeOf(List<Violation> violations) {
        Outcome best = Outcome.SKIP;
        for (Violation v : violations) {
            Outcome o = v.outcome();
            if (o == Outcome.ERROR) {
                return o;
            }
            if (o == Outcome.FAIL || (o == Outcome.WARN && best == Outcome.SKIP)) {
                best = o;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return exemptions.size() + " exemptions, annotations " + (annotations ? "allowed" : "ignored");
    }

}
