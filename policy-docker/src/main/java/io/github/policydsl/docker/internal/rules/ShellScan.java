package io.github.policydsl.docker.internal.rules;

import io.github.policydsl.docker.ast.Heredoc;
import io.github.policydsl.docker.ast.RunInstruction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A deliberately small, linear-time reading of shell scripts for policy checks: the script is cut
 * into simple commands at {@code ; && || | & newline ( )}, outside quotes, and each command into
 * words (quotes removed). It is not a shell parser; it errs towards finding commands, which is the
 * safe side for "must not invoke" checks.
 */
public final class ShellScan {

    private static final Set<String> WRAPPERS = Set.of("env", "exec", "command", "time", "nohup", "builtin", "xargs");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ash", "ksh", "mksh", "busybox");

    /**
     * One simple command.
     *
     * @param words the words, quotes removed
     * @param pipedFromPrevious whether the previous command's output is piped into this one
     * @param text the command's text as written
     */
    public record Command(List<String> words, boolean pipedFromPrevious, String text) {

        /** The command name after assignments and wrappers such as {@code env}, {@code sudo} kept. */
        public String name() {
            return words.isEmpty() ? "" : basename(words.get(0));
        }

        /**
         * The effective program: skips {@code VAR=x} assignments, wrappers ({@code env}, {@code exec},
         * {@code time}, ...) and, when {@code skipSudo}, {@code sudo} with its options.
         *
         * @param skipSudo whether to look through sudo
         * @return the index of the program word, or -1
         */
        public int programIndex(boolean skipSudo) {
            int i = 0;
            while (i < words.size()) {
                String w = words.get(i);
                String b = basename(w);
                if (isAssignment(w)) {
                    i++;
                } else if (WRAPPERS.contains(b) || (skipSudo && (b.equals("sudo") || b.equals("doas")))) {
                    i++;
                    while (i < words.size() && words.get(i).startsWith("-")) {
                        String opt = words.get(i);
                        i++;
                        if ((opt.equals("-u") || opt.equals("-g")) && i < words.size()) {
                            i++;
                        }
                    }
                } else {
                    return i;
                }
            }
            return -1;
        }

        /**
         * The effective program's basename.
         *
         * @param skipSudo whether to look through sudo
         * @return e.g. {@code apt-get}, empty when none
         */
        public String program(boolean skipSudo) {
            int i = programIndex(skipSudo);
            return i < 0 ? "" : basename(words.get(i));
        }

        /**
         * The words after the effective program.
         *
         * @return the arguments
         */
        public List<String> args() {
            int i = programIndex(true);
            return i < 0 ? List.of() : words.subList(i + 1, words.size());
        }
    }

    private ShellScan() {
    }

    /**
     * The script a RUN executes: the shell-form text and its heredoc bodies, or for exec form the
     * {@code -c} script of a shell, else the words joined with spaces.
     *
     * @param run the instruction
     * @return the script text
     */
    public static String script(RunInstruction run) {
        StringBuilder sb = new StringBuilder();
        List<String> cmd = run.command();
        if (run.isExecForm()) {
            if (cmd.size() >= 3 && SHELLS.contains(basename(cmd.get(0))) && cmd.get(1).equals("-c")) {
                sb.append(cmd.get(2));
            } else {
                sb.append(String.join(" ", cmd));
            }
        } else {
            sb.append(String.join(" ", cmd));
        }
        for (Heredoc h : run.heredocs()) {
            sb.append('\n').append(h.effectiveContent());
        }
        return sb.toString();
    }

