package io.github.policydsl.docker.internal.parser;

import io.github.policydsl.docker.ast.SourceRange;
import io.github.policydsl.docker.internal.parser.RawNode.RawHeredoc;
import io.github.policydsl.docker.internal.parser.RawNode.RawText;
import io.github.policydsl.docker.internal.shell.ShellLexException;
import io.github.policydsl.docker.internal.shell.ShellLexer;
import io.github.policydsl.docker.internal.text.GoJson;
import io.github.policydsl.docker.internal.text.GoText;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The line-level Dockerfile parser: directives, comments, continuations, keyword and flag
 * splitting, per-keyword argument parsing and heredocs, following the reference parser's rules.
 * One instance parses one input; it is not shared between threads.
 */
public final class RawParser {

    private static final String NOT_STRING_ARRAY =
            "when using JSON array syntax, arrays must be comprised of strings only";

    private final Limits limits;
    private final List<String> lines = new ArrayList<>();
    private int cursor;
    private char escape = '\\';
    private boolean directivesDone;
    private final Map<String, String> directives = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private Logical logical;

    private RawParser(Limits limits) {
        this.limits = limits;
    }

    /**
     * Parses a Dockerfile.
     *
     * @param input the raw bytes
     * @param limits resource limits
     * @return the nodes
     * @throws RawParseError when the input is rejected
     */
    public static RawResult parse(byte[] input, Limits limits) throws RawParseError {
        return new RawParser(limits).run(input);
    }

    private void split(byte[] in) throws RawParseError {
        if (in.length > limits.maxInputBytes()) {
            throw new RawParseError(1, 1, "input is " + in.length + " bytes, more than the limit of "
                    + limits.maxInputBytes());
        }
        int start = 0;
        int lineNo = 0;
        while (start < in.length) {
            int nl = start;
            while (nl < in.length && in[nl] != '\n') {
                nl++;
            }
            int end = nl < in.length ? nl + 1 : nl;
            lineNo++;
            if (lineNo > limits.maxLines()) {
                throw new RawParseError(lineNo, 1, "more than " + limits.maxLines() + " lines");
            }
            int contentLen = nl - start;
            if (contentLen > limits.maxLineBytes()) {
                throw new RawParseError(lineNo, 1, "dockerfile line greater than max allowed size of "
                        + limits.maxLineBytes());
            }
            int from = start;
            if (lineNo == 1 && end - start >= 3 && (in[0] & 0xFF) == 0xEF && (in[1] & 0xFF) == 0xBB
                    && (in[2] & 0xFF) == 0xBF) {
                from = 3;
            }
            lines.add(GoText.decode(in, from, end - from));
            start = end;
        }
    }

    private static int contentEnd(String line) {
        int e = line.length();
        while (e > 0 && (line.charAt(e - 1) == '\n' || line.charAt(e - 1) == '\r')) {
            e--;
        }
        return e;
    }

    private static boolean isCommentLine(String line) {
        int e = contentEnd(line);
        int s = GoText.skipSpace(line, 0, e);
        return s < e && line.charAt(s) == '#';
    }

