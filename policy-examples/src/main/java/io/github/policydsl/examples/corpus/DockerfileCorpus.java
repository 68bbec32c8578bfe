package io.github.policydsl.examples.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic generator of realistic Dockerfiles, for robustness tests and the parser
 * benchmark: official-image styles (Debian with long {@code set -eux; \} RUNs, Alpine with
 * virtual build dependencies), multi-stage Go, Java and Node builds, Windows images with
 * {@code # escape=`} and PowerShell, heredocs, ONBUILD triggers, CRLF line endings, a BOM, mixed
 * keyword case, comments and blank lines inside continuations. Every generated file records how
 * many instructions it holds, counted while writing (ONBUILD counts once), independently of the
 * parser.
 */
public final class DockerfileCorpus {

    /**
     * One generated file.
     *
     * @param relativePath the path below the corpus root
     * @param content the text
     * @param instructions the number of instructions written
     */
    public record Entry(String relativePath, String content, int instructions) {
    }

    private static final String[] KINDS = {"debian", "alpine", "go", "java", "node", "windows", "heredoc", "onbuild", "python"};

    private DockerfileCorpus() {
    }

    /**
     * Generates a corpus.
     *
     * @param files how many Dockerfiles
     * @param seed the random seed
     * @return the files, in order
     */
    public static List<Entry> generate(int files, long seed) {
        Random r = new Random(seed);
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            String kind = KINDS[i % KINDS.length];
            Builder b = new Builder(r, kind.equals("windows") ? '`' : '\\');
            switch (kind) {
                case "debian" -> debian(b);
                case "alpine" -> alpine(b);
                case "go" -> go(b);
                case "java" -> java(b);
                case "node" -> node(b);
                case "windows" -> windows(b);
                case "heredoc" -> heredoc(b);
                case "onbuild" -> onbuild(b);
                default -> python(b);
            }
            String name = switch (r.nextInt(6)) {
                case 0 -> "Dockerfile.prod";
                case 1 -> kind + ".Dockerfile";
                case 2 -> "Containerfile";
                default -> "Dockerfile";
            };
            out.add(new Entry(String.format(Locale.ROOT, "%04d-%s/%s", i, kind, name), b.text(), b.count));
        }
        return out;
    }

    /**
     * Writes a corpus below a directory, plus a {@code Dockerfile.dockerignore} next to some files
     * (which scanners must not take for Dockerfiles).
     *
     * @param root the directory
     * @param entries the files
     * @return the instruction count per written path
     * @throws IOException when writing fails
     */
    public static Map<Path, Integer> write(Path root, List<Entry> entries) throws IOException {
        Map<Path, Integer> counts = new LinkedHashMap<>();
        int n = 0;
        for (Entry e : entries) {
            Path p = root.resolve(e.relativePath());
            Files.createDirectories(p.getParent());
            Files.write(p, e.content().getBytes(StandardCharsets.UTF_8));
            counts.put(p, e.instructions());
            if (n++ % 7 == 0) {
                Files.writeString(p.getParent().resolve("Dockerfile.dockerignore"), "node_modules\n.git\n");
            }
        }
        return counts;
    }

    /** Accumulates lines and counts instructions. */
    static final class Builder {
        final Random r;
        final char esc;
        final StringBuilder sb = new StringBuilder();
        int count;
        final String eol;

        Builder(Random r, char esc) {
            this.r = r;
            this.esc = esc;
            this.eol = r.nextInt(10) == 0 ? "\r\n" : "\n";
            if (r.nextInt(25) == 0) {
                sb.append('\uFEFF');
            }
            if (esc == '`') {
                line("# escape=`");
            } else if (r.nextBoolean()) {
                line("# syntax=docker/dockerfile:1");
            }
        }

        String kw(String k) {
            return switch (r.nextInt(12)) {
                case 0 -> k.toLowerCase(Locale.ROOT);
                case 1 -> k.charAt(0) + k.substring(1).toLowerCase(Locale.ROOT);
                default -> k;
            };
        }

        void line(String s) {
            sb.append(s).append(eol);
        }

        void noise() {
            int k = r.nextInt(6);
            if (k == 0) {
                line("");
            } else if (k == 1) {
                line("# " + pick("install dependencies", "see https://example.com/docs", "TODO: pin", "runtime"));
            }
        }

        /** One instruction, possibly continued over several lines. */
        void inst(String keyword, String... lines) {
            noise();
            StringBuilder s = new StringBuilder(kw(keyword)).append(' ').append(lines[0]);
            for (int i = 1; i < lines.length; i++) {
                s.append(' ').append(esc).append(eol);
                if (r.nextInt(15) == 0) {
                    s.append("    # a comment inside the continuation").append(eol);
                }
                s.append("    ").append(lines[i]);
            }
            line(s.toString());
            count++;
        }

        /** An instruction followed by heredoc bodies (counted once). */
        void heredocInst(String header, String body) {
            noise();
            sb.append(header).append(eol).append(body.replace("\n", eol));
            count++;
        }

        String pick(String... options) {
            return options[r.nextInt(options.length)];
        }

        String text() {
            return sb.toString();
        }
    }

    static void debian(Builder b) {
        String v = b.pick("bookworm", "bullseye", "bookworm-slim");
        b.inst("FROM", "debian:" + v);
        b.inst("LABEL", "org.opencontainers.image.source=\"https://example.com/x\"", "maintainer=\"ops@example.com\"");
        b.inst("ENV", "LANG=C.UTF-8", "GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D", "APP_VERSION=1." + b.r.nextInt(30));
        b.inst("RUN", "set -eux;", "apt-get update;", "apt-get install -y --no-install-recommends ca-certificates curl gnupg;",
                "rm -rf /var/lib/apt/lists/*");
        b.inst("RUN", "groupadd -r app && useradd -r -g app app");
        if (b.r.nextBoolean()) {
            b.inst("VOLUME", "/data");
        }
        b.inst("COPY", "docker-entrypoint.sh /usr/local/bin/");
        b.inst("ENTRYPOINT", "[\"docker-entrypoint.sh\"]");
        b.inst("EXPOSE", b.pick("6379", "80 443", "5432/tcp"));
        b.inst("USER", b.pick("app", "1000:1000", "root"));
        b.inst("CMD", b.pick("[\"server\"]", "server --port 80"));
    }

    static void alpine(Builder b) {
        b.inst("FROM", "alpine:3." + (16 + b.r.nextInt(5)));
        b.inst("ARG", "VERSION=" + b.r.nextInt(10) + ".0");
        b.inst("RUN", "apk add --no-cache --virtual .build-deps gcc musl-dev make", "&& make -j\"$(nproc)\"",
                "&& apk del .build-deps");
        b.inst("RUN", "addgroup -S app && adduser -S app -G app");
        b.inst("WORKDIR", "/srv");
        b.inst("COPY", "--chown=app:app . .");
        b.inst("USER", "app");
        b.inst("HEALTHCHECK", "--interval=30s --timeout=3s CMD wget -qO- http://localhost:8080/health || exit 1");
        b.inst("CMD", "[\"/srv/run\"]");
    }

    static void go(Builder b) {
        b.inst("ARG", "GO_VERSION=1.2" + b.r.nextInt(4));
        b.inst("FROM", "--platform=$BUILDPLATFORM golang:${GO_VERSION} AS build");
        b.inst("WORKDIR", "/src");
        b.inst("COPY", "go.mod go.sum ./");
        b.inst("RUN", "--mount=type=cache,target=/go/pkg/mod go mod download");
        b.inst("COPY", ". .");
        b.inst("ARG", "TARGETOS TARGETARCH");
        b.inst("RUN", "--mount=type=cache,target=/root/.cache/go-build", "CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH",
                "go build -trimpath -ldflags=\"-s -w\" -o /out/app ./cmd/app");
        b.inst("FROM", b.pick("gcr.io/distroless/static-debian12:nonroot", "scratch", "alpine:3.20"));
        b.inst("COPY", "--from=build /out/app /app");
        b.inst("USER", b.pick("nonroot", "65532:65532"));
        b.inst("ENTRYPOINT", "[\"/app\"]");
    }

    static void java(Builder b) {
        b.inst("FROM", "maven:3.9-eclipse-temurin-21 AS build");
        b.inst("WORKDIR", "/build");
        b.inst("COPY", "pom.xml .");
        b.inst("RUN", "--mount=type=cache,target=/root/.m2 mvn -B dependency:go-offline");
        b.inst("COPY", "src ./src");
        b.inst("RUN", "--mount=type=cache,target=/root/.m2 mvn -B -DskipTests package");
        b.inst("FROM", "eclipse-temurin:21-jre");
        b.inst("RUN", "useradd --system --uid 10001 app");
        b.inst("COPY", "--from=build /build/target/app.jar /opt/app/app.jar");
        b.inst("ENV", "JAVA_OPTS=\"-XX:MaxRAMPercentage=75\"");
        b.inst("USER", "10001");
        b.inst("EXPOSE", "8080");
        b.inst("HEALTHCHECK", "--interval=10s --start-period=30s --retries=3", "CMD [\"java\", \"-version\"]");
        b.inst("ENTRYPOINT", "[\"java\", \"-jar\", \"/opt/app/app.jar\"]");
    }

    static void node(Builder b) {
        b.inst("FROM", "node:20 AS deps");
        b.inst("WORKDIR", "/app");
        b.inst("COPY", "package.json package-lock.json ./");
        b.inst("RUN", "--mount=type=secret,id=npmrc,target=/root/.npmrc npm ci --omit=dev");
        b.inst("FROM", "node:20-slim");
        b.inst("ENV", "NODE_ENV=production");
        b.inst("WORKDIR", "/app");
        b.inst("COPY", "--from=deps /app/node_modules ./node_modules");
        b.inst("COPY", "--chown=node:node . .");
        b.inst("USER", "node");
        b.inst("EXPOSE", "3000");
        b.inst("CMD", "[\"node\", \"server.js\"]");
    }

    static void windows(Builder b) {
        b.inst("FROM", "mcr.microsoft.com/windows/servercore:ltsc" + b.pick("2019", "2022"));
        b.inst("SHELL", "[\"powershell\", \"-Command\", \"$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';\"]");
        b.inst("ENV", "APP_HOME=C:\\app");
        b.inst("RUN", "Invoke-WebRequest -Uri https://example.com/app.zip -OutFile app.zip;",
                "Expand-Archive app.zip -DestinationPath C:\\app;", "Remove-Item app.zip -Force");
        b.inst("WORKDIR", "C:\\app");
        b.inst("COPY", "config.json C:/app/");
        b.inst("USER", "ContainerUser");
        b.inst("EXPOSE", "80");
        b.inst("ENTRYPOINT", "[\"C:\\\\app\\\\app.exe\"]");
    }

    static void heredoc(Builder b) {
        b.inst("FROM", "ubuntu:24.04");
        b.heredocInst("RUN <<EOF", "set -e\napt-get update\napt-get install -y --no-install-recommends nginx\nrm -rf /var/lib/apt/lists/*\nEOF\n");
        b.heredocInst("COPY <<-EOT /etc/nginx/conf.d/default.conf", "\tserver {\n\t  listen 8080;\n\t}\n\tEOT\n");
        b.heredocInst("RUN <<A bash && cat <<B > /etc/motd", "echo one\nA\nhello\nB\n");
        b.inst("USER", "www-data");
        b.inst("CMD", "[\"nginx\", \"-g\", \"daemon off;\"]");
    }

    static void onbuild(Builder b) {
        b.inst("FROM", "python:3.12-slim");
        b.inst("WORKDIR", "/usr/src/app");
        b.inst("ONBUILD", "COPY requirements.txt /usr/src/app/");
        b.inst("ONBUILD", "RUN pip install --no-cache-dir -r requirements.txt");
        b.inst("ONBUILD", "COPY . /usr/src/app");
        b.inst("CMD", "[\"python3\"]");
    }

    static void python(Builder b) {
        b.inst("FROM", "python:3.1" + (0 + b.r.nextInt(3)) + "-slim AS base");
        b.inst("ENV", "PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1");
        b.inst("FROM", "base AS builder");
        b.inst("RUN", "pip install --no-cache-dir --prefix=/install -r /tmp/requirements.txt");
        b.inst("FROM", "base");
        b.inst("COPY", "--from=builder /install /usr/local");
        b.inst("ADD", "--checksum=sha256:" + "0123456789abcdef".repeat(4) + " https://example.com/tini /tini");
        b.inst("RUN", "chmod +x /tini && useradd -m app");
        b.inst("USER", "app");
        b.inst("ENTRYPOINT", "[\"/tini\", \"--\"]");
        b.inst("CMD", "python -m app");
    }
}
