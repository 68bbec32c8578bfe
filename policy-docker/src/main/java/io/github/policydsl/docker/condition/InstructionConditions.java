package io.github.policydsl.docker.condition;

import io.github.policydsl.api.Condition;
import io.github.policydsl.api.ConditionEvents;
import io.github.policydsl.docker.InstructionSubject;
import io.github.policydsl.docker.ast.AddInstruction;
import io.github.policydsl.docker.ast.ArgDeclaration;
import io.github.policydsl.docker.ast.ArgInstruction;
import io.github.policydsl.docker.ast.Argument;
import io.github.policydsl.docker.ast.CmdInstruction;
import io.github.policydsl.docker.ast.CopyInstruction;
import io.github.policydsl.docker.ast.EntrypointInstruction;
import io.github.policydsl.docker.ast.EnvInstruction;
import io.github.policydsl.docker.ast.ExposeInstruction;
import io.github.policydsl.docker.ast.Instruction;
import io.github.policydsl.docker.ast.KeyValue;
import io.github.policydsl.docker.ast.RunInstruction;
import io.github.policydsl.docker.internal.rules.Secrets;
import io.github.policydsl.docker.internal.rules.ShellScan;
import io.github.policydsl.docker.internal.rules.ShellScan.Command;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Conditions on single instructions. A condition that does not concern an instruction's type
 * (a RUN check on a COPY) reports "not applicable", so a rule over mixed instructions SKIPs those.
 * Violations point at the argument or flag to change ({@code instructions[i].sources[k]},
 * {@code instructions[i].flags.checksum}). Stateless and thread-safe.
 */
public final class InstructionConditions {

    private static final List<String> ARCHIVES = List.of(".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz",
            ".txz", ".tar.zst", ".tar.lz", ".tar.lzma");

    private InstructionConditions() {
    }

    /**
     * ENV and ARG instructions declare no secret-like names ({@code DB_PASSWORD}, {@code API_KEY},
     * {@code GITHUB_TOKEN}; a name ending in {@code _FILE}/{@code _PATH} is fine) and no secret-like
     * values (private keys, cloud access keys, tokens, URLs with passwords). Build arguments and
     * environment values stay in the image history; mount secrets with {@code RUN --mount=type=secret}.
     *
     * @return the condition
     */
    public static Condition<InstructionSubject<?>> notDeclareSecrets() {
        return Condition.of("not declare secrets in ENV or ARG", (s, ev) -> {
            Instruction in = s.instruction();
            boolean bad = false;
            if (in instanceof EnvInstruction env) {
                List<KeyValue> pairs = env.pairs();
                for (int k = 0; k < pairs.size(); k++) {
                    bad |= checkSecret(s, ev, "ENV", pairs.get(k).key(), Optional.of(pairs.get(k).value()),
                            s.path().child("pairs").index(k));
                }
            } else if (in instanceof ArgInstruction arg) {
                List<ArgDeclaration> decls = arg.declarations();
                for (int k = 0; k < decls.size(); k++) {
                    bad |= checkSecret(s, ev, "ARG", decls.get(k).name(), decls.get(k).defaultValue(),
                            s.path().child("declarations").index(k));
                }
            } else {
                ev.notApplicable(s.path(), "not an ENV or ARG instruction");
                return;
            }
            if (!bad) {
                ev.satisfied(s.path(), "declares no secrets");
            }
        });
    }

    private static boolean checkSecret(InstructionSubject<?> s, ConditionEvents ev, String kw, String name,
            Optional<String> value, io.github.policydsl.api.result.FieldPath path) {
        if (Secrets.isSecretName(name)) {
            ev.violated(path, kw + " " + name + " has a secret-like name; its value stays in the image history");
            return true;
        }
        if (value.isPresent()) {
            String kind = Secrets.secretValueKind(value.get());
            if (kind != null) {
                ev.violated(path, kw + " " + name + " holds " + kind);
                return true;
            }
        }
        return false;
    }