    private RawResult run(byte[] input) throws RawParseError {
        split(input);
        List<RawNode> nodes = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        while (cursor < lines.size()) {
            int lineNo = cursor + 1;
            String raw = lines.get(cursor++);
            int ce = contentEnd(raw);
            int ls = GoText.skipSpace(raw, 0, ce);
            boolean directive = checkDirective(raw.substring(ls, ce), lineNo);
            if (directive) {
                continue;
            }
            if (ls < ce && raw.charAt(ls) == '#') {
                String c = GoText.trimSpace(raw.substring(ls + 1, ce));
                if (c.isEmpty()) {
                    comments.clear();
                } else {
                    comments.add(c);
                }
                continue;
            }
            int[] cont = trimContinuation(raw, ls, ce);
            int textEnd = cont[0];
            boolean eol = cont[1] == 1;
            if (eol && textEnd == ls) {
                continue;
            }
            int startLine = lineNo;
            logical = new Logical(lineNo, ls);
            logical.append(raw, ls, textEnd, lineNo);
            boolean emptyContinuation = false;
            int lastLine = lineNo;
            int lastLineEnd = ce;
            while (!eol && cursor < lines.size()) {
                String next = lines.get(cursor++);
                lastLine = cursor;
                int ne = contentEnd(next);
                lastLineEnd = ne;
                if (isCommentLine(next)) {
                    continue;
                }
                if (GoText.skipSpace(next, 0, ne) == ne) {
                    emptyContinuation = true;
                    continue;
                }
                int[] c2 = trimContinuation(next, 0, ne);
                eol = c2[1] == 1;
                logical.append(next, 0, c2[0], cursor);
            }
            String line = logical.text();
            if (emptyContinuation) {
                warnings.add("Empty continuation line found in: " + line);
            }
            if (nodes.size() >= limits.maxInstructions()) {
                throw new RawParseError(startLine, 1, "more than " + limits.maxInstructions() + " instructions");
            }
            RawNode node = newNode(Seg.of(line, 0, line.length()), List.copyOf(comments), 0);
            List<RawHeredoc> docs = List.of();
            if (canContainHeredoc(node)) {
                List<RawHeredoc> found = heredocsFromLine(line, startLine);
                if (!found.isEmpty()) {
                    List<RawHeredoc> read = new ArrayList<>();
                    for (RawHeredoc h : found) {
                        StringBuilder content = new StringBuilder();
                        boolean terminated = false;
                        int bodyStart = cursor + 1;
                        while (cursor < lines.size()) {
                            String b = lines.get(cursor++);
                            lastLine = cursor;
                            int be = contentEnd(b);
                            lastLineEnd = be;
                            String candidate = b.substring(0, be);
                            if (h.chomp()) {
                                int t = 0;
                                while (t < candidate.length() && candidate.charAt(t) == '\t') {
                                    t++;
                                }
                                candidate = candidate.substring(t);
                            }
                            if (candidate.equals(h.name())) {
                                terminated = true;
                                break;
                            }
                            content.append(b);
                        }
                        if (!terminated) {
                            throw new RawParseError(startLine, 1, "unterminated heredoc");
                        }
                        SourceRange r = new SourceRange(Math.min(bodyStart, lastLine), 1, lastLine, lastLineEnd + 1);
                        read.add(new RawHeredoc(h.name(), h.fd(), h.expand(), h.chomp(), content.toString(), r));
                    }
                    docs = List.copyOf(read);
                }
            }
            SourceRange start = node.range();
            SourceRange whole = new SourceRange(start.startLine(), start.startColumn(), lastLine,
                    lastLine == start.startLine() ? Math.max(lastLineEnd + 1, start.startColumn()) : lastLineEnd + 1);
            nodes.add(node.withHeredocsAndRange(docs, whole));
            comments.clear();
        }
        if (nodes.isEmpty()) {
            throw new RawParseError(Math.max(1, lines.size()), 1, "file with no instructions");
        }
        return new RawResult(List.copyOf(nodes), escape, List.copyOf(warnings),
                Collections.unmodifiableMap(new LinkedHashMap<>(directives)));
    }

    // ---- directives -------------------------------------------------------------------------

    private static boolean isReSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Returns true when the line was consumed as a recognised directive. */
    private boolean checkDirective(String line, int lineNo) throws RawParseError {
        if (directivesDone) {
            return false;
        }
        String[] m = matchDirective(line);
        if (m == null) {
            directivesDone = true;
            return false;
        }
        String name = m[0].toLowerCase(Locale.ROOT);
        if (!name.equals("escape") && !name.equals("syntax") && !name.equals("check")) {
            directivesDone = true;
            return false;
        }
        if (directives.containsKey(name)) {
            throw new RawParseError(lineNo, 1, "only one " + name + " parser directive can be used");
        }
        directives.put(name, m[1]);
        if (name.equals("escape")) {
            if (!m[1].equals("`") && !m[1].equals("\\")) {
                throw new RawParseError(lineNo, 1, "invalid escape token '" + m[1] + "' does not match ` or \\");
            }
            escape = m[1].charAt(0);
        }
        return true;
    }

