package io.github.policydsl.api.report;

import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.RuleResult;
import io.github.policydsl.api.result.Summary;
import io.github.policydsl.api.result.Violation;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a report as JUnit XML in the layout Surefire writes and CI report viewers read: a
 * {@code <testsuites>} root, one {@code <testsuite>} per rule (named by rule id) and one
 * {@code <testcase>} per rule and subject (class name = rule id, name = the subject, e.g.
 * {@code Deployment production/web}).
 *
 * <ul>
 * <li>FAIL → {@code <failure>} whose message is the first violation and whose text lists every
 * violation in compiler style;</li>
 * <li>ERROR → {@code <error>} in the same way;</li>
 * <li>SKIP → {@code <skipped message="...">} with the exemption reason, or "not applicable: ...";</li>
 * <li>WARN → a passing test case with the warnings in {@code <system-out>} (JUnit has no
 * warnings; a {@code should} rule must not fail a build);</li>
 * <li>PASS → an empty test case.</li>
 * </ul>
 *
 * Written with the JDK's StAX {@link XMLStreamWriter}, so text is escaped by the XML library.
 * Times are 0 and no timestamps are written: the output is deterministic. Stateless and
 * thread-safe.
 */
public final class JUnitXmlReportWriter {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final String suiteName;

    private JUnitXmlReportWriter(String suiteName) {
        this.suiteName = suiteName;
    }

    /** A writer whose root element is named {@code policy-dsl}. */
    public static JUnitXmlReportWriter create() {
        return new JUnitXmlReportWriter("policy-dsl");
    }

    /**
     * This writer with another name on {@code <testsuites>}.
     *
     * @param name the name
     * @return a new writer
     */
    public JUnitXmlReportWriter named(String name) {
        return new JUnitXmlReportWriter(name);
    }

    /**
     * Renders a report.
     *
     * @param report the report
     * @return the XML document, ending in a newline
     */
    public String render(Report report) {
        StringWriter sw = new StringWriter();
        write(report, sw);
        return sw.toString();
    }

    /**
     * Writes a report.
     *
     * @param report the report
     * @param out where to write; not closed
     * @throws UncheckedIOException if writing fails
     */
    public void write(Report report, Writer out) {
        Map<String, List<RuleResult>> byRule = new TreeMap<>();
        for (RuleResult r : report.results()) {
            byRule.computeIfAbsent(r.rule().id(), k -> new ArrayList<>()).add(r);
        }
        try {
            XMLStreamWriter x = FACTORY.createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            Summary all = report.summary();
            x.writeStartElement("testsuites");
            x.writeAttribute("name", suiteName);
            x.writeAttribute("tests", Integer.toString(all.total()));
            x.writeAttribute("failures", Integer.toString(all.fail()));
            x.writeAttribute("errors", Integer.toString(all.error()));
            x.writeAttribute("skipped", Integer.toString(all.skip()));
            x.writeAttribute("time", "0");
            for (Map.Entry<String, List<RuleResult>> e : byRule.entrySet()) {
                Summary s = new Report(e.getValue(), List.of(), List.of()).summary();
                x.writeCharacters("\n  ");
                x.writeStartElement("testsuite");
                x.writeAttribute("name", e.getKey());
                x.writeAttribute("tests", Integer.toString(s.total()));
                x.writeAttribute("failures", Integer.toString(s.fail()));
                x.writeAttribute("errors", Integer.toString(s.error()));
                x.writeAttribute("skipped", Integer.toString(s.skip()));
                x.writeAttribute("time", "0");
                for (RuleResult r : e.getValue()) {
                    testcase(x, r);
                }
                x.writeCharacters("\n  ");
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
            x.close();
            out.flush();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new java.io.IOException("could not write JUnit XML", e));
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void testcase(XMLStreamWriter x, RuleResult r) throws XMLStreamException {
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        x.writeAttribute("name", r.subject().display() + " (" + r.location() + ")");
        x.writeAttribute("classname", r.rule().id());
        x.writeAttribute("time", "0");
        List<Violation> vs = r.violations();
        switch (r.outcome()) {
            case FAIL -> child(x, "failure", vs, Outcome.FAIL);
            case ERROR -> child(x, "error", vs, Outcome.ERROR);
            case SKIP -> {
                x.writeCharacters("\n      ");
                x.writeEmptyElement("skipped");
                Violation first = vs.get(0);
                x.writeAttribute("message", first.isExempted() ? "exempted: " + first.exemption() : first.message());
            }
            case WARN -> {
                x.writeCharacters("\n      ");
                x.writeStartElement("system-out");
                x.writeCharacters(lines(vs));
                x.writeEndElement();
            }
            default -> {
                x.writeEndElement();
                return;
            }
        }
        x.writeCharacters("\n    ");
        x.writeEndElement();
    }

    private static void child(XMLStreamWriter x, String element, List<Violation> vs, Outcome outcome)
            throws XMLStreamException {
        Violation first = vs.stream().filter(v -> v.outcome() == outcome).findFirst().orElse(vs.get(0));
        x.writeCharacters("\n      ");
        x.writeStartElement(element);
        x.writeAttribute("message", first.message());
        x.writeAttribute("type", first.ruleId() + " " + first.severity());
        x.writeCharacters(lines(vs));
        x.writeEndElement();
    }

    private static String lines(List<Violation> vs) {
        StringBuilder sb = new StringBuilder();
        for (Violation v : vs) {
            sb.append(v.toLine()).append('\n');
        }
        return sb.toString();
    }
}
