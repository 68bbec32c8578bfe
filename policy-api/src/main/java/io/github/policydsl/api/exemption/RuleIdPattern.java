package io.github.policydsl.api.exemption;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A rule id or a glob over rule ids: {@code *} matches any run of characters (dots included),
 * {@code ?} one character; everything else matches itself. {@code k8s.image-*} matches
 * {@code k8s.image-digest} and {@code k8s.image-no-latest}. Immutable.
 */
public final class RuleIdPattern {

    private final String glob;
    private final Pattern regex;

    private RuleIdPattern(String glob) {
        this.glob = glob;
        StringBuilder sb = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    sb.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                sb.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            sb.append(Pattern.quote(literal.toString()));
        }
        this.regex = Pattern.compile(sb.toString(), Pattern.DOTALL);
    }

    /**
     * Parses a pattern.
     *
     * @param glob a rule id or glob
     * @return the pattern
     * @throws IllegalArgumentException if it is blank
     */
    public static RuleIdPattern of(String glob) {
        Objects.requireNonNull(glob, "glob");
        if (glob.isBlank()) {
            throw new IllegalArgumentException("empty rule id pattern");
        }
        return new RuleIdPattern(glob.trim());
    }

    /**
     * Whether a text matches (globs on namespaces and names use the same syntax).
     *
     * @param id a rule id
     * @return true if it matches
     */
    public boolean matches(String id) {
        return regex.matcher(id).matches();
    }

    /** Whether the pattern has a wildcard. */
    public boolean isGlob() {
        return glob.indexOf('*') >= 0 || glob.indexOf('?') >= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleIdPattern && ((RuleIdPattern) o).glob.equals(glob);
    }

    @Override
    public int hashCode() {
        return glob.hashCode();
    }

    /** The glob as written. */
    @Override
    public String toString() {
        return glob;
    }
}
