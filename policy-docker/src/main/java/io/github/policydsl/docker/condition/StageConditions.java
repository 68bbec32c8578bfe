package io.github.policydsl.docker.condition;

import io.github.policydsl.api.Condition;
import io.github.policydsl.api.ConditionEvents;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.docker.StageSubject;
import io.github.policydsl.docker.ast.AddInstruction;
import io.github.policydsl.docker.ast.Argument;
import io.github.policydsl.docker.ast.CopyInstruction;
import io.github.policydsl.docker.ast.HealthcheckInstruction;
import io.github.policydsl.docker.ast.ImageRef;
import io.github.policydsl.docker.ast.Instruction;
import io.github.policydsl.docker.ast.Mount;
import io.github.policydsl.docker.ast.RunInstruction;
import io.github.policydsl.docker.ast.Stage;
import io.github.policydsl.docker.ast.UserInstruction;
import io.github.policydsl.docker.ast.VolumeInstruction;
import io.github.policydsl.docker.internal.rules.ShellScan;
import io.github.policydsl.docker.internal.rules.ShellScan.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Conditions on build stages. Values are resolved the way BuildKit resolves them (variables,
 * ARG/ENV scoping, inheritance through {@code FROM <stage>}); a value that cannot be expanded
 * makes the result ERROR. Every violation points at the instruction to change, or at the stage's
 * FROM ({@code stages[s].user}, {@code stages[s].healthcheck}) when an instruction is missing.
 * All conditions are stateless and thread-safe.
 */
public final class StageConditions {

    private static final Set<String> JAVA_IMAGES = Set.of("openjdk", "eclipse-temurin", "amazoncorretto",
            "ibmjava", "sapmachine", "ibm-semeru-runtimes", "azul/zulu-openjdk", "bellsoft/liberica-openjdk-debian");
    private static final Set<String> TOOLCHAIN_IMAGES = Set.of("golang", "maven", "gradle", "rust", "gcc",
            "buildpack-deps", "dotnet/sdk", "swift", "haskell", "clojure", "sbt", "kotlin", "android-sdk");
    private static final Set<String> TOOLCHAIN_PACKAGES = Set.of("gcc", "g++", "gcc-c++", "clang", "make", "cmake",
            "build-essential", "build-base", "golang", "golang-go", "go", "rustc", "cargo", "maven", "gradle",
            "default-jdk", "default-jdk-headless", "autoconf", "automake", "libtool", "musl-dev", "libc-dev",
            "libc6-dev", "binutils", "gfortran", "nodejs-dev");
    private static final Set<String> COMPILERS = Set.of("gcc", "g++", "cc", "c++", "clang", "clang++", "javac",
            "rustc", "make", "cmake", "mvn", "mvnw", "gradle", "gradlew", "tsc", "kotlinc", "scalac");
    private static final Set<String> INSTALLERS = Set.of("apt-get", "apt", "apk", "yum", "dnf", "microdnf", "zypper");
    private static final Set<String> WRITABLE_DIRS = Set.of("data", "uploads", "upload", "logs", "log", "cache",
            "storage", "state", "tmp");

    private StageConditions() {
    }

    /**
     * An explicit USER (in the stage or inherited from the stage it is built on) that resolves to
     * a non-zero UID or a name other than {@code root} (nor Windows' {@code ContainerAdministrator}).
     *
     * @return the condition
     */
    public static Condition<StageSubject> runAsNonRoot() {
        return Condition.of("run as a non-root user", (s, ev) -> {
            Optional<Instruction> last = lastOf(s, UserInstruction.class);
            Optional<String> user = s.stage().effectiveUser();
            if (last.isEmpty()) {
                ev.violated(s.field("user"), "has no USER instruction, so it runs as the base image's default user"
                        + " (usually root)");
                return;
            }
            FieldPath at = s.file().pathOf(last.get());
            String u = user.orElse("");
            int colon = u.indexOf(':');
            String name = colon < 0 ? u : u.substring(0, colon);
            if (name.isEmpty()) {
                ev.violated(at, "USER " + ((UserInstruction) last.get()).user() + " resolves to an empty user name");
            } else if (isRoot(name)) {
                ev.violated(at, "runs as root (USER " + ((UserInstruction) last.get()).user()
                        + (u.equals(((UserInstruction) last.get()).user()) ? "" : ", resolved to " + u) + ")");
            } else {
                ev.satisfied(at, "runs as " + u);
            }
        });
    }

    static boolean isRoot(String name) {
        if (!name.isEmpty() && name.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return name.chars().allMatch(c -> c == '0');
        }
        return name.equals("root") || name.equalsIgnoreCase("ContainerAdministrator");
    }

