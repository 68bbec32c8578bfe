package io.github.policydsl.docker.packs;

import static io.github.policydsl.docker.DockerRules.instructions;
import static io.github.policydsl.docker.DockerRules.stages;

import io.github.policydsl.api.Policy;
import io.github.policydsl.api.Severity;
import io.github.policydsl.docker.Dockerfiles;
import io.github.policydsl.docker.ast.AddInstruction;
import io.github.policydsl.docker.ast.ArgInstruction;
import io.github.policydsl.docker.ast.CmdInstruction;
import io.github.policydsl.docker.ast.CopyInstruction;
import io.github.policydsl.docker.ast.EntrypointInstruction;
import io.github.policydsl.docker.ast.EnvInstruction;
import io.github.policydsl.docker.ast.ExposeInstruction;
import io.github.policydsl.docker.ast.RunInstruction;

/**
 * The {@code dockerfile} pack: the Dockerfile hardening checklist. Rule ids are stable once
 * released. Every rule allows an empty selection (a file without ADD has nothing to check).
 * Findings can be exempted inline with {@code # policy:ignore=<rule-id> reason} above the
 * instruction or the stage's FROM.
 *
 * <table>
 * <caption>Rules</caption>
 * <tr><th>id</th><th>level</th><th>severity</th></tr>
 * <tr><td>{@value #FINAL_NOT_ROOT}</td><td>must</td><td>HIGH</td></tr>
 * <tr><td>{@value #BASE_DIGEST}</td><td>must</td><td>MEDIUM</td></tr>
 * <tr><td>{@value #BASE_NO_LATEST}</td><td>must</td><td>HIGH</td></tr>
 * <tr><td>{@value #BASE_MINIMAL}</td><td>must</td><td>MEDIUM</td></tr>
 * <tr><td>{@value #NO_BUILD_TOOLCHAIN}</td><td>must</td><td>MEDIUM</td></tr>
 * <tr><td>{@value #NO_PACKAGE_CACHE}</td><td>must</td><td>LOW</td></tr>
 * <tr><td>{@value #SECRETS_ENV_ARG}</td><td>must</td><td>CRITICAL</td></tr>
 * <tr><td>{@value #SECRETS_FILES}</td><td>must</td><td>HIGH</td></tr>
 * <tr><td>{@value #ADD_LOCAL}</td><td>must</td><td>LOW</td></tr>
 * <tr><td>{@value #ADD_CHECKSUM}</td><td>must</td><td>HIGH</td></tr>
 * <tr><td>{@value #CURL_PIPE_SHELL}</td><td>must</td><td>HIGH</td></tr>
 * <tr><td>{@value #NO_SUDO}</td><td>must</td><td>MEDIUM</td></tr>
 * <tr><td>{@value #EXEC_FORM}</td><td>must</td><td>LOW</td></tr>
 * <tr><td>{@value #NO_SSH_PORT}</td><td>must</td><td>HIGH</td></tr>
 * <tr><td>{@value #HEALTHCHECK}</td><td>should</td><td>LOW</td></tr>
 * <tr><td>{@value #COPY_CHOWN}</td><td>should</td><td>LOW</td></tr>
 * </table>
 */
public final class DockerfilePack {

    /** The pack name. */
    public static final String NAME = "dockerfile";
    /** The pack version; rules are only added in a new version. */
    public static final String VERSION = "1.0.0";

    /** Id: the final stage runs as a non-root user. */
    public static final String FINAL_NOT_ROOT = "docker.user.final-not-root";
    /** Id: base images pinned by digest. */
    public static final String BASE_DIGEST = "docker.base.pinned-digest";
    /** Id: base images not latest or untagged. */
    public static final String BASE_NO_LATEST = "docker.base.no-latest";
    /** Id: the final stage builds on a minimal image. */
    public static final String BASE_MINIMAL = "docker.base.minimal";
    /** Id: the final stage carries no build tool chain. */
    public static final String NO_BUILD_TOOLCHAIN = "docker.final.no-build-toolchain";
    /** Id: the final stage keeps no package-manager caches. */
    public static final String NO_PACKAGE_CACHE = "docker.final.no-package-cache";
    /** Id: no secret-like ENV/ARG. */
    public static final String SECRETS_ENV_ARG = "docker.secrets.env-arg";
    /** Id: no key files copied. */
    public static final String SECRETS_FILES = "docker.secrets.key-files";
    /** Id: COPY instead of ADD for local files. */
    public static final String ADD_LOCAL = "docker.add.use-copy";
    /** Id: remote ADD with --checksum. */
    public static final String ADD_CHECKSUM = "docker.add.remote-checksum";
    /** Id: no curl | sh. */
    public static final String CURL_PIPE_SHELL = "docker.run.no-pipe-to-shell";
    /** Id: no sudo. */
    public static final String NO_SUDO = "docker.run.no-sudo";
    /** Id: exec-form CMD/ENTRYPOINT. */
    public static final String EXEC_FORM = "docker.cmd.exec-form";
    /** Id: no EXPOSE 22. */
    public static final String NO_SSH_PORT = "docker.expose.no-ssh";
    /** Id: the final stage has a HEALTHCHECK (should). */
    public static final String HEALTHCHECK = "docker.final.healthcheck";
    /** Id: COPY --chown where the non-root user writes (should). */
    public static final String COPY_CHOWN = "docker.copy.chown-writable";

