package io.github.policydsl.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic generator of realistic Kubernetes bundles for the benchmarks: one file per
 * "application", each with a ServiceAccount, a workload (Deployment with 2–3 containers, a
 * StatefulSet or a CronJob), a Service, a ConfigMap, a Role and RoleBinding, a NetworkPolicy, and
 * now and then a Namespace and a Secret. Security settings vary (hardened, partly hardened,
 * privileged, host namespaces, latest tags, digests) so that every rule has passes and failures.
 * At scale 1 the bundle has about 20,000 objects and 60 MB; scale {@code k} has {@code k} times
 * as many applications. The same seed and scale always give the same bytes.
 */
public final class BundleGenerator {

    /** Applications per scale unit. */
    public static final int APPS_PER_SCALE = 2750;

    /**
     * One generated file.
     *
     * @param relativePath e.g. {@code team-03/app-00042.yaml}
     * @param content the YAML text
     * @param objects the number of objects written
     */
    public record Entry(String relativePath, byte[] content, int objects) {
    }

    private static final String[] REGISTRIES = {"registry.example.com/", "ghcr.io/acme/", "docker.io/library/", "",
        "quay.io/team/"};
    private static final String[] IMAGES = {"nginx", "redis", "postgres", "api-server", "worker", "envoy", "fluent-bit",
        "otel-collector", "billing", "frontend", "search", "cache-warmer"};
    private static final String[] VERBS = {"get", "list", "watch", "create", "update", "patch", "delete"};
    private static final String[] RESOURCES = {"pods", "configmaps", "secrets", "services", "deployments", "jobs",
        "events", "leases"};

    private BundleGenerator() {
    }

    /**
     * Generates a bundle.
     *
     * @param scale 1 for about 20,000 objects / 60 MB
     * @param seed the random seed
     * @return the files, in order
     */
    public static List<Entry> generate(int scale, long seed) {
        return generateApps(scale * APPS_PER_SCALE, seed);
    }

    /**
     * Generates a bundle of a given number of applications.
     *
     * @param apps how many application files
     * @param seed the random seed
     * @return the files, in order
     */
    public static List<Entry> generateApps(int apps, long seed) {
        Random r = new Random(seed);
        List<Entry> out = new ArrayList<>(apps);
        for (int i = 0; i < apps; i++) {
            App a = new App(r, i);
            String text = a.write();
            out.add(new Entry(String.format("team-%02d/app-%06d.yaml", i % 40, i), text.getBytes(StandardCharsets.UTF_8),
                    a.objects));
        }
        return out;
    }

    /**
     * Writes a bundle below a directory.
     *
     * @param root the directory
     * @param entries the files
     * @throws IOException if writing fails
     */
    public static void write(Path root, List<Entry> entries) throws IOException {
        for (Entry e : entries) {
            Path p = root.resolve(e.relativePath());
            Files.createDirectories(p.getParent());
            Files.write(p, e.content());
        }
    }

    /**
     * Generates and writes a bundle one file at a time (the same bytes as {@link #generate}),
     * without holding it in memory.
     *
     * @param root the directory
     * @param scale the scale
     * @param seed the seed
     * @return {bytes, objects}
     * @throws IOException if writing fails
     */
    public static long[] writeScaled(Path root, int scale, long seed) throws IOException {
        Random r = new Random(seed);
        long bytes = 0;
        long objects = 0;
        for (int i = 0; i < scale * APPS_PER_SCALE; i++) {
            App a = new App(r, i);
            byte[] b = a.write().getBytes(StandardCharsets.UTF_8);
            Path p = root.resolve(String.format("team-%02d/app-%06d.yaml", i % 40, i));
            Files.createDirectories(p.getParent());
            Files.write(p, b);
            bytes += b.length;
            objects += a.objects;
        }
        return new long[] {bytes, objects};
    }

    /** Total bytes of a bundle. */
    public static long bytes(List<Entry> entries) {
        long n = 0;
        for (Entry e : entries) {
            n += e.content().length;
        }
        return n;
    }

