package io.github.policydsl.api.result;

import io.github.policydsl.api.Level;
import io.github.policydsl.api.Severity;

import java.util.List;
import java.util.Objects;

/**
 * A problem found while loading an input: a file that cannot be read or parsed, a document
 * without {@code apiVersion}/{@code kind}, a value of the wrong type. Every load error becomes an
 * ERROR result of the rule {@value #RULE_ID}, so nothing that failed to load passes silently.
 *
 * @param location where the problem is
 * @param message what is wrong
 * @param subject what could not be loaded (a kind such as {@code File} when nothing more is known)
 * @param path the field concerned, or the root
 */
public record LoadError(Location location, String message, SubjectRef subject, FieldPath path) {

    /** The id of the rule under which load errors are reported. */
    public static final String RULE_ID = "load-error";

    /** The catalogue entry of load errors. */
    public static final RuleInfo RULE = new RuleInfo(RULE_ID,
            "inputs must be readable, parseable and well-typed", Severity.HIGH, Level.MUST,
            "fix the file so that it parses and every field has the type the schema expects");

    /** Validates the components. */
    public LoadError {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(path, "path");
    }

    /**
     * A load error about a whole file.
     *
     * @param file the file
     * @param line the 1-based line, or 0
     * @param column the 1-based column, or 0
     * @param message what is wrong
     * @return the error
     */
    public static LoadError inFile(String file, int line, int column, String message) {
        return new LoadError(new Location(file, line, column), message, new SubjectRef("", "File", "", file, ""),
                FieldPath.root());
    }

    /** This error as an ERROR result. */
    public RuleResult toResult() {
        return new RuleResult(RULE, subject, location, Outcome.ERROR, List.of(
                new Violation(RULE_ID, RULE.severity(), Outcome.ERROR, message, subject, location, path)));
    }
}