    /**
     * Cuts a script into simple commands.
     *
     * @param script the script
     * @return the commands in order
     */
    public static List<Command> commands(String script) {
        List<Command> out = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean piped = false;
        int start = 0;
        int n = script.length();
        int i = 0;
        while (i < n) {
            char c = script.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char d = script.charAt(i + 1);
                if (d != '\n') {
                    word.append(d);
                    inWord = true;
                }
                i += 2;
                continue;
            }
            if (c == '\'' || c == '"') {
                int close = script.indexOf(c, i + 1);
                if (close < 0) {
                    close = n;
                }
                word.append(script, i + 1, close);
                inWord = true;
                i = Math.min(n, close + 1);
                continue;
            }
            if (c == '#' && !inWord) {
                int nl = script.indexOf('\n', i);
                i = nl < 0 ? n : nl;
                continue;
            }
            boolean sep = c == ';' || c == '&' || c == '|' || c == '\n' || c == '(' || c == ')' || c == '`';
            if (Character.isWhitespace(c) || sep) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                if (sep) {
                    boolean pipeOp = c == '|' && (i + 1 >= n || script.charAt(i + 1) != '|')
                            && (i == 0 || script.charAt(i - 1) != '|');
                    if (!words.isEmpty()) {
                        out.add(new Command(List.copyOf(words), piped, script.substring(start, i).strip()));
                        words.clear();
                    }
                    if (c == '(' && i > 0 && (script.charAt(i - 1) == '$' || script.charAt(i - 1) == '<')) {
                        // command or process substitution: the inner command is its own command
                        piped = false;
                    } else {
                        piped = pipeOp;
                    }
                    if ((c == '&' || c == '|') && i + 1 < n && script.charAt(i + 1) == c) {
                        i++;
                    }
                    start = i + 1;
                }
                i++;
                continue;
            }
            if (c == '$' && i + 1 < n && script.charAt(i + 1) == '(') {
                i++;
                continue;
            }
            if (c == '<' && i + 1 < n && script.charAt(i + 1) == '(') {
                i++;
                continue;
            }
            word.append(c);
            inWord = true;
            i++;
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (!words.isEmpty()) {
            out.add(new Command(List.copyOf(words), piped, script.substring(start).strip()));
        }
        return out;
    }

    /**
     * Whether a script downloads something and runs it with a shell: {@code curl ... | sh},
     * {@code wget -O- ... | sudo bash}, {@code sh -c "$(curl ...)"}, {@code bash <(curl ...)}.
     *
     * @param script the script
     * @return the offending command text, or null
     */
    public static String downloadPipedToShell(String script) {
        List<Command> cmds = commands(script);
        for (int i = 1; i < cmds.size(); i++) {
            Command prev = cmds.get(i - 1);
            Command cur = cmds.get(i);
            if (cur.pipedFromPrevious() && isDownloader(prev.program(true)) && isShell(cur.program(true))) {
                return prev.text() + " | " + cur.text();
            }
        }
        String lower = script.toLowerCase(Locale.ROOT);
        for (String marker : List.of("$(curl", "$(wget", "<(curl", "<(wget", "`curl", "`wget", "$( curl", "$( wget")) {
            int at = lower.indexOf(marker);
            if (at > 0) {
                String before = lower.substring(Math.max(0, lower.lastIndexOf('\n', at) + 1), at);
                for (String sh : SHELLS) {
                    if (containsWord(before, sh)) {
                        return script.substring(Math.max(0, lower.lastIndexOf('\n', at) + 1),
                                Math.min(script.length(), at + marker.length())).strip() + "...";
                    }
                }
            }
        }
        return null;
    }

    private static boolean containsWord(String text, String w) {
        int from = 0;
        while (true) {
            int at = text.indexOf(w, from);
            if (at < 0) {
                return false;
            }
            int end = at + w.length();
            boolean left = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)) && text.charAt(at - 1) != '-';
            boolean right = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '-';
            if (left && right) {
                return true;
            }
            from = at + 1;
        }
    }

    private static boolean isDownloader(String p) {
        return p.equals("curl") || p.equals("wget") || p.equals("fetch") || p.equals("iwr")
                || p.equalsIgnoreCase("invoke-webrequest");
    }

    private static boolean isShell(String p) {
        return SHELLS.contains(p) || p.equals("python") || p.equals("python3") || p.equals("perl")
                || p.equalsIgnoreCase("iex") || p.equalsIgnoreCase("invoke-expression");
    }

    /**
     * Whether a word is a {@code NAME=value} assignment.
     *
     * @param w the word
     * @return true for assignments
     */
    public static boolean isAssignment(String w) {
        int eq = w.indexOf('=');
        if (eq <= 0) {
            return false;
        }
        for (int i = 0; i < eq; i++) {
            char c = w.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return !Character.isDigit(w.charAt(0));
    }

    /**
     * The last path component of a word ({@code /usr/bin/sudo} gives {@code sudo}).
     *
     * @param w the word
     * @return the basename
     */
    public static String basename(String w) {
        int slash = w.lastIndexOf('/');
        return slash >= 0 ? w.substring(slash + 1) : w;
    }
}