    /** Total objects of a bundle. */
    public static long objects(List<Entry> entries) {
        long n = 0;
        for (Entry e : entries) {
            n += e.objects();
        }
        return n;
    }

    private static final class App {
        final Random r;
        final int i;
        final String name;
        final String ns;
        final StringBuilder sb = new StringBuilder(32 * 1024);
        int objects;

        App(Random r, int i) {
            this.r = r;
            this.i = i;
            this.name = IMAGES[i % IMAGES.length] + "-" + i;
            this.ns = "team-" + (i % 40);
        }

        String write() {
            if (i < 40) {
                namespace();
            }
            serviceAccount();
            int kind = r.nextInt(10);
            if (kind < 6) {
                workload("apps/v1", "Deployment", false);
            } else if (kind < 8) {
                workload("apps/v1", "StatefulSet", false);
            } else {
                workload("batch/v1", "CronJob", true);
            }
            service();
            configMap();
            role();
            roleBinding();
            networkPolicy();
            if (r.nextInt(4) == 0) {
                secret();
            }
            return sb.toString();
        }

        private void doc() {
            if (objects > 0 || sb.length() > 0) {
                sb.append("---\n");
            }
            objects++;
        }

        private void meta(String objName, boolean namespaced) {
            sb.append("metadata:\n  name: ").append(objName).append('\n');
            if (namespaced) {
                sb.append("  namespace: ").append(ns).append('\n');
            }
            sb.append("  labels:\n    app.kubernetes.io/name: ").append(name)
                    .append("\n    app.kubernetes.io/part-of: shop\n    app.kubernetes.io/managed-by: helm\n")
                    .append("    team: ").append(ns).append('\n');
            sb.append("  annotations:\n    meta.helm.sh/release-name: ").append(name)
                    .append("\n    meta.helm.sh/release-namespace: ").append(ns).append('\n');
        }

        private void namespace() {
            doc();
            sb.append("apiVersion: v1\nkind: Namespace\n");
            sb.append("metadata:\n  name: ").append(ns).append("\n  labels:\n")
                    .append("    pod-security.kubernetes.io/enforce: ").append(r.nextBoolean() ? "baseline" : "restricted")
                    .append("\n    pod-security.kubernetes.io/warn: restricted\n");
        }

        private void serviceAccount() {
            doc();
            sb.append("apiVersion: v1\nkind: ServiceAccount\n");
            meta(name, true);
            if (r.nextInt(3) == 0) {
                sb.append("automountServiceAccountToken: false\n");
            }
        }

