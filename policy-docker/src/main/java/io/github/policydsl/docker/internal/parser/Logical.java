package io.github.policydsl.docker.internal.parser;

import io.github.policydsl.docker.ast.SourceRange;

import java.util.Arrays;

/** A logical line joined from physical lines, remembering where each char came from. */
final class Logical {
    private final StringBuilder sb = new StringBuilder();
    private int[] lines = new int[64];
    private int[] cols = new int[64];
    private int lastLine;
    private int lastCol;

    Logical(int firstLine, int firstCol) {
        this.lastLine = firstLine;
        this.lastCol = firstCol;
    }

    void append(String text, int from, int to, int lineNo) {
        int need = sb.length() + (to - from);
        if (need > lines.length) {
            int cap = Math.max(need, lines.length * 2);
            lines = Arrays.copyOf(lines, cap);
            cols = Arrays.copyOf(cols, cap);
        }
        for (int i = from; i < to; i++) {
            lines[sb.length()] = lineNo;
            cols[sb.length()] = i;
            sb.append(text.charAt(i));
        }
    }

    String text() {
        return sb.toString();
    }

    int length() {
        return sb.length();
    }

    /** Range of logical chars {@code [a, b)}; empty ranges sit at {@code a}. */
    SourceRange range(int a, int b) {
        int n = sb.length();
        if (n == 0) {
            return new SourceRange(lastLine, lastCol + 1, lastLine, lastCol + 1);
        }
        int sl;
        int sc;
        if (a < n) {
            sl = lines[Math.max(a, 0)];
            sc = cols[Math.max(a, 0)] + 1;
        } else {
            sl = lines[n - 1];
            sc = cols[n - 1] + 2;
        }
        if (b <= a) {
            return new SourceRange(sl, sc, sl, sc);
        }
        int e = Math.min(b, n) - 1;
        int el = lines[e];
        int ec = cols[e] + 2;
        if (el < sl || (el == sl && ec < sc)) {
            return new SourceRange(sl, sc, sl, sc);
        }
        return new SourceRange(sl, sc, el, ec);
    }
}
