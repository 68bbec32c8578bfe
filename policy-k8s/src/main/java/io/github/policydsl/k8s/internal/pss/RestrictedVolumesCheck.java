package io.github.policydsl.k8s.internal.pss;

import io.fabric8.kubernetes.api.model.Volume;
import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.k8s.pss.PssLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Restricted {@code restrictedVolumes}: volumes must be configMap, csi, downwardAPI, emptyDir,
 * ephemeral, image, persistentVolumeClaim, projected or secret. A volume without any source is
 * treated as {@code emptyDir}, as the API server defaults it before admission. Unknown sources
 * (fields fabric8 does not model) are forbidden. Replaces {@code hostPathVolumes} at restricted.
 */
final class RestrictedVolumesCheck {

    static final String ID = "restrictedVolumes";

    private static final List<Function<Volume, Object>> ALLOWED = List.of(
            Volume::getConfigMap, Volume::getCsi, Volume::getDownwardAPI, Volume::getEmptyDir,
            Volume::getEphemeral, Volume::getImage, Volume::getPersistentVolumeClaim, Volume::getProjected,
            Volume::getSecret);

    private static final Map<String, Function<Volume, Object>> RESTRICTED = restricted();

    private static Map<String, Function<Volume, Object>> restricted() {
        Map<String, Function<Volume, Object>> m = new LinkedHashMap<>();
        m.put("awsElasticBlockStore", Volume::getAwsElasticBlockStore);
        m.put("azureDisk", Volume::getAzureDisk);
        m.put("azureFile", Volume::getAzureFile);
        m.put("cephfs", Volume::getCephfs);
        m.put("cinder", Volume::getCinder);
        m.put("fc", Volume::getFc);
        m.put("flexVolume", Volume::getFlexVolume);
        m.put("flocker", Volume::getFlocker);
        m.put("gcePersistentDisk", Volume::getGcePersistentDisk);
        m.put("gitRepo", Volume::getGitRepo);
        m.put("glusterfs", Volume::getGlusterfs);
        m.put("hostPath", Volume::getHostPath);
        m.put("iscsi", Volume::getIscsi);
        m.put("nfs", Volume::getNfs);
        m.put("photonPersistentDisk", Volume::getPhotonPersistentDisk);
        m.put("portworxVolume", Volume::getPortworxVolume);
        m.put("quobyte", Volume::getQuobyte);
        m.put("rbd", Volume::getRbd);
        m.put("scaleIO", Volume::getScaleIO);
        m.put("storageos", Volume::getStorageos);
        m.put("vsphereVolume", Volume::getVsphereVolume);
        return java.util.Collections.unmodifiableMap(m);
    }

    private RestrictedVolumesCheck() {
    }

    static CheckDefinition definition() {
        return CheckDefinition.of(ID, PssLevel.RESTRICTED, CheckDefinition.since(0, RestrictedVolumesCheck::v1_0))
                .overriding(HostPathVolumesCheck.ID);
    }

    static Optional<Forbidden> v1_0(PodInput pod) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> types = new TreeSet<>();
        List<FieldPath> paths = new ArrayList<>();
        List<Volume> volumes = pod.volumes();
        for (int i = 0; i < volumes.size(); i++) {
            Volume v = volumes.get(i);
            if (v == null || ALLOWED.stream().anyMatch(f -> f.apply(v) != null)) {
                continue;
            }
            FieldPath vp = PodInput.SPEC.child("volumes").index(i);
            List<String> found = new ArrayList<>();
            RESTRICTED.forEach((type, getter) -> {
                if (getter.apply(v) != null) {
                    found.add(type);
                }
            });
            // sources this fabric8 model does not know, kept as additional properties
            if (v.getAdditionalProperties() != null) {
                v.getAdditionalProperties().forEach((key, value) -> {
                    if (value != null) {
                        found.add(key);
                    }
                });
            }
            if (found.isEmpty()) {
                continue; // no source: the API server defaults it to emptyDir
            }
            names.add(v.getName() == null ? "" : v.getName());
            for (String type : found) {
                types.add(RESTRICTED.containsKey(type) ? type : "unknown");
                paths.add(vp.child(type));
            }
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Forbidden("restricted volume types",
                Text.plural("volume", "volumes", names.size()) + " " + Text.joinQuote(names) + " "
                        + Text.plural("uses", "use", names.size()) + " "
                        + Text.plural("restricted volume type", "restricted volume types", types.size()) + " "
                        + Text.joinQuote(types),
                paths));
    }
}