    /**
     * COPY and ADD copy no key or credentials files ({@code id_rsa}, {@code .env}, {@code *.pem},
     * {@code .npmrc}, {@code .ssh/}, ...), neither as a source nor as the destination name.
     *
     * @return the condition
     */
    public static Condition<InstructionSubject<?>> notCopySecretFiles() {
        return Condition.of("not copy key or credentials files", (s, ev) -> {
            List<Argument> sources;
            Optional<Argument> dest;
            if (s.instruction() instanceof CopyInstruction c) {
                sources = c.sources();
                dest = c.destination();
            } else if (s.instruction() instanceof AddInstruction a) {
                sources = a.sources();
                dest = a.destination();
            } else {
                ev.notApplicable(s.path(), "not a COPY or ADD instruction");
                return;
            }
            boolean bad = false;
            for (int k = 0; k < sources.size(); k++) {
                String src = s.expand(sources.get(k).value());
                if (!isHeredocWord(src) && Secrets.isKeyFile(src)) {
                    bad = true;
                    ev.violated(s.path().child("sources").index(k), "copies the key or credentials file " + src);
                }
            }
            if (dest.isPresent()) {
                String d = s.expand(dest.get().value());
                if (!d.endsWith("/") && Secrets.isKeyFile(d)) {
                    bad = true;
                    ev.violated(s.path().child("destination"), "writes the key or credentials file " + d);
                }
            }
            if (!bad) {
                ev.satisfied(s.path(), "copies no key files");
            }
        });
    }

    private static boolean isHeredocWord(String w) {
        return w.startsWith("<<");
    }

