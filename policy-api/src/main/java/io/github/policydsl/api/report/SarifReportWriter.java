package io.github.policydsl.api.report;

import io.github.policydsl.api.Level;
import io.github.policydsl.api.Severity;
import io.github.policydsl.api.exemption.FindingContext;
import io.github.policydsl.api.exemption.Fingerprint;
import io.github.policydsl.api.exemption.Exemptions;
import io.github.policydsl.api.result.LoadError;
import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.RuleInfo;
import io.github.policydsl.api.result.SubjectRef;
import io.github.policydsl.api.result.Violation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Writes a report as SARIF 2.1.0: one run whose tool driver lists every rule (id, name, short and
 * full description, help text, default level, severity), and one result per FAIL, WARN and ERROR
 * finding and per exempted finding. SKIP findings that are merely "not applicable" are left out.
 *
 * <ul>
 * <li>{@code level}: FAIL and ERROR → {@code error}, WARN → {@code warning}; the rule's default
 * level is {@code error} for {@code must} rules and {@code warning} for {@code should} rules.</li>
 * <li>Physical location: {@code artifactLocation.uri} relative to the base directory given to
 * {@link #relativeTo(Path)} (with {@code uriBaseId} {@value #SRCROOT}), and
 * {@code region.startLine/startColumn} when the line is known.</li>
 * <li>Logical location: the Kubernetes object (or Dockerfile), fully qualified as
 * {@code apiVersion/kind/namespace/name}, plus the container when there is one.</li>
 * <li>Exempted and baselined findings carry a {@code suppressions} entry whose justification is
 * the reason, so viewers such as GitHub code scanning show them as dismissed.</li>
 * <li>{@code partialFingerprints.policydsl/v1} is the finding's {@link Fingerprint} digest (no
 * line numbers, no message text), so viewers track a finding across edits.</li>
 * <li>{@code properties.security-severity} maps the severity to the CVSS-like number GitHub uses
 * (critical 9.5, high 8.0, medium 5.5, low 3.0, info 0.0).</li>
 * </ul>
 *
 * The output has no timestamps and is deterministic. Immutable and thread-safe.
 */
public final class SarifReportWriter {

    /** The SARIF version written. */
    public static final String VERSION = "2.1.0";
    /** The {@code $schema} URI written. */
    public static final String SCHEMA_URI =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    /** The uriBaseId of relative artifact locations. */
    public static final String SRCROOT = "%SRCROOT%";
    /** The key of our partial fingerprint. */
    public static final String FINGERPRINT_KEY = "policydsl/v1";

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path base;
    private final String toolName;
    private final String toolVersion;
    private final FindingContext context;

    private SarifReportWriter(Path base, String toolName, String toolVersion, FindingContext context) {
        this.base = base;
        this.toolName = toolName;
        this.toolVersion = toolVersion;
        this.context = context;
    }

    /** A writer with file names as given, tool name {@code policy-dsl} and no version. */
    public static SarifReportWriter create() {
        return new SarifReportWriter(null, "policy-dsl", "", FindingContext.basic());
    }

    /**
     * This writer with artifact URIs relative to a base directory: file names (relative ones
     * resolved against the working directory, as the files were opened) below the base become relative URIs with {@code uriBaseId}
     * {@value #SRCROOT}; files outside it become absolute {@code file:} URIs.
     *
     * @param baseDirectory the base, usually the repository root
     * @return a new writer
     */
    public SarifReportWriter relativeTo(Path baseDirectory) {
        return new SarifReportWriter(baseDirectory.toAbsolutePath().normalize(), toolName, toolVersion, context);
    }

    /**
     * This writer with a tool name and version.
     *
     * @param name the tool name
     * @param version the version; empty to omit
     * @return a new writer
     */
    public SarifReportWriter tool(String name, String version) {
        return new SarifReportWriter(base, Objects.requireNonNull(name, "name"), Objects.requireNonNull(version,
                "version"), context);
    }

    /**
     * This writer using a finding context for container-stable fingerprints.
     *
     * @param findingContext the context
     * @return a new writer
     */
    public SarifReportWriter withContext(FindingContext findingContext) {
        return new SarifReportWriter(base, toolName, toolVersion, Objects.requireNonNull(findingContext, "context"));
    }