    /**
     * The base image is pinned by digest ({@code image@sha256:...}); {@code scratch} and stages built
     * on an earlier stage pass. A tag alone, {@code latest} or no tag fails.
     *
     * @return the condition
     */
    public static Condition<StageSubject> useDigestPinnedBaseImage() {
        return onBaseImage("use a base image pinned by digest", (image, at, ev) -> {
            if (image.isScratch() || image.isPinnedByDigest()) {
                ev.satisfied(at, "base image " + image.reference() + " is pinned");
            } else {
                ev.violated(at, "base image " + image.reference() + " is not pinned by digest ("
                        + image.tag().map(t -> "tag " + t + " only").orElse("no tag, so latest") + ")");
            }
        });
    }

    /** Judges a stage's base image; a stage built on an earlier stage holds, an invalid reference is a violation. */
    private interface BaseImageCheck {
        void check(ImageRef image, FieldPath at, ConditionEvents events);
    }

    private static Condition<StageSubject> onBaseImage(String description, BaseImageCheck check) {
        return Condition.of(description, (s, ev) -> {
            FieldPath at = s.field("image");
            if (s.stage().baseStage().isPresent()) {
                ev.satisfied(at, "builds on stage " + s.stage().baseImage());
                return;
            }
            Optional<ImageRef> image = s.stage().image();
            if (image.isEmpty()) {
                ev.violated(at, "base image '" + s.stage().baseImage() + "' is not a valid image reference");
            } else {
                check.check(image.get(), at, ev);
            }
        });
    }

    /**
     * The base image has an explicit tag other than {@code latest}, or a digest.
     *
     * @return the condition
     */
    public static Condition<StageSubject> notUseLatestBaseImage() {
        return onBaseImage("use a base image with a tag other than latest", (image, at, ev) -> {
            if (image.isScratch() || image.digest().isPresent() || image.tag().filter(t -> !t.equals("latest")).isPresent()) {
                ev.satisfied(at, "base image " + image.reference() + " has a fixed version");
            } else {
                ev.violated(at, "base image " + image.reference()
                        + (image.tag().isPresent() ? " uses the latest tag" : " has no tag, so it means latest"));
            }
        });
    }

    /**
     * The image the stage finally builds on (following {@code FROM <stage>}) is on the default
     * allow-list of minimal images ({@link MinimalBaseImages#defaults()}).
     *
     * @return the condition
     */
    public static Condition<StageSubject> useMinimalBaseImage() {
        return useMinimalBaseImage(MinimalBaseImages.defaults());
    }

    /**
     * The image the stage finally builds on is on an allow-list.
     *
     * @param allowed the allow-list
     * @return the condition
     */
    public static Condition<StageSubject> useMinimalBaseImage(MinimalBaseImages allowed) {
        return Condition.of("use a minimal base image", (s, ev) -> {
            Stage root = s.rootStage();
            FieldPath at = FieldPath.root().child("stages").index(root.index()).child("image");
            Optional<ImageRef> image = root.image();
            if (image.isEmpty()) {
                ev.violated(at, "base image '" + root.baseImage() + "' is not a valid image reference");
            } else if (allowed.allows(image.get())) {
                ev.satisfied(at, "base image " + image.get().reference() + " is minimal");
            } else {
                ev.violated(at, "base image " + image.get().reference() + " is not on the minimal-image allow-list ("
                        + allowed + ")");
            }
        });
    }

    /**
     * The stage (with the stages it builds on) carries no build tool chain: its base image is not a
     * compiler image (golang, maven, gradle, rust, gcc, a JDK rather than a JRE, dotnet/sdk, ...), it
     * installs no compilers or build packages (gcc, make, build-essential, {@code *-dev}, a JDK, ...)
     * unless the same RUN removes them again, and it runs no compiler or build tool.
     *
     * @return the condition
     */
    public static Condition<StageSubject> notCarryBuildToolchain() {
        return Condition.of("not carry a build tool chain", (s, ev) -> {
            boolean bad = false;
            Stage root = s.rootStage();
            Optional<ImageRef> image = root.image();
            if (image.isPresent() && isToolchainImage(image.get())) {
                bad = true;
                ev.violated(FieldPath.root().child("stages").index(root.index()).child("image"),
                        "builds on " + image.get().reference() + ", an image with a build tool chain");
            }
            for (Stage st : s.chain()) {
                for (Instruction in : st.instructions()) {
                    if (!(in instanceof RunInstruction run)) {
                        continue;
                    }
                    String problem = toolchainUse(ShellScan.script(run));
                    if (problem != null) {
                        bad = true;
                        ev.violated(s.file().pathOf(in), problem);
                    }
                }
            }
            if (!bad) {
                ev.satisfied(s.path(), "carries no build tool chain");
            }
        });
    }

