package io.github.policydsl.k8s.pss;

import io.github.policydsl.k8s.internal.pss.CheckRegistry;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Pod Security Standards policy version: either a concrete {@code v1.<minor>} or the symbol
 * {@code latest}.
 *
 * <p>{@code latest} is not the Kubernetes version of a cluster: it is the newest policy revision
 * this library knows, which is the highest minimum version of any check variant it implements
 * (see {@link #resolve()} and {@link PodSecurityChecks#latestVersion()}). Concrete versions above
 * that are evaluated like {@code latest}.
 *
 * <p>Instances are immutable values. Ordering puts {@code latest} after every concrete version.
 * {@link #toString()} gives the form that {@link #parse(String)} accepts, so the version a user
 * asked for is kept ({@code restricted:latest}, not {@code restricted:v1.37}).
 */
public final class PssVersion implements Comparable<PssVersion> {

    private static final Pattern PATTERN = Pattern.compile("v1\\.(0|[1-9][0-9]{0,8})");
    private static final PssVersion LATEST = new PssVersion(true, 1, Integer.MAX_VALUE);

    private final boolean latest;
    private final int major;
    private final int minor;

    private PssVersion(boolean latest, int major, int minor) {
        this.latest = latest;
        this.major = major;
        this.minor = minor;
    }

    /**
     * The symbolic version {@code latest}.
     *
     * @return the latest version symbol
     */
    public static PssVersion latest() {
        return LATEST;
    }

    /**
     * A concrete version {@code v<major>.<minor>}. Pod Security Standards only exist with major
     * version 1.
     *
     * @param major the major version, which must be 1
     * @param minor the minor version, 0 or more
     * @return the version
     * @throws IllegalArgumentException if {@code major} is not 1 or {@code minor} is negative
     */
    public static PssVersion of(int major, int minor) {
        if (major != 1) {
            throw new IllegalArgumentException("invalid Pod Security version: major version must be 1, got " + major);
        }
        if (minor < 0) {
            throw new IllegalArgumentException("invalid Pod Security version: negative minor version " + minor);
        }
        return new PssVersion(false, major, minor);
    }

    /**
     * Parses a version the way the admission controller parses a {@code *-version} namespace
     * label: exactly {@code latest}, or {@code v1.<minor>} where the minor version has no leading
     * zero. {@code v1.0} and {@code v1.37} parse; {@code v1.05}, {@code 1.25}, {@code v1.25.0},
     * {@code v2.0} and {@code Latest} are rejected.
     *
     * @param text the version text
     * @return the version
     * @throws IllegalArgumentException if the text is not a valid version
     * @throws NullPointerException if {@code text} is null
     */
    public static PssVersion parse(String text) {
        Objects.requireNonNull(text, "text");
        if ("latest".equals(text)) {
            return LATEST;
        }
        Matcher m = PATTERN.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "invalid Pod Security version \"" + text + "\": must be \"latest\" or \"v1.<minor>\"");
        }
        return of(1, Integer.parseInt(m.group(1)));
    }

    /**
     * Whether this is the symbol {@code latest}.
     *
     * @return true for {@code latest}
     */
    public boolean isLatest() {
        return latest;
    }

    /**
     * The major version of a concrete version (always 1).
     *
     * @return the major version
     * @throws IllegalStateException if this is {@code latest}; call {@link #resolve()} first
     */
    public int major() {
        requireConcrete();
        return major;
    }

    /**
     * The minor version of a concrete version.
     *
     * @return the minor version
     * @throws IllegalStateException if this is {@code latest}; call {@link #resolve()} first
     */
    public int minor() {
        requireConcrete();
        return minor;
    }

    private void requireConcrete() {
        if (latest) {
            throw new IllegalStateException("\"latest\" has no version number; call resolve() first");
        }
    }

    /**
     * The concrete policy version that is evaluated for this version: {@code latest}, and any
     * version newer than the newest policy revision this library knows, resolve to that newest
     * revision ({@link PodSecurityChecks#latestVersion()}); older versions resolve to themselves.
     *
     * @return a concrete version, never {@code latest}
     */
    public PssVersion resolve() {
        PssVersion max = of(1, CheckRegistry.maxMinorVersion());
        return latest || compareTo(max) > 0 ? max : this;
    }

    /**
     * Like {@link #resolve()}, capped by an emulation version: when the emulated Kubernetes version
     * is older than the resolved version, the emulated version is evaluated instead (so with
     * emulation {@code v1.33}, both {@code latest} and {@code v1.37} evaluate as {@code v1.33}).
     *
     * @param emulationVersion the emulated Kubernetes version; {@code latest} means no cap
     * @return a concrete version, never {@code latest}
     */
    public PssVersion resolve(PssVersion emulationVersion) {
        Objects.requireNonNull(emulationVersion, "emulationVersion");
        PssVersion resolved = resolve();
        PssVersion cap = emulationVersion.resolve();
        return cap.compareTo(resolved) < 0 ? cap : resolved;
    }

    @Override
    public int compareTo(PssVersion o) {
        if (latest || o.latest) {
            return Boolean.compare(latest, o.latest);
        }
        int c = Integer.compare(major, o.major);
        return c != 0 ? c : Integer.compare(minor, o.minor);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PssVersion)) {
            return false;
        }
        PssVersion v = (PssVersion) o;
        return latest == v.latest && major == v.major && minor == v.minor;
    }

    @Override
    public int hashCode() {
        return latest ? -1 : major * 31 + minor;
    }

    /** {@code latest} or {@code v1.<minor>}. */
    @Override
    public String toString() {
        return latest ? "latest" : "v" + major + "." + minor;
    }
}
