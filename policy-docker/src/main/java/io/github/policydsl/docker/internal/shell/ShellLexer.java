package io.github.policydsl.docker.internal.shell;

import io.github.policydsl.docker.internal.text.GoText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shell-like word processing as the Dockerfile frontend does it: quote removal, escapes,
 * {@code $VAR}/{@code ${VAR...}} substitution and word splitting. Instances are immutable; each call
 * uses its own cursor, so a lexer can be shared between threads.
 */
public final class ShellLexer {

    /** Variable lookup. */
    @FunctionalInterface
    public interface Env {
        /**
         * Returns the value of a variable, or null when it is unset.
         *
         * @param name variable name
         * @return value or null
         */
        String get(String name);

        /**
         * Wraps a map.
         *
         * @param map variables
         * @param caseInsensitive match names ignoring case (Windows)
         * @return the lookup
         */
        static Env of(Map<String, String> map, boolean caseInsensitive) {
            if (!caseInsensitive) {
                return map::get;
            }
            return name -> {
                String v = map.get(name);
                if (v != null) {
                    return v;
                }
                for (Map.Entry<String, String> e : map.entrySet()) {
                    if (e.getKey().toUpperCase(Locale.ROOT).equals(name.toUpperCase(Locale.ROOT))) {
                        return e.getValue();
                    }
                }
                return null;
            };
        }
    }

    /**
     * Result of processing.
     *
     * @param word the processed text as one string
     * @param words the processed text split into words
     */
    public record Result(String word, List<String> words) {
    }

    private static final int EOF = -1;

    private final int escapeToken;
    private final boolean rawQuotes;
    private final boolean rawEscapes;
    private final boolean skipUnsetEnv;
    private final boolean skipProcessQuotes;
    private final boolean joinHeredocOperator;

    private ShellLexer(int escapeToken, boolean rawQuotes, boolean rawEscapes, boolean skipUnsetEnv,
            boolean skipProcessQuotes, boolean joinHeredocOperator) {
        this.escapeToken = escapeToken;
        this.rawQuotes = rawQuotes;
        this.rawEscapes = rawEscapes;
        this.skipUnsetEnv = skipUnsetEnv;
        this.skipProcessQuotes = skipProcessQuotes;
        this.joinHeredocOperator = joinHeredocOperator;
    }

    /**
     * A lexer with default options.
     *
     * @param escapeToken backslash or backtick
     * @return the lexer
     */
    public static ShellLexer of(int escapeToken) {
        return new ShellLexer(escapeToken, false, false, false, false, false);
    }

    /**
     * The lexer used to find heredoc words in an instruction line: backslash escapes, quotes and
     * escapes kept, unset variables left as written, {@code <<} joined with the following word.
     *
     * @return the lexer
     */
    public static ShellLexer forHeredocLine() {
        return new ShellLexer('\\', true, true, true, false, true);
    }

    /**
     * The lexer used for a heredoc delimiter tail.
     *
     * @param rawQuotes keep quotes
     * @return the lexer
     */
    public static ShellLexer forHeredocName(boolean rawQuotes) {
        return new ShellLexer('\\', rawQuotes, false, true, false, false);
    }

    /**
     * A copy that does not treat quotes specially (used for heredoc bodies).
     *
     * @return the lexer
     */
    public ShellLexer withoutQuoteProcessing() {
        return new ShellLexer(escapeToken, rawQuotes, rawEscapes, skipUnsetEnv, true, joinHeredocOperator);
    }

    /**
     * Processes {@code input}.
     *
     * @param input text to process
     * @param env variables
     * @return the processed word and words
     * @throws ShellLexException on a syntax error or a {@code ${V?msg}} failure
     */
    public Result process(String input, Env env) throws ShellLexException {
        Run r = new Run(GoText.replaceInvalid(input), env);
        try {
            return r.processStopOn(EOF, rawEscapes);
        } catch (ShellLexException e) {
            throw new ShellLexException("failed to process \"" + input + "\": " + e.getMessage());
        }
    }

    private static final class Words {
        private final List<String> words = new ArrayList<>();
        private final StringBuilder word = new StringBuilder();
        private boolean inWord;
        private boolean joining;
        private final boolean joinHeredoc;

        Words(boolean joinHeredoc) {
            this.joinHeredoc = joinHeredoc;
        }

        void addChar(int ch) {
            if (GoText.isSpace(ch) && inWord) {
                if (joinHeredoc && (ch == ' ' || ch == '\t') && (joining || isHeredocOperator())) {
                    word.appendCodePoint(ch);
                    joining = true;
                    return;
                }
                joining = false;
                if (word.length() != 0) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (!GoText.isSpace(ch)) {
                addRawChar(ch);
            }
        }

        private boolean isHeredocOperator() {
            int i = 0;
            int n = word.length();
            while (i < n && word.charAt(i) >= '0' && word.charAt(i) <= '9') {
                i++;
            }
            if (i + 1 >= n || word.charAt(i) != '<' || word.charAt(i + 1) != '<') {
                return false;
            }
            i += 2;
            if (i < n && word.charAt(i) == '-') {
                i++;
            }
            while (i < n && (word.charAt(i) == ' ' || word.charAt(i) == '\t')) {
                i++;
            }
            return i == n;
        }

        void addRawChar(int ch) {
            word.appendCodePoint(ch);
            inWord = true;
            joining = false;
        }

        void addString(String s) {
            s.codePoints().forEach(this::addChar);
        }

        void addRawString(String s) {
            word.append(s);
            inWord = true;
            joining = false;
        }

        List<String> get() {
            joining = false;
            if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
                inWord = false;
            }
            return words;
        }
    }

