package io.github.policydsl.docker.internal.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Shell-style patterns with {@code *} and {@code ?} (no bracket expressions), matched by a
 * linear-time state-set simulation: no backtracking, so no pathological inputs.
 */
final class Glob {
    private static final int STAR = -1;
    private static final int ANY = -2;

    private final int[] tokens;

    private Glob(int[] tokens) {
        this.tokens = tokens;
    }

    /** Compiles a pattern; {@code \*}, {@code \?}, {@code \\} are literals, {@code \}} and {@code \/} drop the backslash. */
    static Glob compile(String pattern) throws ShellLexException {
        List<Integer> out = new ArrayList<>();
        int[] cps = pattern.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (c == '*') {
                out.add(STAR);
            } else if (c == '?') {
                out.add(ANY);
            } else if (c == '\\') {
                int n = i + 1 < cps.length ? cps[i + 1] : -1;
                if (n == '}' || n == '/') {
                    continue;
                }
                if (n != '*' && n != '?' && n != '\\') {
                    throw new ShellLexException("invalid escape '\\" + (n < 0 ? "" : new String(Character.toChars(n))) + "'");
                }
                out.add(n);
                i++;
            } else {
                out.add(c);
            }
        }
        int[] t = new int[out.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = out.get(i);
        }
        return new Glob(t);
    }

    Glob reversed() {
        int[] r = new int[tokens.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = tokens[tokens.length - 1 - i];
        }
        return new Glob(r);
    }

    /**
     * Finds a match in {@code cps} at or after {@code from}: leftmost start, then longest (or
     * shortest) end. Returns {start, end} or null.
     */
    int[] find(int[] cps, int from, boolean anchored, boolean longest) {
        int m = tokens.length;
        int[] cur = new int[m + 1];
        int[] next = new int[m + 1];
        java.util.Arrays.fill(cur, -1);
        int bestStart = -1;
        int bestEnd = -1;
        for (int i = from; ; i++) {
            if (bestStart < 0 && (!anchored || i == from)) {
                add(cur, 0, i);
            }
            if (cur[m] >= 0) {
                int s = cur[m];
                if (bestStart < 0 || s < bestStart || (s == bestStart && longest && i > bestEnd)) {
                    bestStart = s;
                    bestEnd = i;
                }
                if (!longest) {
                    return new int[] {bestStart, bestEnd};
                }
            }
            if (i >= cps.length) {
                break;
            }
            int c = cps[i];
            java.util.Arrays.fill(next, -1);
            boolean alive = false;
            for (int k = 0; k < m; k++) {
                int s = cur[k];
                if (s < 0 || (bestStart >= 0 && s > bestStart)) {
                    continue;
                }
                int t = tokens[k];
                if (t == STAR) {
                    if (c != '\n') {
                        add(next, k, s);
                        alive = true;
                    }
                } else if (t == ANY ? c != '\n' : t == c) {
                    add(next, k + 1, s);
                    alive = true;
                }
            }
            int[] tmp = cur;
            cur = next;
            next = tmp;
            if (!alive && (bestStart >= 0 || anchored)) {
                // nothing can extend; for unanchored search we still seed new starts unless a match exists
                if (cur[m] >= 0) {
                    continue;
                }
                break;
            }
        }
        return bestStart < 0 ? null : new int[] {bestStart, bestEnd};
    }

    private void add(int[] set, int k, int start) {
        while (true) {
            if (set[k] >= 0 && set[k] <= start) {
                return;
            }
            set[k] = start;
            if (k < tokens.length && tokens[k] == STAR) {
                k++;
                continue;
            }
            return;
        }
    }
}
