package io.github.policydsl.docker.testing;

import io.github.policydsl.docker.ast.AddInstruction;
import io.github.policydsl.docker.ast.CopyInstruction;
import io.github.policydsl.docker.ast.Dockerfile;
import io.github.policydsl.docker.ast.EntrypointInstruction;
import io.github.policydsl.docker.ast.Flag;
import io.github.policydsl.docker.ast.FromInstruction;
import io.github.policydsl.docker.ast.HealthcheckInstruction;
import io.github.policydsl.docker.ast.Instruction;
import io.github.policydsl.docker.ast.Stage;
import io.github.policydsl.docker.ast.UserInstruction;
import io.github.policydsl.docker.packs.DockerfilePack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The weakening operators for the rules of the {@code dockerfile} pack ({@link DockerfilePack}):
 * at least one per rule, each naming the rule that must catch it and the rules it also affects by
 * design. They edit Dockerfile text through its parsed AST (instruction positions), so the
 * mutated text keeps everything else byte for byte; they assume the layout of
 * {@link DockerfileGenerators#compliantDockerfileTexts()} (FROM, USER, ENTRYPOINT, COPY and
 * HEALTHCHECK on one line each, the final stage last).
 *
 * <p>Documented overlaps: replacing a pinned base with {@code :latest} or with no tag also drops the
 * digest ({@value DockerfilePack#BASE_DIGEST}); rebasing the final stage on a compiler image also
 * makes it non-minimal ({@value DockerfilePack#BASE_MINIMAL}).
 */
public final class DockerMutations {

    private static final String PINNED_UBUNTU = "ubuntu:24.04@" + DockerfileGenerators.digest(100);
    private static final String PINNED_GOLANG = "golang:1.22@" + DockerfileGenerators.digest(101);

    private DockerMutations() {
    }

    /**
     * The mutations for every rule of the {@code dockerfile} pack.
     *
     * @return the mutations, grouped by target rule
     */
    public static List<DockerMutation> dockerfilePack() {
        List<DockerMutation> m = new ArrayList<>();
        // docker.user.final-not-root
        m.add(of("append USER root to the final stage", DockerfilePack.FINAL_NOT_ROOT, Set.of(),
                t -> Optional.of(append(t, "USER root"))));
        m.add(of("set the final stage's USER to 0:0", DockerfilePack.FINAL_NOT_ROOT, Set.of(),
                t -> lastOfFinal(t, UserInstruction.class).map(u -> replace(t, u, "USER 0:0"))));
        m.add(of("USER through a variable that resolves to 0", DockerfilePack.FINAL_NOT_ROOT, Set.of(),
                t -> lastOfFinal(t, UserInstruction.class).map(u -> replace(t, u, "ARG RUN_AS_UID=0", "USER ${RUN_AS_UID}"))));
        m.add(of("remove every USER of the final stage", DockerfilePack.FINAL_NOT_ROOT, Set.of(),
                t -> removeAll(t, UserInstruction.class)));
        // docker.base.pinned-digest
        m.add(of("drop the digest of the first pinned base image", DockerfilePack.BASE_DIGEST, Set.of(),
                t -> firstPinnedFrom(t).map(f -> replaceImage(t, f, withoutDigest(f.image())))));
        // docker.base.no-latest
        m.add(of("replace tag and digest of the first pinned base with :latest", DockerfilePack.BASE_NO_LATEST,
                Set.of(DockerfilePack.BASE_DIGEST),
                t -> firstPinnedFrom(t).map(f -> replaceImage(t, f, repository(f.image()) + ":latest"))));
        m.add(of("drop tag and digest of the first pinned base (implicit latest)", DockerfilePack.BASE_NO_LATEST,
                Set.of(DockerfilePack.BASE_DIGEST),
                t -> firstPinnedFrom(t).map(f -> replaceImage(t, f, repository(f.image())))));
        m.add(of("insert a stage FROM node:latest before the first stage", DockerfilePack.BASE_NO_LATEST,
                Set.of(DockerfilePack.BASE_DIGEST), t -> {
                    Dockerfile df = DockerfileGenerators.parse(t);
                    return Optional.of(insertBefore(t, df.stages().get(0).from(), "FROM node:latest AS tools",
                            "RUN node --version"));
                }));
        // docker.base.minimal
        m.add(of("rebase the final stage on ubuntu:24.04 (pinned)", DockerfilePack.BASE_MINIMAL, Set.of(),
                t -> Optional.of(replaceImage(t, finalStage(t).from(), PINNED_UBUNTU))));
        // docker.final.no-build-toolchain
        m.add(of("append RUN make to the final stage", DockerfilePack.NO_BUILD_TOOLCHAIN, Set.of(),
                t -> Optional.of(append(t, "RUN make"))));
        m.add(of("install build-essential in the final stage", DockerfilePack.NO_BUILD_TOOLCHAIN, Set.of(),
                t -> Optional.of(append(t, "RUN apt-get update && apt-get install -y --no-install-recommends "
                        + "build-essential && rm -rf /var/lib/apt/lists/*"))));
        m.add(of("rebase the final stage on golang:1.22 (pinned)", DockerfilePack.NO_BUILD_TOOLCHAIN,
                Set.of(DockerfilePack.BASE_MINIMAL),
                t -> Optional.of(replaceImage(t, finalStage(t).from(), PINNED_GOLANG))));
        // docker.final.no-package-cache
        m.add(of("append RUN apk add curl (without --no-cache)", DockerfilePack.NO_PACKAGE_CACHE, Set.of(),
                t -> Optional.of(append(t, "RUN apk add curl"))));
        m.add(of("append RUN apt-get install without removing the lists", DockerfilePack.NO_PACKAGE_CACHE, Set.of(),
                t -> Optional.of(append(t, "RUN apt-get update && apt-get install -y curl"))));
        m.add(of("append RUN pip install without --no-cache-dir", DockerfilePack.NO_PACKAGE_CACHE, Set.of(),
                t -> Optional.of(append(t, "RUN pip install requests"))));
        // docker.secrets.env-arg
        m.add(of("append ENV DB_PASSWORD=changeme", DockerfilePack.SECRETS_ENV_ARG, Set.of(),
                t -> Optional.of(append(t, "ENV DB_PASSWORD=changeme"))));
        m.add(of("append ARG GITHUB_TOKEN", DockerfilePack.SECRETS_ENV_ARG, Set.of(),
                t -> Optional.of(append(t, "ARG GITHUB_TOKEN"))));
        m.add(of("append ENV holding an AWS access key id", DockerfilePack.SECRETS_ENV_ARG, Set.of(),
                t -> Optional.of(append(t, "ENV UPLOAD_ID=AKIAIOSFODNN7QWERTYU"))));
        // docker.secrets.key-files
        m.add(of("append COPY .env /app/.env", DockerfilePack.SECRETS_FILES, Set.of(),
                t -> Optional.of(append(t, "COPY .env /app/.env"))));
        m.add(of("append COPY id_rsa into ~/.ssh/", DockerfilePack.SECRETS_FILES, Set.of(),
                t -> Optional.of(append(t, "COPY id_rsa /home/nonroot/.ssh/"))));
        // docker.add.use-copy
        m.add(of("turn the final stage's local COPY into ADD", DockerfilePack.ADD_LOCAL, Set.of(), t -> {
            for (Instruction in : finalStage(t).instructions()) {
                if (in instanceof CopyInstruction c && c.from().isEmpty() && c.heredocs().isEmpty()
                        && line(t, in).startsWith("COPY ")) {
                    return Optional.of(replace(t, in, "ADD " + line(t, in).substring("COPY ".length())));
                }
            }
            return Optional.empty();
        }));
        m.add(of("append ADD config.yaml /etc/app/", DockerfilePack.ADD_LOCAL, Set.of(),
                t -> Optional.of(append(t, "ADD config.yaml /etc/app/"))));
        // docker.add.remote-checksum
        m.add(of("drop --checksum from a remote ADD", DockerfilePack.ADD_CHECKSUM, Set.of(),
                t -> dropFlag(t, AddInstruction.class, "checksum")));
        m.add(of("append ADD of a URL without --checksum", DockerfilePack.ADD_CHECKSUM, Set.of(),
                t -> Optional.of(append(t, "ADD https://example.com/tool-2.0.tar.gz /opt/tool/"))));
        // docker.run.no-pipe-to-shell
        m.add(of("append RUN curl ... | sh", DockerfilePack.CURL_PIPE_SHELL, Set.of(),
                t -> Optional.of(append(t, "RUN curl -fsSL https://get.example.com/install.sh | sh"))));
        m.add(of("append RUN wget -qO- ... | bash", DockerfilePack.CURL_PIPE_SHELL, Set.of(),
                t -> Optional.of(append(t, "RUN wget -qO- https://get.example.com/install.sh | bash"))));
        // docker.run.no-sudo
        m.add(of("append RUN sudo mkdir", DockerfilePack.NO_SUDO, Set.of(),
                t -> Optional.of(append(t, "RUN sudo mkdir -p /app/run"))));
        // docker.cmd.exec-form
        m.add(of("rewrite the ENTRYPOINT in shell form", DockerfilePack.EXEC_FORM, Set.of(),
                t -> lastOfFinal(t, EntrypointInstruction.class).map(e -> replace(t, e,
                        "ENTRYPOINT " + String.join(" ", ((EntrypointInstruction) e).command())))));
        m.add(of("append CMD in shell form", DockerfilePack.EXEC_FORM, Set.of(),
                t -> Optional.of(append(t, "CMD serve --port 8080"))));
        // docker.expose.no-ssh
        m.add(of("append EXPOSE 22", DockerfilePack.NO_SSH_PORT, Set.of(), t -> Optional.of(append(t, "EXPOSE 22"))));
        m.add(of("append EXPOSE 20-25/tcp", DockerfilePack.NO_SSH_PORT, Set.of(),
                t -> Optional.of(append(t, "EXPOSE 20-25/tcp"))));
        m.add(of("append EXPOSE of a variable set to 22", DockerfilePack.NO_SSH_PORT, Set.of(),
                t -> Optional.of(append(t, "ARG SSH_PORT=22", "EXPOSE ${SSH_PORT}"))));
        // docker.final.healthcheck
        m.add(of("remove the HEALTHCHECK", DockerfilePack.HEALTHCHECK, Set.of(),
                t -> removeAll(t, HealthcheckInstruction.class)));
        m.add(of("append HEALTHCHECK NONE", DockerfilePack.HEALTHCHECK, Set.of(),
                t -> Optional.of(append(t, "HEALTHCHECK NONE"))));
        // docker.copy.chown-writable
        m.add(of("append COPY data/ /app/data/ without --chown", DockerfilePack.COPY_CHOWN, Set.of(),
                t -> Optional.of(append(t, "COPY data/ /app/data/"))));
        m.add(of("append a VOLUME and a COPY into it without --chown", DockerfilePack.COPY_CHOWN, Set.of(),
                t -> Optional.of(append(t, "VOLUME /srv/app", "COPY seed/ /srv/app/"))));
        m.add(of("drop --chown from a COPY of the final stage", DockerfilePack.COPY_CHOWN, Set.of(),
                t -> dropFlag(t, CopyInstruction.class, "chown")));
        return List.copyOf(m);
    }

    private static DockerMutation of(String name, String rule, Set<String> also, Function<String, Optional<String>> f) {
        return new DockerMutation(name, rule, also, f);
    }

    // ------------------------------------------------------------------------------------------
    // text edits through the AST

    private static List<String> lines(String text) {
        return new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines);
    }

    private static String line(String text, Instruction in) {
        return lines(text).get(in.range().startLine() - 1);
    }

    private static String append(String text, String... more) {
        StringBuilder sb = new StringBuilder(text);
        if (!text.endsWith("\n")) {
            sb.append('\n');
        }
        for (String l : more) {
            sb.append(l).append('\n');
        }
        return sb.toString();
    }

    private static String replace(String text, Instruction in, String... replacement) {
        List<String> lines = lines(text);
        int start = in.range().startLine() - 1;
        int end = in.range().endLine() - 1;
        for (int i = end; i >= start; i--) {
            lines.remove(i);
        }
        lines.addAll(start, List.of(replacement));
        return join(lines);
    }

    private static String insertBefore(String text, Instruction in, String... inserted) {
        List<String> lines = lines(text);
        lines.addAll(in.range().startLine() - 1, List.of(inserted));
        return join(lines);
    }

    private static Stage finalStage(String text) {
        return DockerfileGenerators.parse(text).finalStage()
                .orElseThrow(() -> new IllegalArgumentException("the Dockerfile has no stage"));
    }

    private static Optional<Instruction> lastOfFinal(String text, Class<? extends Instruction> type) {
        List<Instruction> ins = finalStage(text).instructions();
        for (int i = ins.size() - 1; i >= 0; i--) {
            if (type.isInstance(ins.get(i))) {
                return Optional.of(ins.get(i));
            }
        }
        return Optional.empty();
    }

    /** Removes every instruction of a type from the final stage; empty when there is none. */
    private static Optional<String> removeAll(String text, Class<? extends Instruction> type) {
        List<Instruction> found = finalStage(text).instructions().stream().filter(type::isInstance).toList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = lines(text);
        for (int k = found.size() - 1; k >= 0; k--) {
            Instruction in = found.get(k);
            for (int i = in.range().endLine() - 1; i >= in.range().startLine() - 1; i--) {
                lines.remove(i);
            }
        }
        return Optional.of(join(lines));
    }

    /** Removes a flag from the first instruction of the final stage that has it; empty when none has. */
    private static Optional<String> dropFlag(String text, Class<? extends Instruction> type, String flag) {
        for (Instruction in : finalStage(text).instructions()) {
            if (!type.isInstance(in)) {
                continue;
            }
            for (Flag f : in.flags()) {
                if (f.name().equals(flag)) {
                    String l = line(text, in);
                    int at = l.indexOf(" " + f.text());
                    if (at >= 0) {
                        return Optional.of(replace(text, in, l.substring(0, at) + l.substring(at + 1 + f.text().length())));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<FromInstruction> firstPinnedFrom(String text) {
        for (Stage s : DockerfileGenerators.parse(text).stages()) {
            if (s.from().image().contains("@")) {
                return Optional.of(s.from());
            }
        }
        return Optional.empty();
    }

    /** Rewrites a FROM line with another image, keeping its flags and stage name. */
    private static String replaceImage(String text, FromInstruction from, String image) {
        StringBuilder sb = new StringBuilder("FROM ");
        for (Flag f : from.flags()) {
            sb.append(f.text()).append(' ');
        }
        sb.append(image);
        from.stageName().ifPresent(n -> sb.append(" AS ").append(n));
        return replace(text, from, sb.toString());
    }

    private static String withoutDigest(String image) {
        int at = image.indexOf('@');
        return at < 0 ? image : image.substring(0, at);
    }

    /** The image without digest and tag. */
    static String repository(String image) {
        String ref = withoutDigest(image);
        int slash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        return colon > slash ? ref.substring(0, colon) : ref;
    }
}