    private static final Policy<Dockerfiles> POLICY = Policy.<Dockerfiles>named(NAME, VERSION).include(
            stages().that().areFinal().must().runAsNonRoot()
                    .withId(FINAL_NOT_ROOT).withSeverity(Severity.HIGH).allowEmptyShould(true)
                    .withRemediation("add USER with a non-zero UID or a non-root name (e.g. USER 10001 or USER nonroot) to the final stage"),
            stages().must().useDigestPinnedBaseImage()
                    .withId(BASE_DIGEST).withSeverity(Severity.MEDIUM).allowEmptyShould(true)
                    .withRemediation("pin the base image by digest: FROM image:tag@sha256:<digest>"),
            stages().must().notUseLatestBaseImage()
                    .withId(BASE_NO_LATEST).withSeverity(Severity.HIGH).allowEmptyShould(true)
                    .withRemediation("name an explicit version tag (and a digest) instead of latest or no tag"),
            stages().that().areFinal().must().useMinimalBaseImage()
                    .withId(BASE_MINIMAL).withSeverity(Severity.MEDIUM).allowEmptyShould(true)
                    .withRemediation("build the final stage on a minimal image: distroless, scratch, alpine or a -slim variant"),
            stages().that().areFinal().must().notCarryBuildToolchain()
                    .withId(NO_BUILD_TOOLCHAIN).withSeverity(Severity.MEDIUM).allowEmptyShould(true)
                    .withRemediation("build in a builder stage and COPY --from=builder only the artifacts into the final stage"),
            stages().that().areFinal().must().notKeepPackageManagerCaches()
                    .withId(NO_PACKAGE_CACHE).withSeverity(Severity.LOW).allowEmptyShould(true)
                    .withRemediation("clean caches in the same RUN (rm -rf /var/lib/apt/lists/*, apk add --no-cache, pip --no-cache-dir) or use RUN --mount=type=cache"),
            instructions().that().areOfType(EnvInstruction.class, ArgInstruction.class).must().notDeclareSecrets()
                    .withId(SECRETS_ENV_ARG).withSeverity(Severity.CRITICAL).allowEmptyShould(true)
                    .withRemediation("pass secrets at build time with RUN --mount=type=secret,id=... and at run time from the platform"),
            instructions().that().areOfType(CopyInstruction.class, AddInstruction.class).must().notCopySecretFiles()
                    .withId(SECRETS_FILES).withSeverity(Severity.HIGH).allowEmptyShould(true)
                    .withRemediation("do not copy keys into the image; use RUN --mount=type=secret (or type=ssh) and .dockerignore"),
            instructions(AddInstruction.class).must().useCopyForLocalFiles()
                    .withId(ADD_LOCAL).withSeverity(Severity.LOW).allowEmptyShould(true)
                    .withRemediation("replace ADD with COPY for local files and directories"),
            instructions(AddInstruction.class).must().verifyRemoteAddChecksum()
                    .withId(ADD_CHECKSUM).withSeverity(Severity.HIGH).allowEmptyShould(true)
                    .withRemediation("add --checksum=sha256:<hash> to ADD <url>, or download and verify in a RUN"),
            instructions(RunInstruction.class).must().notPipeDownloadsToShell()
                    .withId(CURL_PIPE_SHELL).withSeverity(Severity.HIGH).allowEmptyShould(true)
                    .withRemediation("download to a file, verify its checksum or signature, then run it"),
            instructions(RunInstruction.class).mustNot().invoke("sudo")
                    .withId(NO_SUDO).withSeverity(Severity.MEDIUM).allowEmptyShould(true)
                    .withRemediation("drop sudo: RUN as root before USER, or switch USER around the command"),
            instructions().that().areOfType(CmdInstruction.class, EntrypointInstruction.class).must().useExecForm()
                    .withId(EXEC_FORM).withSeverity(Severity.LOW).allowEmptyShould(true)
                    .withRemediation("write CMD/ENTRYPOINT as a JSON array: ENTRYPOINT [\"/app\", \"--flag\"]"),
            instructions(ExposeInstruction.class).must().notExposePort(22)
                    .withId(NO_SSH_PORT).withSeverity(Severity.HIGH).allowEmptyShould(true)
                    .withRemediation("do not run sshd in containers; use docker exec / kubectl exec for access"),
            stages().that().areFinal().should().haveAHealthcheck()
                    .withId(HEALTHCHECK).withSeverity(Severity.LOW).allowEmptyShould(true)
                    .withRemediation("add HEALTHCHECK CMD [...] (or rely on orchestrator probes and exempt this rule)"),
            stages().that().areFinal().should().chownFilesTheUserWrites()
                    .withId(COPY_CHOWN).withSeverity(Severity.LOW).allowEmptyShould(true)
                    .withRemediation("use COPY --chown=<user>:<group> for files the non-root user writes, instead of RUN chown"));

    private DockerfilePack() {
    }

    /**
     * The pack.
     *
     * @return the policy
     */
    public static Policy<Dockerfiles> policy() {
        return POLICY;
    }

}
