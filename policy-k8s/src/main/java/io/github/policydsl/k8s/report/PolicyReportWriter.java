package io.github.policydsl.k8s.report;

import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.RuleResult;
import io.github.policydsl.api.result.SubjectRef;
import io.github.policydsl.api.result.Violation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes a report as Kubernetes policy reports of the Policy Working Group,
 * {@code wgpolicyk8s.io/v1alpha2}: one namespaced {@code PolicyReport} per namespace (named
 * {@code <prefix>-<namespace>}), and one {@code ClusterPolicyReport} ({@code <prefix>-cluster})
 * for results whose subject has no namespace (cluster-scoped objects, objects written without
 * {@code metadata.namespace}, and load errors about whole files).
 *
 * <p>One result per rule and subject, every outcome included:
 * <ul>
 * <li>{@code policy} and {@code rule}: the rule id; {@code category}: the rule id without its last
 * dot-separated part ({@code k8s.pss.restricted.run-as-non-root} → {@code k8s.pss.restricted});</li>
 * <li>{@code result}: pass, fail, warn, error or skip; {@code scored} is false for warn;</li>
 * <li>{@code severity}: critical, high, medium, low or info;</li>
 * <li>{@code message}: the violations (or the rule sentence for a pass), one per line;</li>
 * <li>{@code resources}: the object reference; {@code properties}: {@code location}
 * ({@code file:line:col}), {@code fieldPath}, {@code container} and, for skipped results,
 * {@code exemption.reason}.</li>
 * </ul>
 * No timestamps: the output is deterministic. Stateless and thread-safe.
 */
public final class PolicyReportWriter {

    /** The API version written. */
    public static final String API_VERSION = "wgpolicyk8s.io/v1alpha2";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .build();

    private final String prefix;
    private final String source;

    private PolicyReportWriter(String prefix, String source) {
        this.prefix = prefix;
        this.source = source;
    }

    /** A writer with report names starting {@code policy-dsl} and source {@code policy-dsl}. */
    public static PolicyReportWriter v1alpha2() {
        return new PolicyReportWriter("policy-dsl", "policy-dsl");
    }

    /**
     * This writer with another report name prefix and source.
     *
     * @param namePrefix the prefix of {@code metadata.name} (a DNS label)
     * @param sourceName the {@code source} of each result
     * @return a new writer
     */
    public PolicyReportWriter named(String namePrefix, String sourceName) {
        return new PolicyReportWriter(Objects.requireNonNull(namePrefix, "namePrefix"),
                Objects.requireNonNull(sourceName, "sourceName"));
    }

    /**
     * Builds the report objects: the ClusterPolicyReport first (if any result is cluster-scoped),
     * then the PolicyReports sorted by namespace.
     *
     * @param report the report
     * @return the objects as JSON trees
     */
    public List<ObjectNode> toObjects(Report report) {
        Map<String, List<RuleResult>> byNamespace = new TreeMap<>();
        for (RuleResult r : report.results()) {
            byNamespace.computeIfAbsent(r.subject().namespace(), k -> new ArrayList<>()).add(r);
        }
        List<ObjectNode> out = new ArrayList<>();
        for (Map.Entry<String, List<RuleResult>> e : byNamespace.entrySet()) {
            out.add(reportObject(e.getKey(), e.getValue()));
        }
        return out;
    }

    private ObjectNode reportObject(String namespace, List<RuleResult> results) {
        ObjectNode o = JSON.createObjectNode();
        o.put("apiVersion", API_VERSION);
        o.put("kind", namespace.isEmpty() ? "ClusterPolicyReport" : "PolicyReport");
        ObjectNode meta = o.putObject("metadata");
        meta.put("name", namespace.isEmpty() ? prefix + "-cluster" : prefix + "-" + namespace);
        if (!namespace.isEmpty()) {
            meta.put("namespace", namespace);
        }
        meta.putObject("labels").put("app.kubernetes.io/managed-by", source);
        var s = new Report(results, List.of(), List.of()).summary();
        ObjectNode summary = o.putObject("summary");
        summary.put("pass", s.pass());
        summary.put("fail", s.fail());
        summary.put("warn", s.warn());
        summary.put("error", s.error());
        summary.put("skip", s.skip());
        ArrayNode array = o.putArray("results");
        for (RuleResult r : results) {
            result(array.addObject(), r);
        }
        return o;
    }

    private void result(ObjectNode n, RuleResult r) {
        String id = r.rule().id();
        n.put("source", source);
        n.put("policy", id);
        n.put("rule", id);
        int dot = id.lastIndexOf('.');
        n.put("category", dot > 0 ? id.substring(0, dot) : id);
        n.put("severity", r.rule().severity().name().toLowerCase(Locale.ROOT));
        n.put("result", r.outcome().name().toLowerCase(Locale.ROOT));
        n.put("scored", r.outcome() != Outcome.WARN);
        n.put("message", r.violations().isEmpty() ? r.rule().description()
                : r.violations().stream().map(this::line).collect(Collectors.joining("\n")));
        ObjectNode res = n.putArray("resources").addObject();
        SubjectRef subject = r.subject();
        if (!subject.apiVersion().isEmpty()) {
            res.put("apiVersion", subject.apiVersion());
        }
        res.put("kind", subject.kind());
        if (!subject.namespace().isEmpty()) {
            res.put("namespace", subject.namespace());
        }
        res.put("name", subject.name());
        ObjectNode props = n.putObject("properties");
        Violation first = r.violations().isEmpty() ? null : r.violations().get(0);
        props.put("location", (first == null ? r.location() : first.location()).toString());
        if (first != null && !first.path().isRoot()) {
            props.put("fieldPath", first.path().toString());
        }
        if (!subject.container().isEmpty()) {
            props.put("container", subject.container());
        }
        String reasons = r.violations().stream().filter(Violation::isExempted).map(Violation::exemption).distinct()
                .collect(Collectors.joining("; "));
        if (!reasons.isEmpty()) {
            props.put("exemption.reason", reasons);
        }
    }

    private String line(Violation v) {
        StringBuilder sb = new StringBuilder();
        if (v.outcome() == Outcome.SKIP && v.isExempted()) {
            sb.append("[exempted] ");
        }
        sb.append(v.message());
        if (!v.path().isRoot()) {
            sb.append(" [").append(v.path()).append(']');
        }
        return sb.toString();
    }

    /**
     * Renders the reports as multi-document YAML, ready for {@code kubectl apply -f}.
     *
     * @param report the report
     * @return the YAML text
     */
    public String renderYaml(Report report) {
        StringBuilder sb = new StringBuilder();
        for (ObjectNode o : toObjects(report)) {
            sb.append("---\n").append(YAML.writeValueAsString(o));
        }
        return sb.toString();
    }

    /**
     * Writes the reports as multi-document YAML.
     *
     * @param report the report
     * @param out where to write; not closed
     * @throws UncheckedIOException if writing fails
     */
    public void writeYaml(Report report, Writer out) {
        try {
            out.write(renderYaml(report));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonException e) {
            throw new IllegalStateException("could not write PolicyReport", e);
        }
    }
}