    /** {@code #\s*NAME\s*=\s*VALUE\s*} with RE2's {@code \s}; returns {name, value} or null. */
    static String[] matchDirective(String line) {
        int n = line.length();
        if (n == 0 || line.charAt(0) != '#') {
            return null;
        }
        int i = 1;
        while (i < n && isReSpace(line.charAt(i))) {
            i++;
        }
        int ns = i;
        if (i >= n || !isAsciiLetter(line.charAt(i))) {
            return null;
        }
        i++;
        while (i < n && (isAsciiLetter(line.charAt(i)) || (line.charAt(i) >= '0' && line.charAt(i) <= '9'))) {
            i++;
        }
        String name = line.substring(ns, i);
        while (i < n && isReSpace(line.charAt(i))) {
            i++;
        }
        if (i >= n || line.charAt(i) != '=') {
            return null;
        }
        i++;
        String rest = line.substring(i);
        if (rest.isEmpty() || rest.indexOf('\n') >= 0) {
            return null;
        }
        int e = rest.length();
        while (e > 0 && isReSpace(rest.charAt(e - 1))) {
            e--;
        }
        String value;
        if (e == 0) {
            value = rest.substring(rest.length() - 1);
        } else {
            int s = 0;
            while (s < e && isReSpace(rest.charAt(s))) {
                s++;
            }
            value = rest.substring(s, e);
        }
        return new String[] {name, value};
    }

    // ---- continuation -----------------------------------------------------------------------

    /** Returns {end, eol}: text end after removing a continuation escape, and 1 when the line ends the instruction. */
    private int[] trimContinuation(String s, int from, int to) {
        int j = to;
        while (j > from && (s.charAt(j - 1) == ' ' || s.charAt(j - 1) == '\t')) {
            j--;
        }
        if (j > from && s.charAt(j - 1) == escape) {
            int k = j - 1;
            if (k == from || s.charAt(k - 1) != escape) {
                return new int[] {k, 0};
            }
        }
        return new int[] {to, 1};
    }

    // ---- instructions -----------------------------------------------------------------------

    private SourceRange range(Seg seg, int a, int b) {
        return logical.range(seg.at(a), seg.at(b));
    }

    private RawNode newNode(Seg seg, List<String> comments, int depth) throws RawParseError {
        if (depth > limits.maxNestingDepth()) {
            SourceRange r = range(seg, 0, 0);
            throw new RawParseError(r.startLine(), r.startColumn(), "ONBUILD nested more than "
                    + limits.maxNestingDepth() + " levels deep");
        }
        Seg t = seg.trimmed();
        String text = t.s;
        int k = 0;
        while (k < text.length() && !GoText.isBlank(text.charAt(k))) {
            k++;
        }
        String cmd = text.substring(0, k);
        SourceRange cmdRange = range(t, 0, k);
        List<RawText> flags = List.of();
        Seg args;
        if (k < text.length()) {
            int j = k;
            while (j < text.length() && GoText.isBlank(text.charAt(j))) {
                j++;
            }
            Seg rest = t.sub(j, text.length());
            List<RawText> fl = new ArrayList<>();
            Seg remaining = extractFlags(rest, fl);
            flags = List.copyOf(fl);
            args = remaining.trimmed();
        } else {
            args = t.sub(text.length(), text.length());
        }
        String lower = GoText.toLower(cmd);
        List<RawText> out = new ArrayList<>();
        boolean json = false;
        RawNode child = null;
        switch (lower) {
            case "add":
            case "copy":
            case "volume":
                json = maybeJson(args, out, true);
                break;
            case "cmd":
            case "entrypoint":
            case "run":
            case "shell":
                json = maybeJson(args, out, false);
                break;
            case "arg":
                for (Word w : parseWords(args)) {
                    out.add(new RawText(w.text(), range(args, w.start(), w.end())));
                }
                break;
            case "env":
                nameVal(args, "ENV", out);
                break;
            case "label":
                nameVal(args, "LABEL", out);
                break;
            case "expose":
            case "from":
                whitespaceSplit(args, out);
                break;
            case "healthcheck":
                json = health(args, out);
                break;
            case "maintainer":
            case "stopsignal":
            case "user":
            case "workdir":
                if (!args.s.isEmpty()) {
                    out.add(new RawText(args.s, range(args, 0, args.s.length())));
                }
                break;
            case "onbuild":
                if (!args.s.isEmpty()) {
                    child = newNode(args, List.of(), depth + 1);
                }
                break;
            default:
                out.add(new RawText("", range(args, 0, 0)));
                break;
        }
        SourceRange whole = range(t, 0, text.length());
        return new RawNode(cmd, cmdRange, flags, List.copyOf(out), child, json, List.of(), seg.s, comments, whole,
                range(args, 0, args.s.length()));
    }

