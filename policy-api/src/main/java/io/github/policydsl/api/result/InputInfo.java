package io.github.policydsl.api.result;

import java.util.Objects;

/**
 * One input file that was read.
 *
 * @param file the file name as given
 * @param type {@code manifest} or {@code dockerfile}
 * @param objects the number of Kubernetes objects, or of Dockerfile instructions (ONBUILD counts once)
 */
public record InputInfo(String file, String type, int objects) {
    /** Validates the components. */
    public InputInfo {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(type, "type");
    }
}