    private final class Run {
        private final int[] cps;
        private int pos;
        private final Env env;
        private boolean raw;

        Run(String input, Env env) {
            this.cps = input.codePoints().toArray();
            this.env = env;
            this.raw = rawEscapes;
        }

        int peek() {
            return pos < cps.length ? cps[pos] : EOF;
        }

        int next() {
            return pos < cps.length ? cps[pos++] : EOF;
        }

        Result processStopOn(int stopChar, boolean rawEsc) throws ShellLexException {
            boolean saved = raw;
            raw = rawEsc;
            try {
                StringBuilder result = new StringBuilder();
                Words words = new Words(joinHeredocOperator);
                while (peek() != EOF) {
                    int ch = peek();
                    if (stopChar != EOF && ch == stopChar) {
                        next();
                        return new Result(result.toString(), words.get());
                    }
                    if (ch == '$') {
                        String tmp = processDollar();
                        result.append(tmp);
                        words.addString(tmp);
                    } else if (!skipProcessQuotes && ch == '\'') {
                        String tmp = singleQuote();
                        result.append(tmp);
                        words.addRawString(tmp);
                    } else if (!skipProcessQuotes && ch == '"') {
                        String tmp = doubleQuote();
                        result.append(tmp);
                        words.addRawString(tmp);
                    } else {
                        ch = next();
                        if (ch == escapeToken) {
                            if (raw) {
                                words.addRawChar(ch);
                                result.appendCodePoint(ch);
                            }
                            ch = next();
                            if (ch == EOF) {
                                break;
                            }
                            words.addRawChar(ch);
                        } else {
                            words.addChar(ch);
                        }
                        result.appendCodePoint(ch);
                    }
                }
                if (stopChar != EOF) {
                    throw new ShellLexException("unexpected end of statement while looking for matching "
                            + new String(Character.toChars(stopChar)));
                }
                return new Result(result.toString(), words.get());
            } finally {
                raw = saved;
            }
        }

        String singleQuote() throws ShellLexException {
            StringBuilder sb = new StringBuilder();
            int ch = next();
            if (rawQuotes) {
                sb.appendCodePoint(ch);
            }
            while (true) {
                ch = next();
                if (ch == EOF) {
                    throw new ShellLexException("unexpected end of statement while looking for matching single-quote");
                }
                if (ch == '\'') {
                    if (rawQuotes) {
                        sb.appendCodePoint(ch);
                    }
                    return sb.toString();
                }
                sb.appendCodePoint(ch);
            }
        }

        String doubleQuote() throws ShellLexException {
            StringBuilder sb = new StringBuilder();
            int ch = next();
            if (rawQuotes) {
                sb.appendCodePoint(ch);
            }
            while (true) {
                int p = peek();
                if (p == EOF) {
                    throw new ShellLexException("unexpected end of statement while looking for matching double-quote");
                }
                if (p == '"') {
                    ch = next();
                    if (rawQuotes) {
                        sb.appendCodePoint(ch);
                    }
                    return sb.toString();
                }
                if (p == '$') {
                    sb.append(processDollar());
                    continue;
                }
                ch = next();
                if (ch == escapeToken) {
                    if (raw) {
                        sb.appendCodePoint(ch);
                    }
                    int q = peek();
                    if (q == EOF) {
                        continue;
                    }
                    if (q == '"' || q == '$' || q == escapeToken) {
                        ch = next();
                    }
                }
                sb.appendCodePoint(ch);
            }
        }

        String processDollar() throws ShellLexException {
            next();
            if (peek() != '{') {
                String name = processName();
                if (name.isEmpty()) {
                    return "$";
                }
                String value = env.get(name);
                if (value == null) {
                    return skipUnsetEnv ? "$" + name : "";
                }
                return value;
            }
            next();
            int p = peek();
            if (p == EOF) {
                throw new ShellLexException("syntax error: missing '}'");
            }
            if (p == '{' || p == '}' || p == ':') {
                throw new ShellLexException("syntax error: bad substitution");
            }
            String name = processName();
            int ch = next();
            StringBuilder chs = new StringBuilder();
            if (ch != EOF) {
                chs.appendCodePoint(ch);
            }
            boolean nullIsUnset = false;
            switch (ch) {
                case '}': {
                    String value = env.get(name);
                    if (value == null) {
                        return skipUnsetEnv ? "${" + name + "}" : "";
                    }
                    return value;
                }
                case ':':
                    nullIsUnset = true;
                    ch = next();
                    if (ch != EOF) {
                        chs.appendCodePoint(ch);
                    }
                    if (ch == '#' || ch == '%') {
                        throw new ShellLexException("unsupported modifier (" + chs + ") in substitution");
                    }
                    return modifier(name, ch, chs.toString(), nullIsUnset);
                case '+':
                case '-':
                case '?':
                case '#':
                case '%':
                    return modifier(name, ch, chs.toString(), false);
                case '/':
                    return replace(name);
                default:
                    throw new ShellLexException("unsupported modifier (" + chs + ") in substitution");
            }
        }

