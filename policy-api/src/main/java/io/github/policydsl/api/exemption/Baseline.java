package io.github.policydsl.api.exemption;

import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.RuleInfo;
import io.github.policydsl.api.result.RuleResult;
import io.github.policydsl.api.result.Violation;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The recorded findings of a policy that are tolerated for now (after ArchUnit's
 * {@code FreezingArchRule}): a sorted set of {@link Fingerprint}s. Applied to a report, findings
 * in the baseline become SKIP ("baselined"), so only new findings fail; entries that no longer
 * match are <em>fixed</em> and {@link BaselineResult#remaining()} drops them, so a fixed finding
 * cannot come back unnoticed.
 *
 * <p>Only FAIL and WARN findings are recorded; ERROR findings (input that cannot be loaded or
 * evaluated) never are. An entry is dropped as fixed only if its rule was evaluated in the report:
 * selecting fewer rules does not empty the baseline. Entries of objects that were not scanned
 * are dropped (fail closed): run the baseline over the inputs it was recorded from.
 *
 * <p>The file form ({@link #toJson()}) is deterministic and diff-friendly: entries sorted by rule
 * id, kind, namespace, name, container and path, one property per line, no timestamps, no line
 * numbers, no messages. Immutable and thread-safe.
 */
public final class Baseline {

    /** The version of the file layout. */
    public static final int FILE_VERSION = 1;

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final Set<String> FILE_KEYS = new TreeSet<>(List.of("baselineVersion", "violations"));
    private static final Set<String> ENTRY_KEYS = new TreeSet<>(List.of("rule", "apiVersion", "kind", "namespace",
            "name", "container", "path"));

    private final SortedSet<Fingerprint> entries;

    private Baseline(Set<Fingerprint> entries) {
        this.entries = Collections.unmodifiableSortedSet(new TreeSet<>(entries));
    }

    /** An empty baseline. */
    public static Baseline empty() {
        return new Baseline(Set.of());
    }

    /**
     * A baseline of these entries.
     *
     * @param entries the fingerprints
     * @return the baseline
     */
    public static Baseline of(Set<Fingerprint> entries) {
        return new Baseline(entries);
    }

    /**
     * Records every FAIL and WARN finding of a report.
     *
     * @param report the report
     * @param context knows container names
     * @return the baseline
     */
    public static Baseline record(Report report, FindingContext context) {
        Set<Fingerprint> out = new HashSet<>();
        for (Violation v : report.violations(Outcome.FAIL, Outcome.WARN)) {
            out.add(Fingerprint.of(v, context));
        }
        return new Baseline(out);
    }

    /** The entries, sorted. */
    public SortedSet<Fingerprint> entries() {
        return entries;
    }

    /** The number of entries. */
    public int size() {
        return entries.size();
    }

    /**
     * Applies the baseline: findings in it become SKIP ("baselined"), new ones stay.
     *
     * @param report the report
     * @param context knows container names
     * @param origin a name for the baseline (usually its file), put into the reason
     * @return the new report, the new findings, the fixed entries and the remaining baseline
     */
    public BaselineResult apply(Report report, FindingContext context, String origin) {
        Set<Fingerprint> matched = new HashSet<>();
        List<Violation> fresh = new ArrayList<>();
        List<RuleResult> results = new ArrayList<>();
        String reason = "baselined in " + origin;
        for (RuleResult r : report.results()) {
            if (r.outcome() != Outcome.FAIL && r.outcome() != Outcome.WARN) {
                results.add(r);
                continue;
            }
            List<Violation> vs = new ArrayList<>();
            boolean changed = false;
            for (Violation v : r.violations()) {
                if (v.outcome() == Outcome.FAIL || v.outcome() == Outcome.WARN) {
                    Fingerprint f = Fingerprint.of(v, context);
                    if (entries.contains(f)) {
                        matched.add(f);
                        vs.add(v.exempt(reason));
                        changed = true;
                        continue;
                    }
                    fresh.add(v);
                }
                vs.add(v);
            }
            results.add(changed ? new RuleResult(r.rule(), r.subject(), r.location(), Exemptions.outcomeOf(vs), vs) : r);
        }
        Set<String> evaluated = new HashSet<>();
        for (RuleInfo info : report.rules()) {
            evaluated.add(info.id());
        }
        List<Fingerprint> fixed = new ArrayList<>();
        Set<Fingerprint> remaining = new TreeSet<>();
        for (Fingerprint f : entries) {
            if (matched.contains(f) || !evaluated.contains(f.ruleId())) {
                remaining.add(f);
            } else {
                fixed.add(f);
            }
        }
        return new BaselineResult(report.withResults(results, List.of()), fresh.stream().sorted().toList(), fixed,
                new Baseline(remaining));
    }

    /**
     * This baseline with the entries of another added.
     *
     * @param other more entries
     * @return the union
     */
    public Baseline and(Baseline other) {
        Set<Fingerprint> all = new HashSet<>(entries);
        all.addAll(other.entries);
        return new Baseline(all);
    }

    /** The file form: indented JSON, sorted, with a trailing newline. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("baselineVersion", FILE_VERSION);
        ArrayNode list = root.putArray("violations");
        for (Fingerprint f : entries) {
            ObjectNode n = list.addObject();
            n.put("rule", f.ruleId());
            n.put("apiVersion", f.apiVersion());
            n.put("kind", f.kind());
            n.put("namespace", f.namespace());
            n.put("name", f.name());
            n.put("container", f.container());
            n.put("path", f.path());
        }
        return JSON.writeValueAsString(root) + "\n";
    }

    /**
     * Parses the file form.
     *
     * @param json the text
     * @param file the file name, for messages
     * @return the baseline
     * @throws PolicyFileException if the text is malformed (naming file and line)
     */
    public static Baseline parse(String json, String file) {
        GovernanceFiles.Document doc;
        try (JsonParser p = JSON.createParser(new StringReader(json))) {
            doc = GovernanceFiles.read(p, file, FILE_KEYS);
        }
        GovernanceFiles.Located version = doc.properties().get("baselineVersion");
        if (version == null) {
            throw new PolicyFileException(file, 1, "missing 'baselineVersion'", null);
        }
        if (!(version.node().isNumber() && version.node().asInt() == FILE_VERSION)) {
            throw new PolicyFileException(file, version.line(), "unsupported baselineVersion " + version.node(), null);
        }
        if (doc.properties().containsKey("violations")) {
            throw new PolicyFileException(file, doc.properties().get("violations").line(),
                    "'violations' must be a list", null);
        }
        Set<Fingerprint> out = new HashSet<>();
        for (GovernanceFiles.Located item : doc.arrays().getOrDefault("violations", List.of())) {
            JsonNode n = item.node();
            if (!n.isObject()) {
                throw new PolicyFileException(file, item.line(), "an entry must be an object", null);
            }
            for (String key : n.propertyNames()) {
                if (!ENTRY_KEYS.contains(key)) {
                    throw new PolicyFileException(file, item.line(), "unknown key '" + key + "' in entry", null);
                }
                if (!n.get(key).isString()) {
                    throw new PolicyFileException(file, item.line(), "'" + key + "' must be a string", null);
                }
            }
            String rule = GovernanceFiles.text(n, "rule", file, item.line(), true);
            if (!n.has("kind")) {
                throw new PolicyFileException(file, item.line(), "missing 'kind'", null);
            }
            Fingerprint f = new Fingerprint(rule, str(n, "apiVersion"), str(n, "kind"), str(n, "namespace"),
                    str(n, "name"), str(n, "container"), str(n, "path"));
            if (!out.add(f)) {
                throw new PolicyFileException(file, item.line(), "duplicate entry " + f, null);
            }
        }
        return new Baseline(out);
    }

    private static String str(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null ? "" : v.asString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Baseline && ((Baseline) o).entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "Baseline[" + entries.size() + " entries]";
    }
}
