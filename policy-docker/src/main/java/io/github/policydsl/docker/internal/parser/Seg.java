package io.github.policydsl.docker.internal.parser;

import io.github.policydsl.docker.internal.text.GoText;

/** A piece of text plus, for each char, its index in the logical line ({@code idx.length == s.length() + 1}). */
final class Seg {
    final String s;
    final int[] idx;

    private Seg(String s, int[] idx) {
        this.s = s;
        this.idx = idx;
    }

    static Seg of(String text, int from, int to) {
        int[] idx = new int[to - from + 1];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = from + i;
        }
        return new Seg(text.substring(from, to), idx);
    }

    Seg sub(int a, int b) {
        int[] n = new int[b - a + 1];
        System.arraycopy(idx, a, n, 0, n.length);
        return new Seg(s.substring(a, b), n);
    }

    Seg trimmed() {
        int a = GoText.skipSpace(s, 0, s.length());
        int b = GoText.trimEnd(s, a, s.length());
        return sub(a, b);
    }

    int at(int i) {
        return idx[Math.max(0, Math.min(i, idx.length - 1))];
    }

    /**
     * The text starting at byte offset {@code b} of this segment's UTF-8 form. When {@code b} falls
     * inside a character (possible in the reference parser's byte-wise scanners) the remaining bytes
     * are decoded again and mapped to the character that contained them.
     */
    Seg fromByte(byte[] bytes, int b) {
        int acc = 0;
        int i = 0;
        while (i < s.length() && acc < b) {
            int len = GoText.byteLength(s, i);
            acc += len;
            i += Character.isHighSurrogate(s.charAt(i)) && len == 4 ? 2 : 1;
        }
        if (acc == b) {
            return sub(i, s.length());
        }
        String rest = GoText.decode(bytes, b, bytes.length - b);
        int[] n = new int[rest.length() + 1];
        int base = idx[Math.max(0, i - 1)];
        for (int k = 0; k < n.length - 1; k++) {
            n[k] = base;
        }
        n[n.length - 1] = idx[idx.length - 1];
        return new Seg(rest, n);
    }

    /** Char index for a byte offset (rounded down to the containing char). */
    int charIndexOfByte(int b) {
        int acc = 0;
        int i = 0;
        while (i < s.length()) {
            int len = GoText.byteLength(s, i);
            if (acc + len > b) {
                return i;
            }
            acc += len;
            i += Character.isHighSurrogate(s.charAt(i)) && len == 4 ? 2 : 1;
        }
        return s.length();
    }
}