        private String modifier(String name, int ch, String chs, boolean nullIsUnset) throws ShellLexException {
            boolean rawEsc = ch == '#' || ch == '%';
            String word;
            try {
                word = processStopOn('}', rawEsc).word();
            } catch (ShellLexException e) {
                if (peek() == EOF) {
                    throw new ShellLexException("syntax error: missing '}'");
                }
                throw e;
            }
            String value = env.get(name);
            boolean set = value != null;
            if (value == null) {
                value = "";
            }
            if (skipUnsetEnv && !set) {
                return "${" + name + chs + word + "}";
            }
            switch (ch) {
                case '-':
                    return !set || (nullIsUnset && value.isEmpty()) ? word : value;
                case '+':
                    return !set || (nullIsUnset && value.isEmpty()) ? "" : word;
                case '?':
                    if (!set) {
                        throw new ShellLexException(name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word));
                    }
                    if (nullIsUnset && value.isEmpty()) {
                        throw new ShellLexException(name + ": " + (word.isEmpty() ? "is not allowed to be empty" : word));
                    }
                    return value;
                case '%':
                case '#': {
                    boolean greedy = false;
                    if (!word.isEmpty() && word.charAt(0) == ch) {
                        greedy = true;
                        word = word.substring(1);
                    }
                    Glob g = compileChecked(word);
                    int[] v = value.codePoints().toArray();
                    if (ch == '#') {
                        int[] m = g.find(v, 0, true, greedy);
                        return m == null ? value : new String(v, m[1], v.length - m[1]);
                    }
                    int[] rv = reverse(v);
                    int[] m = g.reversed().find(rv, 0, true, greedy);
                    if (m == null) {
                        return value;
                    }
                    return new String(v, 0, v.length - m[1]);
                }
                default:
                    throw new ShellLexException("unsupported modifier (" + chs + ") in substitution");
            }
        }

        private Glob compileChecked(String pattern) throws ShellLexException {
            try {
                return Glob.compile(pattern);
            } catch (ShellLexException e) {
                throw new ShellLexException("invalid pattern (" + pattern + ") in substitution: " + e.getMessage());
            }
        }

        private String replace(String name) throws ShellLexException {
            boolean all = peek() == '/';
            if (all) {
                next();
            }
            String pattern;
            try {
                pattern = processStopOn('/', true).word();
            } catch (ShellLexException e) {
                if (peek() == EOF) {
                    throw new ShellLexException("syntax error: missing '/' in ${}");
                }
                throw e;
            }
            String replacement;
            try {
                replacement = processStopOn('}', true).word();
            } catch (ShellLexException e) {
                if (peek() == EOF) {
                    throw new ShellLexException("syntax error: missing '}'");
                }
                throw e;
            }
            String value = env.get(name);
            if (value == null) {
                if (skipUnsetEnv) {
                    return "${" + name + "/" + pattern + "/" + replacement + "}";
                }
                value = "";
            }
            Glob g = compileChecked(pattern);
            int[] v = value.codePoints().toArray();
            if (!all) {
                int[] m = g.find(v, 0, false, true);
                if (m == null) {
                    return value;
                }
                return new String(v, 0, m[0]) + replacement + new String(v, m[1], v.length - m[1]);
            }
            StringBuilder out = new StringBuilder();
            int search = 0;
            int lastEnd = 0;
            while (search <= v.length) {
                int[] m = g.find(v, search, false, true);
                if (m == null) {
                    break;
                }
                out.append(new String(v, lastEnd, Math.max(0, m[0] - lastEnd)));
                if (m[1] > lastEnd || m[0] == 0) {
                    out.append(replacement);
                }
                lastEnd = m[1];
                if (search + 1 > m[1]) {
                    search++;
                } else {
                    search = m[1];
                }
            }
            if (lastEnd < v.length) {
                out.append(new String(v, lastEnd, v.length - lastEnd));
            }
            return out.toString();
        }

        String processName() {
            StringBuilder name = new StringBuilder();
            while (peek() != EOF) {
                int ch = peek();
                if (name.length() == 0 && Character.isDigit(ch)) {
                    while (peek() != EOF && Character.isDigit(peek())) {
                        name.appendCodePoint(next());
                    }
                    return name.toString();
                }
                if (name.length() == 0 && isSpecialParam(ch)) {
                    return new String(Character.toChars(next()));
                }
                if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
                    break;
                }
                name.appendCodePoint(next());
            }
            return name.toString();
        }
    }

    private static boolean isSpecialParam(int ch) {
        return ch == '@' || ch == '*' || ch == '#' || ch == '?' || ch == '-' || ch == '$' || ch == '!' || ch == '0';
    }

    private static int[] reverse(int[] a) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }
}