    private static boolean isUrl(String src) {
        String l = src.toLowerCase(Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://") || l.startsWith("git@") || l.startsWith("git://")
                || l.startsWith("ssh://");
    }

    /**
     * ADD is used only for what COPY cannot do: remote URLs, git repositories and local tar archives
     * (which ADD unpacks). Local files and directories use COPY.
     *
     * @return the condition
     */
    public static Condition<InstructionSubject<?>> useCopyForLocalFiles() {
        return Condition.of("use COPY instead of ADD for local files", (s, ev) -> {
            if (!(s.instruction() instanceof AddInstruction add)) {
                ev.notApplicable(s.path(), "not an ADD instruction");
                return;
            }
            boolean bad = false;
            for (int k = 0; k < add.sources().size(); k++) {
                String src = s.expand(add.sources().get(k).value());
                String l = src.toLowerCase(Locale.ROOT);
                if (!isUrl(src) && ARCHIVES.stream().noneMatch(l::endsWith)) {
                    bad = true;
                    ev.violated(s.path().child("keyword"), "ADDs the local " + (isHeredocWord(src) ? "heredoc " : "file ")
                            + src + "; COPY is explicit and does not unpack or fetch");
                }
            }
            if (!bad) {
                ev.satisfied(s.path(), "ADDs only URLs or archives");
            }
        });
    }

    /**
     * ADD of a remote http(s) URL carries {@code --checksum=sha256:...}, so a changed download
     * breaks the build instead of entering the image.
     *
     * @return the condition
     */
    public static Condition<InstructionSubject<?>> verifyRemoteAddChecksum() {
        return Condition.of("verify remote ADD sources with --checksum", (s, ev) -> {
            if (!(s.instruction() instanceof AddInstruction add)) {
                ev.notApplicable(s.path(), "not an ADD instruction");
                return;
            }
            boolean bad = false;
            for (int k = 0; k < add.sources().size(); k++) {
                String src = s.expand(add.sources().get(k).value()).toLowerCase(Locale.ROOT);
                if ((src.startsWith("http://") || src.startsWith("https://")) && add.checksum().isEmpty()) {
                    bad = true;
                    ev.violated(s.path().child("flags").child("checksum"),
                            "ADDs " + add.sources().get(k).value() + " without --checksum");
                }
            }
            if (!bad) {
                ev.satisfied(s.path(), "verifies remote sources");
            }
        });
    }

    /**
     * RUN does not pipe a download into a shell ({@code curl ... | sh}, {@code wget -O- ... | bash},
     * {@code sh -c "$(curl ...)"}); download to a file, verify its checksum, then run it.
     *
     * @return the condition
     */
    public static Condition<InstructionSubject<?>> notPipeDownloadsToShell() {
        return Condition.of("not pipe downloads into a shell", (s, ev) -> {
            if (!(s.instruction() instanceof RunInstruction run)) {
                ev.notApplicable(s.path(), "not a RUN instruction");
                return;
            }
            String found = ShellScan.downloadPipedToShell(ShellScan.script(run));
            if (found != null) {
                ev.violated(s.path(), "pipes a download into a shell: " + found);
            } else {
                ev.satisfied(s.path(), "pipes no download into a shell");
            }
        });
    }

    /**
     * RUN invokes a command (as a program, also behind {@code env}, {@code exec} or assignments).
     * Use with {@code mustNot()}: {@code instructions(RunInstruction.class).mustNot().invoke("sudo")}.
     *
     * @param command the program name, e.g. {@code sudo}
     * @return the condition
     */
    public static Condition<InstructionSubject<?>> invoke(String command) {
        Objects.requireNonNull(command, "command");
        return Condition.of("invoke \"" + command + "\"", (s, ev) -> {
            if (!(s.instruction() instanceof RunInstruction run)) {
                ev.notApplicable(s.path(), "not a RUN instruction");
                return;
            }
            boolean skipSudo = !command.equals("sudo") && !command.equals("doas");
            for (Command c : ShellScan.commands(ShellScan.script(run))) {
                if (c.program(skipSudo).equals(command)) {
                    ev.satisfied(s.path(), "invokes " + command + ": " + c.text());
                    return;
                }
            }
            ev.violated(s.path(), "does not invoke " + command);
        });
    }

    /**
     * CMD and ENTRYPOINT use exec form ({@code ["/app", "--flag"]}), so the process is PID 1 and
     * receives signals; shell form wraps it in {@code /bin/sh -c}.
     *
     * @return the condition
     */
    public static Condition<InstructionSubject<?>> useExecForm() {
        return Condition.of("use exec form", (s, ev) -> {
            Instruction in = s.instruction();
            if (!(in instanceof CmdInstruction) && !(in instanceof EntrypointInstruction)) {
                ev.notApplicable(s.path(), "not a CMD or ENTRYPOINT instruction");
            } else if (in.isExecForm()) {
                ev.satisfied(s.path(), "uses exec form");
            } else {
                ev.violated(s.path().child("arguments").index(0), in.keyword().toUpperCase(Locale.ROOT)
                        + " uses shell form: " + in.original());
            }
        });
    }

    /**
     * EXPOSE does not publish a port (also inside a range such as {@code 20-25}, any protocol).
     *
     * @param port the port, e.g. 22
     * @return the condition
     */
    public static Condition<InstructionSubject<?>> notExposePort(int port) {
        return Condition.of("not expose port " + port, (s, ev) -> {
            if (!(s.instruction() instanceof ExposeInstruction expose)) {
                ev.notApplicable(s.path(), "not an EXPOSE instruction");
                return;
            }
            boolean bad = false;
            for (int k = 0; k < expose.ports().size(); k++) {
                for (String word : s.stage().isPresent()
                        ? s.stage().get().stage().expandWords(expose.ports().get(k).value(), expose)
                        : List.of(expose.ports().get(k).value())) {
                    if (covers(word, port)) {
                        bad = true;
                        ev.violated(s.path().child("ports").index(k), "exposes port " + word);
                    }
                }
            }
            if (!bad) {
                ev.satisfied(s.path(), "does not expose port " + port);
            }
        });
    }

    static boolean covers(String spec, int port) {
        String p = spec;
        int slash = p.indexOf('/');
        if (slash >= 0) {
            p = p.substring(0, slash);
        }
        int colon = p.lastIndexOf(':');
        if (colon >= 0) {
            p = p.substring(colon + 1);
        }
        int dash = p.indexOf('-');
        try {
            if (dash > 0) {
                return Integer.parseInt(p.substring(0, dash)) <= port && port <= Integer.parseInt(p.substring(dash + 1));
            }
            return Integer.parseInt(p) == port;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
