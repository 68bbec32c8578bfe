package io.github.policydsl.k8s.internal.pss;

import io.fabric8.kubernetes.api.model.Volume;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.k8s.pss.PssLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Baseline {@code hostPathVolumes}: no volume may be a {@code hostPath} volume. */
final class HostPathVolumesCheck {

    static final String ID = "hostPathVolumes";

    private HostPathVolumesCheck() {
    }

    static CheckDefinition definition() {
        return CheckDefinition.of(ID, PssLevel.BASELINE, CheckDefinition.since(0, HostPathVolumesCheck::v1_0));
    }

    static Optional<Forbidden> v1_0(PodInput pod) {
        List<String> names = new ArrayList<>();
        List<FieldPath> paths = new ArrayList<>();
        List<Volume> volumes = pod.volumes();
        for (int i = 0; i < volumes.size(); i++) {
            Volume v = volumes.get(i);
            if (v != null && v.getHostPath() != null) {
                names.add(v.getName() == null ? "" : v.getName());
                paths.add(PodInput.SPEC.child("volumes").index(i).child("hostPath"));
            }
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Forbidden("hostPath volumes",
                Text.plural("volume", "volumes", names.size()) + " " + Text.joinQuote(names), paths));
    }
}
