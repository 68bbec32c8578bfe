package io.github.policydsl.api.exemption;

import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.Violation;

import java.util.List;

/**
 * What applying a baseline gave.
 *
 * @param report the report: baselined findings are SKIP ("baselined in ..."), new ones unchanged
 * @param newViolations the FAIL and WARN findings not in the baseline
 * @param fixed baseline entries of evaluated rules that matched no finding any more
 * @param remaining the baseline without the fixed entries: what to store so they cannot come back
 */
public record BaselineResult(Report report, List<Violation> newViolations, List<Fingerprint> fixed,
        Baseline remaining) {
    /** Copies the lists. */
    public BaselineResult {
        newViolations = List.copyOf(newViolations);
        fixed = List.copyOf(fixed);
    }
}
