package io.github.policydsl.api.exemption;

import io.github.policydsl.api.result.Report;

import java.util.List;

/**
 * What applying exemptions gave: the new report (exempted findings are SKIP with their reason, plus
 * WARN entries about expired and unused exemptions), and those exemptions as values.
 *
 * @param report the report
 * @param expired exemptions past their expiry date, which no longer apply
 * @param unused exemptions in force that matched no finding
 */
public record ExemptionResult(Report report, List<Exemption> expired, List<Exemption> unused) {
    /** Copies the lists. */
    public ExemptionResult {
        expired = List.copyOf(expired);
        unused = List.copyOf(unused);
    }
}
