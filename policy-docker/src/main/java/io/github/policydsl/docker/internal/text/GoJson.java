package io.github.policydsl.docker.internal.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the JSON (exec) form of an instruction with the rules of Go's {@code encoding/json}
 * unmarshalling into {@code []any}: strict syntax, whole input consumed, invalid UTF-8 and unpaired
 * surrogates replaced by U+FFFD. Iterative where nesting could be deep (explicit depth limit).
 */
public final class GoJson {

    /** Outcome of decoding. */
    public enum Status {
        /** Not valid JSON (or not decodable): the caller falls back to shell form. */
        INVALID,
        /** Valid JSON array, but an element is not a string: a hard error. */
        NON_STRING,
        /** Valid array of strings. */
        STRINGS
    }

    /**
     * Result of decoding.
     *
     * @param status outcome
     * @param values decoded strings (for {@link Status#STRINGS})
     * @param starts start index of each element's token in the input
     * @param ends end index (exclusive) of each element's token
     */
    public record Result(Status status, List<String> values, int[] starts, int[] ends) {
    }

    private static final int MAX_DEPTH = 10_000;

    private final String s;
    private int pos;
    private boolean numberOutOfRange;

    private GoJson(String s) {
        this.s = s;
    }

    /** Decodes {@code text}, which must start with {@code [} (leading spaces already removed). */
    public static Result decodeArray(String text) {
        GoJson p = new GoJson(text);
        try {
            return p.run();
        } catch (Syntax e) {
            return new Result(Status.INVALID, List.of(), new int[0], new int[0]);
        }
    }

    private static final class Syntax extends Exception {
        private static final long serialVersionUID = 1L;

        Syntax() {
            super(null, null, false, false);
        }
    }

