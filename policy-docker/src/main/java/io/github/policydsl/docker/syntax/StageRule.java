package io.github.policydsl.docker.syntax;

import io.github.policydsl.api.syntax.RuleSpec;
import io.github.policydsl.docker.Dockerfiles;
import io.github.policydsl.docker.StageSubject;
import io.github.policydsl.docker.condition.MinimalBaseImages;
import io.github.policydsl.docker.condition.StageConditions;

/**
 * A rule over stages: {@code stages().that().areFinal().must().runAsNonRoot()}. Immutable.
 * See {@link StageConditions} for what each condition checks.
 */
public final class StageRule extends DockerRule<StageSubject, StageRule> {

    StageRule(RuleSpec<Dockerfiles, StageSubject> spec) {
        super(spec);
    }

    @Override
    protected StageRule copy(RuleSpec<Dockerfiles, StageSubject> newSpec) {
        return new StageRule(newSpec);
    }

    /** An explicit USER resolving to a non-zero UID or a name other than root. */
    public StageRule runAsNonRoot() {
        return with(StageConditions.runAsNonRoot());
    }

    /** A base image pinned by digest; scratch and earlier stages pass. */
    public StageRule useDigestPinnedBaseImage() {
        return with(StageConditions.useDigestPinnedBaseImage());
    }

    /** A base image with a tag other than latest (or a digest). */
    public StageRule notUseLatestBaseImage() {
        return with(StageConditions.notUseLatestBaseImage());
    }

    /** A base image on the default minimal allow-list. */
    public StageRule useMinimalBaseImage() {
        return with(StageConditions.useMinimalBaseImage());
    }

    /**
     * A base image on an allow-list.
     *
     * @param allowed the allow-list
     * @return a new rule
     */
    public StageRule useMinimalBaseImage(MinimalBaseImages allowed) {
        return with(StageConditions.useMinimalBaseImage(allowed));
    }

    /** No compiler image, no build packages, no build tool runs. */
    public StageRule notCarryBuildToolchain() {
        return with(StageConditions.notCarryBuildToolchain());
    }

    /** No package-manager caches left in the image. */
    public StageRule notKeepPackageManagerCaches() {
        return with(StageConditions.notKeepPackageManagerCaches());
    }

    /** A HEALTHCHECK other than NONE. */
    public StageRule haveAHealthcheck() {
        return with(StageConditions.haveAHealthcheck());
    }

    /** COPY/ADD with --chown where the non-root user writes. */
    public StageRule chownFilesTheUserWrites() {
        return with(StageConditions.chownFilesTheUserWrites());
    }
}
