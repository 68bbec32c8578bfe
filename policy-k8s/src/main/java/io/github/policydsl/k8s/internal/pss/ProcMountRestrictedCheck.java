package io.github.policydsl.k8s.internal.pss;

import io.github.policydsl.k8s.pss.PssLevel;

/**
 * Restricted {@code procMount_restricted} (v1.35+): the strict procMount rule, without the
 * user-namespace relaxation; replaces the baseline {@code procMount} check at restricted.
 */
final class ProcMountRestrictedCheck {

    static final String ID = "procMount_restricted";

    private ProcMountRestrictedCheck() {
    }

    static CheckDefinition definition() {
        return CheckDefinition.of(ID, PssLevel.RESTRICTED, CheckDefinition.since(35, ProcMountCheck::strict))
                .overriding(ProcMountCheck.ID);
    }
}
