package io.github.policydsl.k8s.pss;

import io.github.policydsl.api.result.Location;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.load.ManifestLoader;

import java.util.List;

/** Test helpers: workloads of every controller kind around a pod spec, loaded with source positions. */
final class PssTestManifests {

    private static final ManifestLoader LOADER = ManifestLoader.defaults();

    private PssTestManifests() {
    }

    /**
     * A controller kind and the path of its pod template.
     *
     * @param kind the kind
     * @param templatePath the dotted path of the template ("" for a Pod)
     */
    record Kind(String kind, String templatePath) {
        String specPath() {
            return templatePath.isEmpty() ? "spec" : templatePath + ".spec";
        }

        @Override
        public String toString() {
            return kind;
        }
    }

    static final List<Kind> KINDS = List.of(
            new Kind("Pod", ""),
            new Kind("Deployment", "spec.template"),
            new Kind("ReplicaSet", "spec.template"),
            new Kind("StatefulSet", "spec.template"),
            new Kind("DaemonSet", "spec.template"),
            new Kind("Job", "spec.template"),
            new Kind("CronJob", "spec.jobTemplate.spec.template"),
            new Kind("ReplicationController", "spec.template"));

    /**
     * A manifest of a kind whose pod spec is {@code podSpec} (YAML at indent 0).
     *
     * @param kind the kind
     * @param name the object name
     * @param namespace the namespace, or null for none
     * @param podSpec the pod spec block
     * @return the YAML text
     */
    static String workload(String kind, String name, String namespace, String podSpec) {
        String meta = "metadata:\n  name: " + name + "\n" + (namespace == null ? "" : "  namespace: " + namespace + "\n");
        String apiVersion = switch (kind) {
            case "Pod", "ReplicationController" -> "v1";
            case "Job", "CronJob" -> "batch/v1";
            default -> "apps/v1";
        };
        String head = "apiVersion: " + apiVersion + "\nkind: " + kind + "\n" + meta;
        String selector = "  selector:\n    matchLabels:\n      app: " + name + "\n";
        String templateMeta = "metadata:\n  labels:\n    app: " + name + "\n";
        return switch (kind) {
            case "Pod" -> head + "spec:\n" + indent(podSpec, 2);
            case "CronJob" -> head + "spec:\n  schedule: \"*/5 * * * *\"\n  jobTemplate:\n    spec:\n      template:\n"
                    + indent(templateMeta, 8) + "        spec:\n" + indent(podSpec, 10);
            case "Job" -> head + "spec:\n  template:\n" + indent(templateMeta, 4) + "    spec:\n" + indent(podSpec, 6);
            case "ReplicationController" -> head + "spec:\n  selector:\n    app: " + name + "\n  template:\n"
                    + indent(templateMeta, 4) + "    spec:\n" + indent(podSpec, 6);
            default -> head + "spec:\n" + selector + "  template:\n" + indent(templateMeta, 4) + "    spec:\n"
                    + indent(podSpec, 6);
        };
    }

    static String indent(String block, int spaces) {
        String pad = " ".repeat(spaces);
        StringBuilder sb = new StringBuilder();
        for (String line : block.split("\n", -1)) {
            if (!line.isEmpty()) {
                sb.append(pad).append(line);
            }
            sb.append('\n');
        }
        return sb.toString().replaceAll("\n+$", "\n");
    }

    static Manifests load(String name, String yaml) {
        Manifests m = LOADER.loadString(name, yaml);
        if (!m.isClean()) {
            throw new AssertionError("test manifest did not load: " + m.errors() + "\n" + yaml);
        }
        return m;
    }

    /**
     * The 1-based line of the first line containing {@code needle}, after line {@code after}.
     *
     * @param yaml the text
     * @param needle what to find
     * @param after a 1-based line number; 0 searches from the start
     * @return the line
     */
    static int lineOf(String yaml, String needle, int after) {
        String[] lines = yaml.split("\n", -1);
        for (int i = after; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("'" + needle + "' not in\n" + yaml);
    }

    static int lineOf(String yaml, String needle) {
        return lineOf(yaml, needle, 0);
    }

    static Location at(String file, String yaml, String needle) {
        int line = lineOf(yaml, needle);
        String text = yaml.split("\n", -1)[line - 1];
        return new Location(file, line, text.indexOf(needle.strip()) + 1);
    }
}