    static boolean isToolchainImage(ImageRef image) {
        String repo = image.repository().toLowerCase(Locale.ROOT);
        String shortRepo = repo.startsWith("library/") ? repo.substring(8) : repo;
        String tag = image.tag().orElse("").toLowerCase(Locale.ROOT);
        if (TOOLCHAIN_IMAGES.contains(shortRepo)) {
            return true;
        }
        if (JAVA_IMAGES.contains(shortRepo)) {
            return !tag.contains("jre");
        }
        return false;
    }

    private static String toolchainUse(String script) {
        List<Command> cmds = ShellScan.commands(script);
        boolean removes = false;
        for (Command c : cmds) {
            String p = c.program(true);
            List<String> a = c.args();
            if (INSTALLERS.contains(p) && !a.isEmpty()
                    && (a.contains("del") || a.contains("remove") || a.contains("purge") || a.contains("autoremove")
                    || a.contains("erase"))) {
                removes = true;
            }
        }
        for (Command c : cmds) {
            String p = c.program(true);
            List<String> a = c.args();
            if (INSTALLERS.contains(p) && (a.contains("install") || a.contains("add")) && !removes) {
                for (String w : a) {
                    String pkg = w.toLowerCase(Locale.ROOT);
                    int eq = pkg.indexOf('=');
                    if (eq > 0) {
                        pkg = pkg.substring(0, eq);
                    }
                    if (!pkg.startsWith("-") && (TOOLCHAIN_PACKAGES.contains(pkg) || pkg.endsWith("-dev")
                            || pkg.endsWith("-devel") || pkg.endsWith("-jdk") || pkg.endsWith("-jdk-headless")
                            || (pkg.startsWith("openjdk") && pkg.contains("jdk") && !pkg.contains("jre")))) {
                        return "installs build package " + w + " (" + p + ")";
                    }
                }
            }
            if (COMPILERS.contains(p)) {
                return "runs the build tool " + p;
            }
            if ((p.equals("go") || p.equals("cargo") || p.equals("dotnet")) && !a.isEmpty()
                    && Set.of("build", "install", "publish").contains(a.get(0))) {
                return "runs " + p + " " + a.get(0);
            }
        }
        return null;
    }

    /**
     * No RUN of the stage (or of the stages it builds on) leaves package-manager caches in the
     * image: {@code apt-get install} without removing {@code /var/lib/apt/lists}, {@code apk add}
     * without {@code --no-cache}, {@code yum/dnf install} without {@code clean all},
     * {@code pip install} without {@code --no-cache-dir} (or {@code PIP_NO_CACHE_DIR}). A RUN with a
     * {@code --mount=type=cache} passes, since the cache stays outside the image.
     *
     * @return the condition
     */
    public static Condition<StageSubject> notKeepPackageManagerCaches() {
        return Condition.of("not keep package-manager caches", (s, ev) -> {
            boolean bad = false;
            for (Stage st : s.chain()) {
                for (Instruction in : st.instructions()) {
                    if (!(in instanceof RunInstruction run)) {
                        continue;
                    }
                    boolean cacheMount = false;
                    for (Mount m : run.mounts()) {
                        cacheMount |= "cache".equals(m.options().get("type"));
                    }
                    if (cacheMount) {
                        continue;
                    }
                    String problem = cacheLeft(ShellScan.script(run), st.environmentAt(in).containsKey("PIP_NO_CACHE_DIR"));
                    if (problem != null) {
                        bad = true;
                        ev.violated(s.file().pathOf(in), problem);
                    }
                }
            }
            if (!bad) {
                ev.satisfied(s.path(), "keeps no package-manager caches");
            }
        });
    }

    private static String cacheLeft(String script, boolean pipNoCacheEnv) {
        for (Command c : ShellScan.commands(script)) {
            String p = c.program(true);
            List<String> a = c.args();
            if ((p.equals("apt-get") || p.equals("apt")) && a.contains("install") && !script.contains("/var/lib/apt/lists")) {
                return p + " install leaves the package lists in /var/lib/apt/lists";
            }
            if (p.equals("apk") && a.contains("add") && !a.contains("--no-cache") && !script.contains("/var/cache/apk")) {
                return "apk add without --no-cache leaves the index in /var/cache/apk";
            }
            if (Set.of("yum", "dnf", "microdnf", "zypper").contains(p) && a.contains("install")
                    && !script.contains("clean") && !script.contains("/var/cache/")) {
                return p + " install without '" + p + " clean all' leaves its cache";
            }
            if ((p.equals("pip") || p.equals("pip3")) && a.contains("install") && !a.contains("--no-cache-dir")
                    && !pipNoCacheEnv && !script.contains(".cache/pip")) {
                return p + " install without --no-cache-dir leaves its cache";
            }
        }
        return null;
    }

