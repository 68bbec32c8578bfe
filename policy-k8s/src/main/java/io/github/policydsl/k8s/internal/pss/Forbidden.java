package io.github.policydsl.k8s.internal.pss;

import io.github.policydsl.api.result.FieldPath;
import java.util.List;

/**
 * A forbidden outcome of a check variant, before it is tagged with the check id and level.
 *
 * @param reason the short reason
 * @param detail the detail, possibly empty
 * @param paths offending field paths relative to the pod root
 */
public record Forbidden(String reason, String detail, List<FieldPath> paths) {

    /** Copies the path list. */
    public Forbidden {
        paths = List.copyOf(paths);
    }
}