        private void workload(String apiVersion, String kind, boolean cron) {
            doc();
            sb.append("apiVersion: ").append(apiVersion).append("\nkind: ").append(kind).append('\n');
            meta(name, true);
            String ind;
            if (cron) {
                sb.append("spec:\n  schedule: \"*/").append(5 + r.nextInt(50)).append(" * * * *\"\n")
                        .append("  concurrencyPolicy: Forbid\n  jobTemplate:\n    spec:\n      backoffLimit: 3\n")
                        .append("      template:\n");
                ind = "        ";
            } else {
                sb.append("spec:\n  replicas: ").append(1 + r.nextInt(5)).append('\n');
                if (kind.equals("StatefulSet")) {
                    sb.append("  serviceName: ").append(name).append('\n');
                }
                sb.append("  selector:\n    matchLabels:\n      app.kubernetes.io/name: ").append(name).append('\n')
                        .append("  template:\n");
                ind = "    ";
            }
            sb.append(ind).append("metadata:\n").append(ind).append("  labels:\n").append(ind)
                    .append("    app.kubernetes.io/name: ").append(name).append('\n').append(ind)
                    .append("    version: v").append(r.nextInt(9)).append('.').append(r.nextInt(30)).append('\n')
                    .append(ind).append("  annotations:\n").append(ind)
                    .append("    prometheus.io/scrape: \"true\"\n").append(ind).append("    prometheus.io/port: \"9090\"\n");
            sb.append(ind).append("spec:\n");
            String s = ind + "  ";
            sb.append(s).append("serviceAccountName: ").append(name).append('\n');
            int posture = r.nextInt(10);
            if (posture == 0) {
                sb.append(s).append("hostNetwork: true\n");
            }
            if (posture == 1) {
                sb.append(s).append("hostPID: true\n");
            }
            if (r.nextInt(4) == 0) {
                sb.append(s).append("automountServiceAccountToken: false\n");
            }
            if (cron) {
                sb.append(s).append("restartPolicy: OnFailure\n");
            }
            if (posture >= 4) {
                sb.append(s).append("securityContext:\n").append(s).append("  runAsNonRoot: true\n").append(s)
                        .append("  runAsUser: ").append(10000 + r.nextInt(1000)).append('\n').append(s)
                        .append("  fsGroup: 2000\n").append(s).append("  seccompProfile:\n").append(s)
                        .append("    type: RuntimeDefault\n");
            }
            sb.append(s).append("terminationGracePeriodSeconds: 30\n");
            sb.append(s).append("affinity:\n").append(s).append("  podAntiAffinity:\n").append(s)
                    .append("    preferredDuringSchedulingIgnoredDuringExecution:\n").append(s)
                    .append("    - weight: 100\n").append(s).append("      podAffinityTerm:\n").append(s)
                    .append("        topologyKey: kubernetes.io/hostname\n").append(s)
                    .append("        labelSelector:\n").append(s).append("          matchLabels:\n").append(s)
                    .append("            app.kubernetes.io/name: ").append(name).append('\n');
            sb.append(s).append("tolerations:\n").append(s).append("- key: dedicated\n").append(s)
                    .append("  operator: Equal\n").append(s).append("  value: shop\n").append(s)
                    .append("  effect: NoSchedule\n");
            if (r.nextInt(3) == 0) {
                sb.append(s).append("initContainers:\n");
                container(s, "init-migrate", posture, false);
            }
            sb.append(s).append("containers:\n");
            int n = 2 + r.nextInt(2);
            for (int c = 0; c < n; c++) {
                container(s, c == 0 ? "app" : c == 1 ? "sidecar" : "exporter", posture, c == 0);
            }
            sb.append(s).append("volumes:\n").append(s).append("- name: config\n").append(s)
                    .append("  configMap:\n").append(s).append("    name: ").append(name).append("-config\n")
                    .append(s).append("    defaultMode: 0440\n").append(s).append("- name: tmp\n").append(s)
                    .append("  emptyDir: {}\n");
            if (kind.equals("StatefulSet")) {
                sb.append("  volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n")
                        .append("      accessModes: [ReadWriteOnce]\n      resources:\n        requests:\n")
                        .append("          storage: ").append(1 + r.nextInt(100)).append("Gi\n");
            }
        }