    /**
     * Builds the SARIF log as a JSON tree.
     *
     * @param report the report
     * @return the tree
     */
    public ObjectNode toTree(Report report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", SCHEMA_URI);
        root.put("version", VERSION);
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", toolName);
        if (!toolVersion.isEmpty()) {
            driver.put("version", toolVersion);
        }
        driver.put("informationUri", "https://github.com/policydsl/policy-dsl");
        Map<String, RuleInfo> rules = new TreeMap<>();
        for (RuleInfo r : report.rules()) {
            rules.put(r.id(), r);
        }
        for (Violation v : report.violations()) {
            rules.computeIfAbsent(v.ruleId(), id -> builtIn(id, v));
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        ArrayNode ruleArray = driver.putArray("rules");
        for (RuleInfo r : rules.values()) {
            index.put(r.id(), index.size());
            ObjectNode n = ruleArray.addObject();
            n.put("id", r.id());
            n.put("name", ruleName(r.id()));
            n.putObject("shortDescription").put("text", r.description());
            n.putObject("fullDescription").put("text", r.description());
            n.putObject("help").put("text", r.remediation().isEmpty() ? r.description() : r.remediation());
            n.putObject("defaultConfiguration").put("level", r.level() == Level.MUST ? "error" : "warning");
            ObjectNode props = n.putObject("properties");
            props.put("severity", r.severity().name().toLowerCase(Locale.ROOT));
            props.put("security-severity", securitySeverity(r.severity()));
            props.putArray("tags").add("security");
        }
        if (base != null) {
            run.putObject("originalUriBaseIds").putObject(SRCROOT).put("uri", base.toUri().toString());
        }
        ArrayNode results = run.putArray("results");
        for (Violation v : report.violations()) {
            if (v.outcome() == Outcome.SKIP && !v.isExempted()) {
                continue;
            }
            ObjectNode res = results.addObject();
            res.put("ruleId", v.ruleId());
            res.put("ruleIndex", index.get(v.ruleId()));
            res.put("level", level(v));
            res.putObject("message").put("text", v.subject().display() + ": " + v.message());
            ObjectNode loc = res.putArray("locations").addObject();
            ObjectNode phys = loc.putObject("physicalLocation");
            ObjectNode artifact = phys.putObject("artifactLocation");
            artifact.put("uri", uri(v.location().file()));
            if (base != null) {
                artifact.put("uriBaseId", SRCROOT);
            }
            if (v.location().isKnown()) {
                ObjectNode region = phys.putObject("region");
                region.put("startLine", v.location().line());
                if (v.location().column() > 0) {
                    region.put("startColumn", v.location().column());
                }
            }
            logical(loc.putArray("logicalLocations"), v.subject());
            res.putObject("partialFingerprints").put(FINGERPRINT_KEY, Fingerprint.of(v, context).digest());
            if (v.isExempted()) {
                ObjectNode s = res.putArray("suppressions").addObject();
                s.put("kind", "external");
                s.put("status", "accepted");
                s.put("justification", v.exemption());
            }
            ObjectNode props = res.putObject("properties");
            props.put("outcome", v.outcome().name());
            props.put("severity", v.severity().name().toLowerCase(Locale.ROOT));
            props.put("fieldPath", v.path().toString());
        }
        return root;
    }

    private static RuleInfo builtIn(String id, Violation v) {
        if (LoadError.RULE_ID.equals(id)) {
            return LoadError.RULE;
        }
        for (RuleInfo r : List.of(Exemptions.EXPIRED, Exemptions.UNUSED, Exemptions.INVALID)) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return new RuleInfo(id, id, v.severity(), v.outcome() == Outcome.WARN ? Level.SHOULD : Level.MUST, "");
    }

    private static String level(Violation v) {
        return switch (v.outcome()) {
            case FAIL, ERROR -> "error";
            case WARN -> "warning";
            default -> "none";
        };
    }

    private static void logical(ArrayNode array, SubjectRef s) {
        ObjectNode object = array.addObject();
        object.put("name", s.name().isEmpty() ? s.kind() : s.name());
        object.put("fullyQualifiedName", objectName(s));
        object.put("kind", "object");
        if (!s.container().isEmpty()) {
            ObjectNode c = array.addObject();
            c.put("name", s.container());
            c.put("fullyQualifiedName", objectName(s) + "/containers/" + s.container());
            c.put("kind", "element");
        }
    }

    private static String objectName(SubjectRef s) {
        StringBuilder sb = new StringBuilder();
        if (!s.apiVersion().isEmpty()) {
            sb.append(s.apiVersion()).append('/');
        }
        sb.append(s.kind()).append('/');
        if (!s.namespace().isEmpty()) {
            sb.append(s.namespace()).append('/');
        }
        return sb.append(s.name()).toString();
    }

    private static String ruleName(String id) {
        StringBuilder sb = new StringBuilder();
        boolean upper = true;
        for (char c : id.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return sb.toString();
    }

    private static String securitySeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "0.0";
        };
    }

    private String uri(String file) {
        String rel = file;
        if (base != null) {
            try {
                Path p = Path.of(file);
                Path abs = p.toAbsolutePath().normalize();
                if (!abs.startsWith(base)) {
                    return abs.toUri().toString();
                }
                rel = base.relativize(abs).toString();
            } catch (java.nio.file.InvalidPathException e) {
                rel = file;
            }
        }
        rel = rel.replace('\\', '/');
        try {
            return new URI(null, null, rel, null).getRawPath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot express '" + file + "' as a URI", e);
        }
    }

    /**
     * Renders a report as indented SARIF JSON.
     *
     * @param report the report
     * @return the JSON text with a trailing newline
     */
    public String render(Report report) {
        return MAPPER.writeValueAsString(toTree(report)) + "\n";
    }

    /**
     * Writes a report.
     *
     * @param report the report
     * @param out where to write; not closed
     * @throws UncheckedIOException if writing fails
     */
    public void write(Report report, OutputStream out) {
        try {
            out.write(render(report).getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonException e) {
            throw new IllegalStateException("could not write SARIF report", e);
        }
    }
}