    /**
     * A HEALTHCHECK (not {@code NONE}) in the stage or the stages it builds on.
     *
     * @return the condition
     */
    public static Condition<StageSubject> haveAHealthcheck() {
        return Condition.of("have a HEALTHCHECK", (s, ev) -> {
            Optional<Instruction> h = lastOf(s, HealthcheckInstruction.class);
            if (h.isEmpty()) {
                ev.violated(s.field("healthcheck"), "has no HEALTHCHECK");
            } else if (((HealthcheckInstruction) h.get()).isNone()) {
                ev.violated(s.file().pathOf(h.get()), "disables the health check (HEALTHCHECK NONE)");
            } else {
                ev.satisfied(s.file().pathOf(h.get()), "has a HEALTHCHECK");
            }
        });
    }

    /**
     * In a stage that runs as a non-root user, files the user writes are copied with
     * {@code --chown}: a COPY/ADD without it whose destination is a VOLUME (or inside one), a
     * directory whose name says it is written ({@code data}, {@code uploads}, {@code logs},
     * {@code cache}, {@code storage}, {@code state}, {@code tmp}), or that a later RUN of the stage
     * {@code chown}s (which duplicates the files in a new layer). Files copied read-only for the
     * user, such as dependencies or the application binary, need no {@code --chown}. Not applicable
     * to stages that run as root.
     *
     * @return the condition
     */
    public static Condition<StageSubject> chownFilesTheUserWrites() {
        return Condition.of("copy files the user writes with --chown", (s, ev) -> {
            Optional<String> user = s.stage().effectiveUser();
            if (user.isEmpty() || isRoot(user.get().split(":", -1)[0])) {
                ev.notApplicable(s.path(), "the stage runs as root");
                return;
            }
            List<String> volumes = new ArrayList<>();
            for (Stage st : s.chain()) {
                for (Instruction in : st.instructions()) {
                    if (in instanceof VolumeInstruction v) {
                        for (Argument a : v.paths()) {
                            volumes.add(trimSlash(st.expand(a.value(), in)));
                        }
                    }
                }
            }
            List<Instruction> own = s.stage().instructions();
            boolean bad = false;
            for (int i = 0; i < own.size(); i++) {
                Instruction in = own.get(i);
                Optional<Argument> dest = in instanceof CopyInstruction c ? c.destination()
                        : in instanceof AddInstruction a ? a.destination() : Optional.empty();
                if (dest.isEmpty() || in.hasFlag("chown")) {
                    continue;
                }
                String d = trimSlash(s.stage().expand(dest.get().value(), in));
                String why = writtenBecause(d, volumes, own.subList(i + 1, own.size()));
                if (why != null) {
                    bad = true;
                    ev.violated(s.file().pathOf(in).child("flags").child("chown"),
                            in.keyword().toUpperCase(Locale.ROOT) + " to " + d + " has no --chown although " + why);
                }
            }
            if (!bad) {
                ev.satisfied(s.path(), "copies what the user writes with --chown");
            }
        });
    }

    private static String writtenBecause(String dest, List<String> volumes, List<Instruction> later) {
        for (String v : volumes) {
            if (!v.isEmpty() && (dest.equals(v) || dest.startsWith(v + "/"))) {
                return v + " is a VOLUME";
            }
        }
        for (String seg : dest.split("/")) {
            if (WRITABLE_DIRS.contains(seg.toLowerCase(Locale.ROOT))) {
                return "the user writes to " + seg;
            }
        }
        for (Instruction in : later) {
            if (in instanceof RunInstruction run) {
                for (Command c : ShellScan.commands(ShellScan.script(run))) {
                    if (c.program(true).equals("chown") && c.args().stream().map(StageConditions::trimSlash)
                            .anyMatch(a -> !a.isEmpty() && (a.equals(dest) || dest.startsWith(a + "/")))) {
                        return "a later RUN chowns it";
                    }
                }
            }
        }
        return null;
    }

    private static String trimSlash(String p) {
        String t = p.strip();
        while (t.length() > 1 && t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    private static Optional<Instruction> lastOf(StageSubject s, Class<? extends Instruction> type) {
        for (Stage st : s.chain()) {
            List<Instruction> ins = st.instructions();
            for (int i = ins.size() - 1; i >= 0; i--) {
                if (type.isInstance(ins.get(i))) {
                    return Optional.of(ins.get(i));
                }
            }
        }
        return Optional.empty();
    }

}
