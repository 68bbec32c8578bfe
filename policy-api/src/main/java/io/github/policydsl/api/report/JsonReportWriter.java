package io.github.policydsl.api.report;

import io.github.policydsl.api.result.InputInfo;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.Summary;
import io.github.policydsl.api.result.Violation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes a report in the scanner's JSON contract (schema version 1):
 * {@code {"schemaVersion":1,"inputs":[...],"findings":[...],"summary":{...}}}. {@code findings}
 * holds one entry per violation of every non-passing result; {@code summary} counts results. An
 * exempted or baselined finding (status SKIP) carries its reason in an extra {@code exemption}
 * field.
 * Stateless and thread-safe.
 */
public final class JsonReportWriter {

    /** The version of the JSON layout. */
    public static final int SCHEMA_VERSION = 1;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private JsonReportWriter() {
    }

    /** The writer. */
    public static JsonReportWriter create() {
        return new JsonReportWriter();
    }

    /**
     * Builds the JSON tree of a report.
     *
     * @param report the report
     * @return the tree
     */
    public ObjectNode toTree(Report report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        ArrayNode inputs = root.putArray("inputs");
        for (InputInfo i : report.inputs()) {
            ObjectNode n = inputs.addObject();
            n.put("file", i.file());
            n.put("type", i.type());
            n.put("objects", i.objects());
        }
        ArrayNode findings = root.putArray("findings");
        for (Violation v : report.violations()) {
            ObjectNode f = findings.addObject();
            f.put("ruleId", v.ruleId());
            f.put("status", v.outcome().name());
            f.put("severity", v.severity().name());
            f.put("message", v.message());
            f.put("file", v.location().file());
            f.put("line", v.location().line());
            f.put("column", v.location().column());
            f.put("path", v.path().toString());
            if (v.isExempted()) {
                f.put("exemption", v.exemption());
            }
            ObjectNode r = f.putObject("resource");
            r.put("apiVersion", v.subject().apiVersion());
            r.put("kind", v.subject().kind());
            r.put("namespace", v.subject().namespace());
            r.put("name", v.subject().name());
            if (!v.subject().container().isEmpty()) {
                r.put("container", v.subject().container());
            }
        }
        Summary s = report.summary();
        ObjectNode summary = root.putObject("summary");
        summary.put("pass", s.pass());
        summary.put("fail", s.fail());
        summary.put("warn", s.warn());
        summary.put("error", s.error());
        summary.put("skip", s.skip());
        return root;
    }

    /**
     * Renders a report as indented JSON.
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
            out.write(render(report).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonException e) {
            throw new IllegalStateException("could not write JSON report", e);
        }
    }
}
