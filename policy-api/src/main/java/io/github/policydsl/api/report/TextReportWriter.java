package io.github.policydsl.api.report;

import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.Summary;
import io.github.policydsl.api.result.Violation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a report as plain text for people and CI logs: violations first, one per line, each
 * starting with {@code file:line:col} so that editors and CI annotators link it; then one summary
 * line. Failures and errors come before warnings and skips. Stateless and thread-safe.
 */
public final class TextReportWriter {

    private final boolean includeSkipped;

    private TextReportWriter(boolean includeSkipped) {
        this.includeSkipped = includeSkipped;
    }

    /** A writer that lists failures, errors and warnings. */
    public static TextReportWriter standard() {
        return new TextReportWriter(false);
    }

    /** A writer that also lists skipped results. */
    public static TextReportWriter verbose() {
        return new TextReportWriter(true);
    }

    /**
     * Renders a report.
     *
     * @param report the report
     * @return the text, ending in a newline
     */
    public String render(Report report) {
        StringBuilder sb = new StringBuilder();
        append(sb, report.violations(Outcome.ERROR, Outcome.FAIL));
        append(sb, report.violations(Outcome.WARN));
        if (includeSkipped) {
            append(sb, report.violations(Outcome.SKIP));
        }
        Summary s = report.summary();
        sb.append(report.inputs().size()).append(report.inputs().size() == 1 ? " file, " : " files, ")
                .append(report.rules().size()).append(report.rules().size() == 1 ? " rule, " : " rules, ")
                .append(s.total()).append(" results: ").append(s).append('\n');
        return sb.toString();
    }

    private static void append(StringBuilder sb, List<Violation> violations) {
        for (Violation v : violations) {
            sb.append(v.toLine()).append('\n');
        }
    }

    /**
     * Writes a report.
     *
     * @param report the report
     * @param out where to write; not closed
     * @throws UncheckedIOException if writing fails
     */
    public void write(Report report, Writer out) {
        try {
            out.write(render(report));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