    /** Leading {@code --} words, with the reference parser's byte-wise scanning. */
    private Seg extractFlags(Seg seg, List<RawText> flags) {
        byte[] b = GoText.encode(seg.s);
        int[] charOf = byteToChar(seg.s, b.length);
        final int inSpaces = 0;
        final int inWord = 1;
        final int inQuote = 2;
        int phase = inSpaces;
        StringBuilder word = new StringBuilder();
        int quote = 0;
        boolean blankOK = false;
        int wordStart = 0;
        int ch = 0;
        int len = b.length;
        for (int pos = 0; pos <= len; pos++) {
            if (pos != len) {
                ch = b[pos] & 0xFF;
            }
            if (phase == inSpaces) {
                if (pos == len) {
                    break;
                }
                if (GoText.isSpaceByte(ch)) {
                    continue;
                }
                if (ch != '-' || pos + 1 == len || b[pos + 1] != '-') {
                    return seg.fromByte(b, pos);
                }
                phase = inWord;
                wordStart = pos;
            }
            if ((phase == inWord || phase == inQuote) && pos == len) {
                if (!word.toString().equals("--") && (blankOK || word.length() > 0)) {
                    flags.add(new RawText(word.toString(), range(seg, charOf[wordStart], charOf[len])));
                }
                break;
            }
            if (phase == inWord) {
                if (GoText.isSpaceByte(ch)) {
                    phase = inSpaces;
                    if (word.toString().equals("--")) {
                        return seg.fromByte(b, pos);
                    }
                    if (blankOK || word.length() > 0) {
                        flags.add(new RawText(word.toString(), range(seg, charOf[wordStart], charOf[pos])));
                    }
                    word.setLength(0);
                    blankOK = false;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    quote = ch;
                    blankOK = true;
                    phase = inQuote;
                    continue;
                }
                if (ch == escape) {
                    if (pos + 1 == len) {
                        continue;
                    }
                    pos++;
                    ch = b[pos] & 0xFF;
                }
                word.append((char) ch);
                continue;
            }
            if (ch == quote) {
                phase = inWord;
                continue;
            }
            if (ch == escape) {
                if (pos + 1 == len) {
                    phase = inWord;
                    continue;
                }
                pos++;
                ch = b[pos] & 0xFF;
            }
            word.append((char) ch);
        }
        return seg.sub(seg.s.length(), seg.s.length());
    }

    /** For each byte offset of the UTF-8 form (and the end), the index of the char containing it. */
    private static int[] byteToChar(String s, int byteLen) {
        int[] map = new int[byteLen + 1];
        int b = 0;
        int i = 0;
        while (i < s.length() && b < byteLen) {
            int len = GoText.byteLength(s, i);
            for (int k = 0; k < len && b + k < byteLen; k++) {
                map[b + k] = i;
            }
            b += len;
            i += len == 4 ? 2 : 1;
        }
        map[byteLen] = s.length();
        return map;
    }

    /** JSON form or fallback; returns true for JSON form. */
    private boolean maybeJson(Seg args, List<RawText> out, boolean toList) throws RawParseError {
        if (args.s.isEmpty()) {
            return false;
        }
        int ls = GoText.skipSpace(args.s, 0, args.s.length());
        if (ls < args.s.length() && args.s.charAt(ls) == '[') {
            GoJson.Result r = GoJson.decodeArray(args.s.substring(ls));
            if (r.status() == GoJson.Status.NON_STRING) {
                SourceRange rr = range(args, 0, args.s.length());
                throw new RawParseError(rr.startLine(), rr.startColumn(), NOT_STRING_ARRAY);
            }
            if (r.status() == GoJson.Status.STRINGS) {
                for (int i = 0; i < r.values().size(); i++) {
                    out.add(new RawText(r.values().get(i), range(args, ls + r.starts()[i], ls + r.ends()[i])));
                }
                return true;
            }
        }
        if (toList) {
            whitespaceSplit(args, out);
        } else {
            out.add(new RawText(args.s, range(args, 0, args.s.length())));
        }
        return false;
    }

