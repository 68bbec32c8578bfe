package io.github.policydsl.docker.testing;

import io.github.policydsl.api.testing.Choices;
import io.github.policydsl.api.testing.Gen;
import io.github.policydsl.docker.ast.Dockerfile;
import io.github.policydsl.docker.ast.Heredoc;
import io.github.policydsl.docker.ast.Instruction;
import io.github.policydsl.docker.ast.OnbuildInstruction;
import io.github.policydsl.docker.parse.DockerfileParser;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Generators of Dockerfiles, as text and as parsed {@link Dockerfile}s, for property tests and
 * fuzzing (see {@code io.github.policydsl.api.testing.Property} and {@code JazzerChoices}).
 *
 * <p>Every generated text is accepted by our parser and by BuildKit's (valid by construction: no
 * filtering): single- and multi-stage files with global and stage ARGs, ENV with variables, USER as
 * a name, a UID, {@code uid:gid} or a variable, COPY/ADD with flags and heredocs, RUN in shell,
 * exec and heredoc form with continuations and mounts, HEALTHCHECK, EXPOSE, ONBUILD, VOLUME, and
 * sometimes the {@code # syntax=} and {@code # escape=`} directives. Values are biased toward what
 * the security rules look at (root users, unpinned bases, port 22, secret-like names, curl piped to
 * a shell). Every decision is drawn so that choice 0 is the simplest: a failing example shrinks
 * toward one stage, few instructions and no optional parts.
 *
 * <p>{@link #compliantDockerfileTexts()} produces files that pass every rule of the
 * {@code dockerfile} pack ({@code must} and {@code should}), the starting point of mutation tests.
 *
 * <p>Generators are immutable and build a new value on each call. Print counterexamples with
 * {@code Property.forAll(...).printer(text -> text)} or {@link #toText(Dockerfile)}.
 */
public final class DockerfileGenerators {

    /** The source name given to parsed generated files. */
    public static final String SOURCE_NAME = "Dockerfile";

    private static final List<String> ANY_IMAGES = List.of("alpine", "debian", "ubuntu", "golang", "node", "python",
            "gcr.io/distroless/static-debian12", "scratch", "busybox", "maven", "eclipse-temurin",
            "registry.example.com:5000/team/base");
    private static final List<String> ANY_TAGS = List.of("3.20", "latest", "1.22", "bookworm-slim", "21-jre",
            "nonroot");
    private static final List<String> MINIMAL_FINAL = List.of("gcr.io/distroless/static-debian12:nonroot",
            "alpine:3.20", "gcr.io/distroless/base-debian12:nonroot", "cgr.dev/chainguard/static:20240601",
            "busybox:1.36.1", "scratch");
    private static final List<String> ANY_RUN = List.of("echo hello", "apk add --no-cache ca-certificates",
            "apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*",
            "curl -fsSL https://example.com/install.sh | sh", "sudo chown app /app", "make", "go build -o /out/app .",
            "pip install flask", "apt-get install -y gcc", "echo $VERSION > /version", "addgroup -S app && adduser -S app -G app");
    private static final List<String> ANY_USERS = List.of("app", "10001", "10001:10001", "app:app", "root", "0",
            "0:0", "nobody", "ContainerAdministrator");
    private static final List<String> ANY_VAR_NAMES = List.of("VERSION", "APP_HOME", "PORT", "BASE_TAG",
            "DB_PASSWORD", "API_TOKEN", "PASSWORD_FILE");
    private static final List<String> ANY_VALUES = List.of("1.0.0", "/app", "8080", "3.20", "changeme",
            "${APP_HOME}/bin", "\"hello world\"", "$VERSION");
    private static final List<String> ANY_SOURCES = List.of("app.jar", "src/", "go.mod", ".env", "id_rsa",
            "config.yaml", "requirements.txt", "data/");
    private static final List<String> ANY_PORTS = List.of("8080", "8080/tcp 8443", "22", "20-25/udp", "${PORT}",
            "2222");

    private DockerfileGenerators() {
    }

    /**
     * Dockerfile texts of every shape our parser and BuildKit accept (1 to 3 stages).
     *
     * @return the generator
     */
    public static Gen<String> dockerfileTexts() {
        return DockerfileGenerators::anyText;
    }

    /**
     * Parsed Dockerfiles from {@link #dockerfileTexts()}, with source name {@value #SOURCE_NAME}.
     *
     * @return the generator
     */
    public static Gen<Dockerfile> dockerfiles() {
        return dockerfileTexts().map(DockerfileGenerators::parse);
    }

    /**
     * Dockerfile texts that pass every rule of the {@code dockerfile} pack: every base image
     * pinned by tag and digest (or {@code scratch}), a builder stage (sometimes) and a final stage on
     * a minimal image (distroless, chainguard, alpine, busybox, scratch) that copies the artifact,
     * runs as a non-root user (a name, UID, {@code uid:gid} or a variable), has a HEALTHCHECK and an
     * exec-form ENTRYPOINT, copies written directories with {@code --chown}, verifies remote ADDs with
     * {@code --checksum}, keeps no package caches and declares no secrets.
     *
     * @return the generator
     */
    public static Gen<String> compliantDockerfileTexts() {
        return DockerfileGenerators::compliantText;
    }

    /**
     * Parsed Dockerfiles from {@link #compliantDockerfileTexts()}.
     *
     * @return the generator
     */
    public static Gen<Dockerfile> compliantDockerfiles() {
        return compliantDockerfileTexts().map(DockerfileGenerators::parse);
    }

    /**
     * Parses a generated text with the default parser and source name {@value #SOURCE_NAME}.
     *
     * @param text the Dockerfile text
     * @return the parsed file
     * @throws io.github.policydsl.docker.parse.DockerfileParseException when the text is rejected
     */
    public static Dockerfile parse(String text) {
        return DockerfileParser.defaults().parse(SOURCE_NAME, text);
    }

    /**
     * Prints a parsed Dockerfile back as text that parses to the same instructions: the parser
     * directives, then every instruction as its logical line (continuations joined) followed by its
     * heredoc bodies and delimiters. Comments and blank lines are not kept.
     *
     * @param dockerfile the file
     * @return the text, ending with a newline
     */
    public static String toText(Dockerfile dockerfile) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> d : dockerfile.directives().entrySet()) {
            sb.append("# ").append(d.getKey()).append('=').append(d.getValue()).append('\n');
        }
        for (Instruction in : dockerfile.instructions()) {
            sb.append(in.original()).append('\n');
            List<Heredoc> heredocs = in instanceof OnbuildInstruction ob && ob.trigger().isPresent()
                    ? ob.trigger().get().heredocs() : in.heredocs();
            for (Heredoc h : heredocs) {
                sb.append(h.content());
                if (!h.content().isEmpty() && !h.content().endsWith("\n")) {
                    sb.append('\n');
                }
                sb.append(h.name()).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * A {@code sha256:} digest, the same for the same number.
     *
     * @param n any number
     * @return {@code sha256:} and 64 hex digits
     */
    public static String digest(int n) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(("policy-dsl:" + n).getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder("sha256:");
            for (byte b : h) {
                sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    // ------------------------------------------------------------------------------------------
    // arbitrary files

    private static String pick(Choices c, List<String> xs) {
        return xs.get(c.choose(xs.size()));
    }

    /** Text being built: the escape character and the lines. */
    private static final class Out {
        final char esc;
        final List<String> lines = new ArrayList<>();

        Out(char esc) {
            this.esc = esc;
        }

        void add(String line) {
            lines.add(line);
        }

        String text() {
            return String.join("\n", lines) + "\n";
        }
    }

    private static Out header(Choices c) {
        boolean syntax = c.chance(0.2);
        boolean backtick = c.chance(0.15);
        Out out = new Out(backtick ? '`' : '\\');
        if (syntax) {
            out.add("# syntax=docker/dockerfile:1");
        }
        if (backtick) {
            out.add("# escape=`");
        }
        return out;
    }

    private static String anyText(Choices c) {
        Out out = header(c);
        int globals = c.choose(3);
        boolean baseTagArg = false;
        for (int i = 0; i < globals; i++) {
            if (c.chance(0.5)) {
                out.add("ARG BASE_TAG=3.20");
                baseTagArg = true;
            } else {
                out.add("ARG " + pick(c, ANY_VAR_NAMES) + (c.chance(0.5) ? "=" + pick(c, List.of("1.0.0", "x")) : ""));
            }
        }
        int stages = 1 + c.choose(3);
        List<String> names = new ArrayList<>();
        for (int s = 0; s < stages; s++) {
            String image;
            if (!names.isEmpty() && c.chance(0.15)) {
                image = names.get(c.choose(names.size()));
            } else {
                image = pick(c, ANY_IMAGES);
                if (!image.equals("scratch")) {
                    if (baseTagArg && c.chance(0.3)) {
                        image += ":${BASE_TAG}";
                    } else if (c.chance(0.6)) {
                        image += ":" + pick(c, ANY_TAGS);
                    }
                    if (c.chance(0.4)) {
                        image += "@" + digest(c.choose(4));
                    }
                }
            }
            String platform = c.chance(0.1) ? "--platform=$BUILDPLATFORM " : "";
            String name = c.chance(0.5) ? pick(c, List.of("build", "deps", "runtime", "final", "test")) + s : null;
            out.add("FROM " + platform + image + (name == null ? "" : (c.chance(0.2) ? " as " : " AS ") + name));
            int count = c.choose(8);
            for (int i = 0; i < count; i++) {
                anyInstruction(c, out, names);
            }
            if (name != null) {
                names.add(name);
            }
        }
        return out.text();
    }

    private static void anyInstruction(Choices c, Out out, List<String> earlierStages) {
        switch (c.choose(17)) {
            case 0 -> out.add("RUN " + pick(c, ANY_RUN));
            case 1 -> user(c, out, ANY_USERS);
            case 2 -> {
                StringBuilder sb = new StringBuilder("COPY ");
                if (!earlierStages.isEmpty() && c.chance(0.4)) {
                    sb.append("--from=").append(earlierStages.get(c.choose(earlierStages.size()))).append(' ');
                }
                if (c.chance(0.3)) {
                    sb.append("--chown=").append(pick(c, List.of("app:app", "10001:10001", "nobody"))).append(' ');
                }
                if (c.chance(0.2)) {
                    sb.append(pick(c, List.of("--chmod=0755 ", "--link ")));
                }
                if (c.chance(0.15)) {
                    out.add(sb + "<<EOF /etc/app.conf");
                    out.add("key=value");
                    out.add("EOF");
                    return;
                }
                int n = 1 + c.choose(2);
                for (int i = 0; i < n; i++) {
                    sb.append(pick(c, ANY_SOURCES)).append(' ');
                }
                sb.append(pick(c, List.of("/app/", "/app/data/", "/home/app/", "./")));
                out.add(sb.toString());
            }
            case 3 -> {
                String k = pick(c, ANY_VAR_NAMES);
                String v = pick(c, ANY_VALUES);
                out.add(c.chance(0.2) ? "ENV " + k + " " + v : "ENV " + k + "=" + v
                        + (c.chance(0.3) ? " " + pick(c, ANY_VAR_NAMES) + "=" + pick(c, ANY_VALUES) : ""));
            }
            case 4 -> out.add("ARG " + pick(c, ANY_VAR_NAMES) + (c.chance(0.5) ? "=" + pick(c, ANY_VALUES) : ""));
            case 5 -> out.add("WORKDIR " + pick(c, List.of("/app", "src", "$APP_HOME", "/home/app")));
            case 6 -> out.add("EXPOSE " + pick(c, ANY_PORTS));
            case 7 -> {
                String kw = c.chance(0.5) ? "ENTRYPOINT " : "CMD ";
                out.add(kw + (c.chance(0.5) ? "[\"/app\", \"--port\", \"8080\"]" : "/app --port 8080"));
            }
            case 8 -> out.add("RUN [\"/bin/sh\", \"-c\", \"" + pick(c, List.of("echo hi", "make", "id -u")) + "\"]");
            case 9 -> {
                String delim = pick(c, List.of("EOF", "'EOT'", "-END"));
                String end = delim.replace("'", "").replace("-", "");
                out.add("RUN " + (c.chance(0.2) ? "--mount=type=secret,id=token " : "") + "<<" + delim);
                out.add((delim.startsWith("-") ? "\t" : "") + "set -eu");
                out.add((delim.startsWith("-") ? "\t" : "") + pick(c, ANY_RUN));
                out.add(end);
            }
            case 10 -> {
                String flag = c.chance(0.4)
                        ? pick(c, List.of("--mount=type=cache,target=/root/.cache ", "--network=none ",
                                "--mount=type=bind,source=.,target=/src ")) : "";
                out.add("RUN " + flag + pick(c, ANY_RUN) + " && " + out.esc);
                if (c.chance(0.3)) {
                    out.add("    # a comment inside the continuation");
                }
                out.add("    " + pick(c, ANY_RUN));
            }
            case 11 -> {
                String src = pick(c, List.of("https://example.com/tool-1.0.tar.gz", "vendor.tar.gz", "config.yaml",
                        "https://github.com/acme/repo.git"));
                String flag = src.startsWith("https://example") && c.chance(0.5) ? "--checksum=" + digest(c.choose(4)) + " " : "";
                out.add("ADD " + flag + src + " /opt/");
            }
            case 12 -> out.add("HEALTHCHECK " + pick(c, List.of("NONE", "--interval=30s --timeout=3s CMD [\"/app\", \"health\"]",
                    "CMD wget -qO- http://localhost:8080/health || exit 1")));
            case 13 -> out.add("LABEL org.opencontainers.image.title=\"app\" version=1.0");
            case 14 -> out.add("ONBUILD " + pick(c, List.of("COPY . /src", "RUN make", "USER root")));
            case 15 -> out.add("VOLUME " + pick(c, List.of("/data", "[\"/var/lib/app\"]", "/tmp /cache")));
            default -> out.add(c.chance(0.5) ? "STOPSIGNAL SIGTERM" : "SHELL [\"/bin/sh\", \"-c\"]");
        }
    }

    /** A USER instruction in one of its forms: a value, or a variable declared just before. */
    private static void user(Choices c, Out out, List<String> values) {
        String u = pick(c, values);
        switch (c.choose(3)) {
            case 0 -> out.add("USER " + u);
            case 1 -> {
                out.add("ARG RUN_AS=" + u);
                out.add("USER ${RUN_AS}");
            }
            default -> {
                out.add("ENV APP_USER=" + u);
                out.add("USER $APP_USER");
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // compliant files

    private record Builder(String image, List<String> body, String artifact) {
    }

    private static final List<Builder> BUILDERS = List.of(
            new Builder("golang:1.22", List.of("WORKDIR /src", "COPY go.mod go.sum ./",
                    "RUN --mount=type=cache,target=/go/pkg/mod go mod download", "COPY . .",
                    "RUN CGO_ENABLED=0 go build -trimpath -o /out/app ./cmd/app"), "/out/app"),
            new Builder("maven:3.9-eclipse-temurin-21", List.of("WORKDIR /src", "COPY pom.xml .",
                    "RUN --mount=type=cache,target=/root/.m2 mvn -B -q dependency:go-offline", "COPY src ./src",
                    "RUN --mount=type=cache,target=/root/.m2 mvn -B -q package -DskipTests"), "/src/target/app.jar"),
            new Builder("node:20-alpine", List.of("WORKDIR /src", "COPY package.json package-lock.json ./",
                    "RUN npm ci --ignore-scripts", "COPY . .", "RUN npm run build"), "/src/dist"),
            new Builder("rust:1.79", List.of("WORKDIR /src", "COPY . .",
                    "RUN --mount=type=cache,target=/usr/local/cargo/registry cargo build --release"), "/src/target/release/app"));

    private static final List<String> NON_ROOT = List.of("nonroot", "10001", "10001:10001", "app:app", "65532:65532",
            "nobody");

    private static String pinned(Choices c, String imageWithTag) {
        return imageWithTag.equals("scratch") ? imageWithTag : imageWithTag + "@" + digest(c.choose(4));
    }

    private static String compliantText(Choices c) {
        Out out = header(c);
        boolean versionArg = c.chance(0.3);
        if (versionArg) {
            out.add("ARG APP_VERSION=1.2.3");
        }
        int builders = c.choose(3);
        List<String> names = new ArrayList<>();
        String artifact = null;
        for (int b = 0; b < builders; b++) {
            Builder builder = BUILDERS.get(c.choose(BUILDERS.size()));
            String name = b == 0 ? "build" : "build" + b;
            out.add("FROM " + pinned(c, builder.image()) + " AS " + name);
            if (versionArg) {
                out.add("ARG APP_VERSION");
            }
            int steps = 1 + c.choose(builder.body().size());
            for (int i = 0; i < steps; i++) {
                out.add(builder.body().get(i));
            }
            switch (c.choose(4)) {
                case 1 -> {
                    out.add("RUN <<EOF");
                    out.add("set -eu");
                    out.add("echo \"building $APP_VERSION\"");
                    out.add("EOF");
                }
                case 2 -> {
                    out.add("RUN echo building && " + out.esc);
                    out.add("    echo done");
                }
                case 3 -> out.add("RUN [\"/bin/sh\", \"-c\", \"echo exec form\"]");
                default -> {
                }
            }
            names.add(name);
            artifact = builder.artifact();
        }
        String base = pick(c, MINIMAL_FINAL);
        boolean named = c.chance(0.5);
        out.add("FROM " + pinned(c, base) + (named ? " AS runtime" : ""));
        String bin = "/app/" + pick(c, List.of("app", "server", "svc"));
        if (c.chance(0.3)) {
            out.add("WORKDIR /app");
        }
        if (names.isEmpty()) {
            out.add("COPY " + (c.chance(0.3) ? "--chmod=0755 " : "") + "app " + bin);
        } else {
            out.add("COPY --from=" + names.get(c.choose(names.size())) + " " + artifact + " " + bin);
        }
        String owner = pick(c, List.of("10001:10001", "nonroot:nonroot", "65532"));
        if (c.chance(0.3)) {
            out.add("COPY --chown=" + owner + " " + pick(c, List.of("data/ /app/data/", "seed.db /var/lib/app/state/seed.db",
                    "logs/ /app/logs/")));
        }
        if (c.chance(0.3)) {
            out.add("ENV " + pick(c, List.of("APP_ENV=production", "PORT=8080 APP_HOME=/app", "PATH=/app:$PATH",
                    "PASSWORD_FILE=/run/secrets/db")));
        }
        if (c.chance(0.2)) {
            out.add("LABEL org.opencontainers.image.source=\"https://github.com/acme/app\"");
        }
        if (c.chance(0.2)) {
            out.add("ADD --checksum=" + digest(c.choose(4)) + " https://example.com/assets-1.0.tar.gz /opt/assets/");
        }
        if (c.chance(0.2)) {
            out.add("ADD vendor.tar.gz /opt/vendor/");
        }
        if (c.chance(0.2)) {
            out.add("VOLUME [\"/var/lib/app\"]");
            if (c.chance(0.5)) {
                out.add("COPY --chown=" + owner + " initial/ /var/lib/app/");
            }
        }
        if (base.startsWith("alpine") && c.chance(0.4)) {
            out.add("RUN apk add --no-cache ca-certificates tzdata");
        }
        boolean exposeLate = c.chance(0.5);
        if (!exposeLate && c.chance(0.5)) {
            out.add("EXPOSE " + pick(c, List.of("8080", "8080/tcp 8443/tcp", "9000-9010")));
        }
        user(c, out, NON_ROOT);
        if (exposeLate && c.chance(0.5)) {
            out.add("EXPOSE 8080");
        }
        out.add("HEALTHCHECK " + (c.chance(0.4) ? "--interval=30s --timeout=3s " : "") + "CMD [\"" + bin + "\", \"health\"]");
        out.add("ENTRYPOINT [\"" + bin + "\"]");
        if (c.chance(0.3)) {
            out.add("CMD [\"serve\", \"--port\", \"8080\"]");
        }
        return out.text();
    }
}