        private void container(String s, String cname, int posture, boolean main) {
            String c = s + "  ";
            sb.append(s).append("- name: ").append(cname).append('\n');
            String image = REGISTRIES[r.nextInt(REGISTRIES.length)] + IMAGES[r.nextInt(IMAGES.length)];
            int tag = r.nextInt(10);
            if (tag == 0) {
                sb.append(c).append("image: ").append(image).append('\n');
            } else if (tag == 1) {
                sb.append(c).append("image: ").append(image).append(":latest\n");
            } else if (tag < 5) {
                sb.append(c).append("image: ").append(image).append(":1.").append(r.nextInt(30)).append(".")
                        .append(r.nextInt(10)).append("@sha256:").append(hex(64)).append('\n');
            } else {
                sb.append(c).append("image: ").append(image).append(":2.").append(r.nextInt(30)).append('\n');
            }
            sb.append(c).append("imagePullPolicy: IfNotPresent\n");
            if (main) {
                sb.append(c).append("args:\n");
                sb.append(c).append("- --config=/etc/app/config.yaml\n").append(c).append("- --log-level=info\n")
                        .append(c).append("- --listen=:8080\n");
                sb.append(c).append("ports:\n").append(c).append("- name: http\n").append(c)
                        .append("  containerPort: 8080\n").append(c).append("  protocol: TCP\n").append(c)
                        .append("- name: metrics\n").append(c).append("  containerPort: 9090\n");
            }
            sb.append(c).append("env:\n");
            int envs = main ? 16 + r.nextInt(14) : 4 + r.nextInt(6);
            for (int e = 0; e < envs; e++) {
                sb.append(c).append("- name: ").append(envName(e)).append('\n');
                if (e % 5 == 4) {
                    sb.append(c).append("  valueFrom:\n").append(c).append("    secretKeyRef:\n").append(c)
                            .append("      name: ").append(name).append("-secret\n").append(c)
                            .append("      key: key-").append(e).append('\n');
                } else if (e % 7 == 6) {
                    sb.append(c).append("  valueFrom:\n").append(c).append("    fieldRef:\n").append(c)
                            .append("      fieldPath: metadata.namespace\n");
                } else {
                    sb.append(c).append("  value: \"").append(envValue(e)).append("\"\n");
                }
            }
            if (posture >= 2) {
                sb.append(c).append("resources:\n").append(c).append("  requests:\n").append(c).append("    cpu: ")
                        .append(50 + r.nextInt(400)).append("m\n").append(c).append("    memory: ")
                        .append(64 + r.nextInt(512)).append("Mi\n");
                if (posture >= 3) {
                    sb.append(c).append("  limits:\n").append(c).append("    cpu: \"").append(1 + r.nextInt(3))
                            .append("\"\n").append(c).append("    memory: ").append(256 + r.nextInt(1024)).append("Mi\n");
                }
            }
            if (main) {
                sb.append(c).append("livenessProbe:\n").append(c).append("  httpGet:\n").append(c)
                        .append("    path: /healthz\n").append(c).append("    port: http\n").append(c)
                        .append("  initialDelaySeconds: 10\n").append(c).append("  periodSeconds: 10\n");
                sb.append(c).append("readinessProbe:\n").append(c).append("  httpGet:\n").append(c)
                        .append("    path: /ready\n").append(c).append("    port: http\n").append(c)
                        .append("  periodSeconds: 5\n");
            }
            sb.append(c).append("volumeMounts:\n").append(c).append("- name: config\n").append(c)
                    .append("  mountPath: /etc/app\n").append(c).append("  readOnly: true\n").append(c)
                    .append("- name: tmp\n").append(c).append("  mountPath: /tmp\n");
            if (posture == 9) {
                sb.append(c).append("securityContext:\n").append(c).append("  privileged: true\n");
            } else if (posture >= 5) {
                sb.append(c).append("securityContext:\n").append(c).append("  allowPrivilegeEscalation: false\n")
                        .append(c).append("  readOnlyRootFilesystem: ").append(posture >= 6 ? "true" : "false")
                        .append('\n').append(c).append("  capabilities:\n").append(c).append("    drop: [\"ALL\"]\n");
                if (posture == 7) {
                    sb.append(c).append("    add: [\"NET_BIND_SERVICE\"]\n");
                }
            }
        }

        private void service() {
            doc();
            sb.append("apiVersion: v1\nkind: Service\n");
            meta(name, true);
            sb.append("spec:\n  type: ClusterIP\n  selector:\n    app.kubernetes.io/name: ").append(name)
                    .append("\n  ports:\n  - name: http\n    port: 80\n    targetPort: http\n    protocol: TCP\n")
                    .append("  - name: metrics\n    port: 9090\n    targetPort: 9090\n");
        }

        private void configMap() {
            doc();
            sb.append("apiVersion: v1\nkind: ConfigMap\n");
            meta(name + "-config", true);
            sb.append("data:\n");
            int keys = 20 + r.nextInt(20);
            for (int k = 0; k < keys; k++) {
                sb.append("  FEATURE_FLAG_").append(k).append(": \"").append(r.nextBoolean()).append("\"\n");
            }
            sb.append("  config.yaml: |\n");
            int lines = 140 + r.nextInt(80);
            for (int l = 0; l < lines; l++) {
                sb.append("    section").append(l / 8).append(".key").append(l).append(": value-").append(hex(12))
                        .append(" # tuned for ").append(ns).append('\n');
            }
        }