    private void whitespaceSplit(Seg args, List<RawText> out) {
        String s = args.s;
        if (s.isEmpty()) {
            return;
        }
        int i = 0;
        int n = s.length();
        while (i <= n) {
            int j = i;
            while (j < n && !GoText.isBlank(s.charAt(j))) {
                j++;
            }
            out.add(new RawText(s.substring(i, j), range(args, i, j)));
            if (j >= n) {
                break;
            }
            int k = j;
            while (k < n && GoText.isBlank(s.charAt(k))) {
                k++;
            }
            if (k >= n) {
                break;
            }
            i = k;
        }
    }

    private boolean health(Seg args, List<RawText> out) throws RawParseError {
        byte[] b = GoText.encode(args.s);
        int sep = 0;
        while (sep < b.length && !GoText.isSpaceByte(b[sep])) {
            sep++;
        }
        int next = sep;
        while (next < b.length && GoText.isSpaceByte(b[next])) {
            next++;
        }
        if (sep == 0) {
            return false;
        }
        String typ = GoText.decode(b, 0, sep);
        int typEnd = sep >= b.length ? args.s.length() : args.charIndexOfByte(sep);
        out.add(new RawText(typ, range(args, 0, Math.max(typEnd, 1))));
        Seg rest = args.fromByte(b, next);
        return maybeJson(rest, out, false);
    }

    /** A word with its char span in the segment. */
    private record Word(String text, int start, int end) {
    }

    /** Words for ENV/LABEL/ARG: quotes and escapes kept, as the reference parser splits them. */
    private List<Word> parseWords(Seg seg) {
        List<Word> words = new ArrayList<>();
        String rest = seg.s;
        int len = rest.length();
        final int inSpaces = 0;
        final int inWord = 1;
        final int inQuote = 2;
        int phase = inSpaces;
        int quote = 0;
        boolean blankOK = false;
        StringBuilder sb = new StringBuilder();
        int wordStart = 0;
        int pos = 0;
        while (pos <= len) {
            int ch = pos < len ? rest.codePointAt(pos) : -1;
            int w = pos < len ? Character.charCount(ch) : 0;
            if (phase == inSpaces) {
                if (pos == len) {
                    break;
                }
                if (GoText.isSpace(ch)) {
                    pos += w;
                    continue;
                }
                phase = inWord;
                wordStart = pos;
            }
            if ((phase == inWord || phase == inQuote) && pos == len) {
                if (blankOK || sb.length() > 0) {
                    words.add(new Word(sb.toString(), wordStart, len));
                }
                break;
            }
            if (phase == inWord) {
                if (GoText.isSpace(ch)) {
                    phase = inSpaces;
                    if (blankOK || sb.length() > 0) {
                        words.add(new Word(sb.toString(), wordStart, pos));
                    }
                    sb.setLength(0);
                    blankOK = false;
                    pos += w;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    quote = ch;
                    blankOK = true;
                    phase = inQuote;
                }
                if (ch == escape) {
                    if (pos + w == len) {
                        pos += w;
                        continue;
                    }
                    appendRune(sb, ch);
                    pos += w;
                    ch = rest.codePointAt(pos);
                    w = Character.charCount(ch);
                }
                appendRune(sb, ch);
                pos += w;
                continue;
            }
            // inQuote
            if (ch == quote) {
                phase = inWord;
            }
            if (ch == escape && quote != '\'') {
                if (pos + w == len) {
                    phase = inWord;
                    pos += w;
                    continue;
                }
                pos += w;
                appendRune(sb, ch);
                ch = rest.codePointAt(pos);
                w = Character.charCount(ch);
            }
            appendRune(sb, ch);
            pos += w;
        }
        return words;
    }

    private static void appendRune(StringBuilder sb, int cp) {
        if (cp <= 0xFFFF && Character.isSurrogate((char) cp)) {
            sb.append('\uFFFD');
        } else {
            sb.appendCodePoint(cp);
        }
    }

