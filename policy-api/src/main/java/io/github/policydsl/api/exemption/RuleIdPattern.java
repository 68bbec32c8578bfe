package io.github.policydsl.api.exemption;

import java.util.Objects;

/**
 * A rule id or a glob over rule ids: {@code *} matches any run of characters (dots included),
 * {@code ?} one character; everything else matches itself. {@code k8s.image-*} matches
 * {@code k8s.image-digest} and {@code k8s.image-no-latest}. Immutable.
 */
public final class RuleIdPattern {

    private final String glob;
    private final int[] pattern;

    private RuleIdPattern(String glob) {
        this.glob = glob;
        this.pattern = glob.codePoints().toArray();
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
        return matches(pattern, id.codePoints().toArray());
    }

    /**
     * Glob matching without backtracking blow-up: on a mismatch only the most recent {@code *} is
     * retried one character further, so the work is at most pattern length times text length
     * (a regex translation, {@code .*a.*a.*b}, backtracks polynomially in the number of stars on
     * texts such as {@code aaaa...}). Patterns come from users (command line, exemption files).
     */
    private static boolean matches(int[] p, int[] t) {
        int pi = 0;
        int ti = 0;
        int starP = -1;
        int starT = 0;
        while (ti < t.length) {
            if (pi < p.length && p[pi] == '*') {
                starP = pi++;
                starT = ti;
            } else if (pi < p.length && (p[pi] == '?' || p[pi] == t[ti])) {
                pi++;
                ti++;
            } else if (starP >= 0) {
                pi = starP + 1;
                ti = ++starT;
            } else {
                return false;
            }
        }
        while (pi < p.length && p[pi] == '*') {
            pi++;
        }
        return pi == p.length;
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