    private Result run() throws Syntax {
        skipWs();
        if (pos >= s.length() || s.charAt(pos) != '[') {
            throw new Syntax();
        }
        pos++;
        List<String> values = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        boolean allStrings = true;
        skipWs();
        if (peek() == ']') {
            pos++;
        } else {
            while (true) {
                skipWs();
                int start = pos;
                if (peek() == '"') {
                    values.add(string());
                } else {
                    value();
                    allStrings = false;
                    values.add(null);
                }
                spans.add(new int[] {start, pos});
                skipWs();
                char c = peek();
                if (c == ',') {
                    pos++;
                } else if (c == ']') {
                    pos++;
                    break;
                } else {
                    throw new Syntax();
                }
            }
        }
        skipWs();
        if (pos != s.length()) {
            throw new Syntax();
        }
        if (numberOutOfRange) {
            return new Result(Status.INVALID, List.of(), new int[0], new int[0]);
        }
        if (!allStrings) {
            return new Result(Status.NON_STRING, List.of(), new int[0], new int[0]);
        }
        int[] st = new int[spans.size()];
        int[] en = new int[spans.size()];
        for (int i = 0; i < st.length; i++) {
            st[i] = spans.get(i)[0];
            en[i] = spans.get(i)[1];
        }
        return new Result(Status.STRINGS, List.copyOf(values), st, en);
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private boolean atEnd() {
        return pos >= s.length();
    }

    private void skipWs() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                break;
            }
        }
    }

    /** Validates any JSON value without recursion (containers tracked on an explicit stack). */
    private void value() throws Syntax {
        StringBuilder stack = new StringBuilder();
        while (true) {
            skipWs();
            if (atEnd()) {
                throw new Syntax();
            }
            char c = s.charAt(pos);
            boolean opened = false;
            if (c == '[' || c == '{') {
                if (stack.length() >= MAX_DEPTH) {
                    throw new Syntax();
                }
                pos++;
                skipWs();
                if (c == '{') {
                    if (peek() == '}') {
                        pos++;
                    } else {
                        stack.append('{');
                        key();
                        opened = true;
                    }
                } else {
                    if (peek() == ']') {
                        pos++;
                    } else {
                        stack.append('[');
                        opened = true;
                    }
                }
                if (opened) {
                    continue;
                }
            } else if (c == '"') {
                string();
            } else if (c == 't') {
                literal("true");
            } else if (c == 'f') {
                literal("false");
            } else if (c == 'n') {
                literal("null");
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                number();
            } else {
                throw new Syntax();
            }
            // after a complete value: close containers or continue with the next element
            while (true) {
                if (stack.length() == 0) {
                    return;
                }
                skipWs();
                char top = stack.charAt(stack.length() - 1);
                char d = peek();
                if (d == ',') {
                    pos++;
                    if (top == '{') {
                        skipWs();
                        key();
                    }
                    break;
                }
                if ((top == '[' && d == ']') || (top == '{' && d == '}')) {
                    pos++;
                    stack.setLength(stack.length() - 1);
                    continue;
                }
                throw new Syntax();
            }
        }
    }

    private void key() throws Syntax {
        if (peek() != '"') {
            throw new Syntax();
        }
        string();
        skipWs();
        if (peek() != ':') {
            throw new Syntax();
        }
        pos++;
    }

    private void literal(String lit) throws Syntax {
        if (!s.startsWith(lit, pos)) {
            throw new Syntax();
        }
        pos += lit.length();
    }

    private void number() throws Syntax {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (peek() >= '1' && peek() <= '9') {
            while (peek() >= '0' && peek() <= '9') {
                pos++;
            }
        } else {
            throw new Syntax();
        }
        if (peek() == '.') {
            pos++;
            if (!(peek() >= '0' && peek() <= '9')) {
                throw new Syntax();
            }
            while (peek() >= '0' && peek() <= '9') {
                pos++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!(peek() >= '0' && peek() <= '9')) {
                throw new Syntax();
            }
            while (peek() >= '0' && peek() <= '9') {
                pos++;
            }
        }
        String num = s.substring(start, pos);
        if (Double.isInfinite(Double.parseDouble(num))) {
            // Go's strconv.ParseFloat reports a range error; Unmarshal then fails as a whole
            numberOutOfRange = true;
        }
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private int u4(int at) {
        if (at + 6 > s.length() || s.charAt(at) != '\\' || s.charAt(at + 1) != 'u') {
            return -1;
        }
        int v = 0;
        for (int k = at + 2; k < at + 6; k++) {
            int h = hex(s.charAt(k));
            if (h < 0) {
                return -1;
            }
            v = (v << 4) | h;
        }
        return v;
    }

    private String string() throws Syntax {
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw new Syntax();
            }
            char c = s.charAt(pos);
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c < 0x20) {
                throw new Syntax();
            }
            if (c == '\\') {
                if (pos + 1 >= s.length()) {
                    throw new Syntax();
                }
                char e = s.charAt(pos + 1);
                switch (e) {
                    case '"': sb.append('"'); pos += 2; break;
                    case '\\': sb.append('\\'); pos += 2; break;
                    case '/': sb.append('/'); pos += 2; break;
                    case 'b': sb.append('\b'); pos += 2; break;
                    case 'f': sb.append('\f'); pos += 2; break;
                    case 'n': sb.append('\n'); pos += 2; break;
                    case 'r': sb.append('\r'); pos += 2; break;
                    case 't': sb.append('\t'); pos += 2; break;
                    case 'u': {
                        int r = u4(pos);
                        if (r < 0) {
                            throw new Syntax();
                        }
                        pos += 6;
                        if (Character.isSurrogate((char) r)) {
                            int r2 = u4(pos);
                            if (Character.isHighSurrogate((char) r) && r2 >= 0 && Character.isLowSurrogate((char) r2)) {
                                sb.append((char) r).append((char) r2);
                                pos += 6;
                            } else {
                                sb.append('\uFFFD');
                            }
                        } else {
                            sb.append((char) r);
                        }
                        break;
                    }
                    default:
                        throw new Syntax();
                }
                continue;
            }
            if (GoText.isEscapedByte(c)) {
                sb.append('\uFFFD');
            } else {
                sb.append(c);
            }
            pos++;
        }
    }
}