        private void role() {
            doc();
            sb.append("apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\n");
            meta(name, true);
            sb.append("rules:\n");
            int rules = 1 + r.nextInt(4);
            for (int k = 0; k < rules; k++) {
                sb.append("- apiGroups: [\"").append(k % 2 == 0 ? "" : "apps").append("\"]\n  resources: [\"")
                        .append(RESOURCES[r.nextInt(RESOURCES.length)]).append("\"]\n  verbs: [");
                int v = 1 + r.nextInt(VERBS.length);
                for (int j = 0; j < v; j++) {
                    sb.append(j == 0 ? "" : ", ").append('"').append(VERBS[j]).append('"');
                }
                sb.append("]\n");
            }
            if (r.nextInt(20) == 0) {
                sb.append("- apiGroups: [\"*\"]\n  resources: [\"*\"]\n  verbs: [\"*\"]\n");
            }
        }

        private void roleBinding() {
            doc();
            sb.append("apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\n");
            meta(name, true);
            sb.append("roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: ").append(name)
                    .append("\nsubjects:\n- kind: ServiceAccount\n  name: ").append(name).append("\n  namespace: ")
                    .append(ns).append('\n');
        }

        private void networkPolicy() {
            doc();
            sb.append("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n");
            meta(name, true);
            sb.append("spec:\n  podSelector:\n    matchLabels:\n      app.kubernetes.io/name: ").append(name)
                    .append("\n  policyTypes: [Ingress, Egress]\n  ingress:\n  - from:\n    - podSelector:\n")
                    .append("        matchLabels:\n          app.kubernetes.io/name: frontend-").append(r.nextInt(100))
                    .append("\n    ports:\n    - protocol: TCP\n      port: 8080\n  egress:\n  - to:\n")
                    .append("    - namespaceSelector:\n        matchLabels:\n          kubernetes.io/metadata.name: kube-system\n")
                    .append("    ports:\n    - protocol: UDP\n      port: 53\n");
        }

        private void secret() {
            doc();
            sb.append("apiVersion: v1\nkind: Secret\n");
            meta(name + "-secret", true);
            sb.append("type: Opaque\ndata:\n");
            for (int k = 0; k < 6; k++) {
                sb.append("  key-").append(k * 5 + 4).append(": ").append(b64(24 + r.nextInt(24))).append('\n');
            }
        }

        private String envName(int e) {
            return switch (e % 8) {
                case 0 -> "LOG_LEVEL";
                case 1 -> "HTTP_PORT_" + e;
                case 2 -> "UPSTREAM_URL_" + e;
                case 3 -> "CACHE_TTL_" + e;
                case 4 -> "DB_PASSWORD_" + e;
                case 5 -> "FEATURE_" + e;
                case 6 -> "POD_NAMESPACE_" + e;
                default -> "OTEL_EXPORTER_" + e;
            };
        }

        private String envValue(int e) {
            return switch (e % 4) {
                case 0 -> "info";
                case 1 -> String.valueOf(8000 + e);
                case 2 -> "http://svc-" + r.nextInt(500) + "." + ns + ".svc.cluster.local:8080/api/v" + (1 + e % 3);
                default -> "enabled-" + hex(8);
            };
        }

        private String hex(int n) {
            char[] c = new char[n];
            for (int k = 0; k < n; k++) {
                c[k] = "0123456789abcdef".charAt(r.nextInt(16));
            }
            return new String(c);
        }

        private String b64(int n) {
            String abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            char[] c = new char[(n + 2) / 3 * 4];
            for (int k = 0; k < c.length; k++) {
                c[k] = abc.charAt(r.nextInt(64));
            }
            return new String(c);
        }
    }
}