    private void nameVal(Seg args, String key, List<RawText> out) throws RawParseError {
        List<Word> words = parseWords(args);
        if (words.isEmpty()) {
            return;
        }
        String first = words.get(0).text();
        String s = args.s;
        if (first.indexOf('=') < 0) {
            int j = 0;
            while (j < s.length() && !GoText.isBlank(s.charAt(j))) {
                j++;
            }
            if (j >= s.length()) {
                SourceRange r = range(args, 0, s.length());
                throw new RawParseError(r.startLine(), r.startColumn(), key + " must have two arguments");
            }
            int k = j;
            while (k < s.length() && GoText.isBlank(s.charAt(k))) {
                k++;
            }
            out.add(new RawText(s.substring(0, j), range(args, 0, j)));
            out.add(new RawText(s.substring(k), range(args, k, s.length())));
            out.add(new RawText("", range(args, s.length(), s.length())));
            return;
        }
        for (Word wd : words) {
            String word = wd.text();
            int[] w = {wd.start(), wd.end()};
            int eq = word.indexOf('=');
            if (eq < 0) {
                SourceRange r = range(args, w[0], w[1]);
                throw new RawParseError(r.startLine(), r.startColumn(), "Syntax error - can't find = in "
                        + GoText.quote(word) + ". Must be of the form: name=value");
            }
            out.add(new RawText(word.substring(0, eq), range(args, w[0], w[0] + eq)));
            out.add(new RawText(word.substring(eq + 1), range(args, w[0] + eq + 1, w[1])));
            out.add(new RawText("=", range(args, w[0] + eq, w[0] + eq + 1)));
        }
    }

    // ---- heredocs ---------------------------------------------------------------------------

    private static boolean canContainHeredoc(RawNode node) {
        RawNode n = node;
        if (GoText.toLower(n.keyword()).equals("onbuild") && n.child() != null) {
            n = n.child();
        }
        String k = GoText.toLower(n.keyword());
        if (!k.equals("run") && !k.equals("copy") && !k.equals("add")) {
            return false;
        }
        return !n.json();
    }

    private static List<RawHeredoc> heredocsFromLine(String line, int lineNo) throws RawParseError {
        if (line.indexOf("<<") < 0) {
            return List.of();
        }
        List<String> words;
        try {
            words = ShellLexer.forHeredocLine().process(line, name -> null).words();
        } catch (ShellLexException e) {
            return List.of();
        }
        List<RawHeredoc> docs = new ArrayList<>();
        for (String w : words) {
            RawHeredoc h = parseHeredoc(w, lineNo);
            if (h != null) {
                docs.add(h);
            }
        }
        return docs;
    }

    /** Matches {@code digits << [-] [space] tail} (tail non-empty, no {@code <}) and lexes the tail. */
    static RawHeredoc parseHeredoc(String word, int lineNo) throws RawParseError {
        int i = 0;
        int n = word.length();
        while (i < n && word.charAt(i) >= '0' && word.charAt(i) <= '9') {
            i++;
        }
        String digits = word.substring(0, i);
        if (!word.startsWith("<<", i)) {
            return null;
        }
        i += 2;
        boolean chomp = false;
        if (i < n && word.charAt(i) == '-') {
            chomp = true;
            i++;
        }
        while (i < n && isReSpace(word.charAt(i))) {
            i++;
        }
        String tail = word.substring(i);
        if (tail.isEmpty() || tail.indexOf('<') >= 0) {
            return null;
        }
        List<String> words;
        List<String> raw;
        try {
            words = ShellLexer.forHeredocName(false).process(tail, name -> null).words();
            if (words.size() != 1) {
                return null;
            }
            raw = ShellLexer.forHeredocName(true).process(tail, name -> null).words();
        } catch (ShellLexException e) {
            throw new RawParseError(lineNo, 1, e.getMessage());
        }
        if (raw.size() != words.size()) {
            throw new RawParseError(lineNo, 1, "internal lexing of heredoc produced inconsistent results: " + tail);
        }
        String name = words.get(0);
        boolean expand = quoteCount(name) == quoteCount(raw.get(0));
        int fd = 0;
        if (!digits.isEmpty()) {
            try {
                fd = Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                fd = Integer.MAX_VALUE;
            }
        }
        return new RawHeredoc(name, fd, expand, chomp, "", null);
    }

    private static int quoteCount(String s) {
        int c = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\'' || s.charAt(i) == '"') {
                c++;
            }
        }
        return c;
    }
}
