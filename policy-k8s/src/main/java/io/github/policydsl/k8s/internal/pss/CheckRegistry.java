package io.github.policydsl.k8s.internal.pss;

import io.github.policydsl.k8s.pss.PssLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The immutable table of all Pod Security Standards checks, in evaluation order: baseline ids in
 * code-point order, then restricted ids in code-point order.
 */
public final class CheckRegistry {

    private static final List<CheckDefinition> CHECKS = build();
    private static final int MAX_MINOR = CHECKS.stream().mapToInt(CheckDefinition::maxMinMinor).max().orElse(0);

    private CheckRegistry() {
    }

    private static List<CheckDefinition> build() {
        List<CheckDefinition> all = new ArrayList<>(List.of(
                AppArmorProfileCheck.definition(),
                CapabilitiesBaselineCheck.definition(),
                HostNamespacesCheck.definition(),
                HostPathVolumesCheck.definition(),
                HostPortsCheck.definition(),
                HostProbesAndHostLifecycleCheck.definition(),
                PrivilegedCheck.definition(),
                ProcMountCheck.definition(),
                SeLinuxOptionsCheck.definition(),
                SeccompProfileBaselineCheck.definition(),
                SysctlsCheck.definition(),
                WindowsHostProcessCheck.definition(),
                AllowPrivilegeEscalationCheck.definition(),
                CapabilitiesRestrictedCheck.definition(),
                ProcMountRestrictedCheck.definition(),
                RestrictedVolumesCheck.definition(),
                RunAsNonRootCheck.definition(),
                RunAsUserCheck.definition(),
                SeccompProfileRestrictedCheck.definition()));
        all.sort(Comparator.comparing(CheckDefinition::level).thenComparing(CheckDefinition::id));
        return List.copyOf(all);
    }

    /** Every registered check, in evaluation order. */
    public static List<CheckDefinition> all() {
        return CHECKS;
    }

    /** The highest minimum minor version of any variant: the minor version {@code latest} resolves to. */
    public static int maxMinorVersion() {
        return MAX_MINOR;
    }

    /**
     * The checks that run at a level and resolved minor version, in evaluation order, with the
     * baseline checks that an applicable restricted check replaces left out at restricted.
     *
     * @param level the level
     * @param minor the resolved minor version
     * @return the applicable checks
     */
    public static List<CheckDefinition> applicable(PssLevel level, int minor) {
        if (level == PssLevel.PRIVILEGED) {
            return List.of();
        }
        Set<String> hidden = new HashSet<>();
        if (level == PssLevel.RESTRICTED) {
            for (CheckDefinition c : CHECKS) {
                if (c.level() == PssLevel.RESTRICTED && c.variantAt(minor).isPresent()) {
                    hidden.addAll(c.overrides());
                }
            }
        }
        List<CheckDefinition> result = new ArrayList<>();
        for (CheckDefinition c : CHECKS) {
            if (c.level().compareTo(level) <= 0 && !hidden.contains(c.id()) && c.variantAt(minor).isPresent()) {
                result.add(c);
            }
        }
        return List.copyOf(result);
    }
}
