package io.github.policydsl.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JMH JSON result ({@code -rf json}) into the issue #8 table: time, MB/s, objects/s and
 * allocation per operation, and the target ratios from the same run. Scores are medians of the
 * measured iterations (the machine's page reclaim makes single iterations slow now and then).
 * {@code java -cp benchmarks.jar io.github.policydsl.bench.Summary result.json [scale]}
 */
public final class Summary {

    private Summary() {
    }

    /**
     * Prints the table.
     *
     * @param args result file [scale]
     * @throws Exception on I/O errors
     */
    public static void main(String[] args) throws Exception {
        JsonNode runs = JsonMapper.builder().build().readTree(Path.of(args[0]).toFile());
        int scale = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        List<BundleGenerator.Entry> entries = Bundles.entries(scale);
        double mb = BundleGenerator.bytes(entries) / 1e6;
        long objects = BundleGenerator.objects(entries);
        Map<String, double[]> ms = new LinkedHashMap<>();
        System.out.printf(Locale.ROOT, "bundle: %d files, %d objects, %.1f MB; JDK %s; %d cores%n%n", entries.size(),
                objects, mb, runs.get(0).get("jdkVersion").asString(), Runtime.getRuntime().availableProcessors());
        System.out.println("| benchmark | median ms/op (mean) | MB/s | objects/s | alloc MB/op | alloc MB/s |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (JsonNode r : runs) {
            String name = r.get("benchmark").asString();
            name = name.substring(name.lastIndexOf('.') + 1);
            JsonNode params = r.get("params");
            if (params != null && params.has("pack")) {
                name += "[" + params.get("pack").asString() + "]";
            }
            double mean = r.get("primaryMetric").get("score").asDouble();
            List<Double> raw = new java.util.ArrayList<>();
            for (JsonNode fork : r.get("primaryMetric").get("rawData")) {
                for (JsonNode v : fork) {
                    raw.add(v.asDouble());
                }
            }
            java.util.Collections.sort(raw);
            double score = raw.size() % 2 == 1 ? raw.get(raw.size() / 2)
                    : (raw.get(raw.size() / 2 - 1) + raw.get(raw.size() / 2)) / 2;
            double err = mean;
            JsonNode sec = r.get("secondaryMetrics");
            double allocNorm = sec != null && sec.has("gc.alloc.rate.norm") ? sec.get("gc.alloc.rate.norm").get("score").asDouble() : Double.NaN;
            double allocRate = sec != null && sec.has("gc.alloc.rate") ? sec.get("gc.alloc.rate").get("score").asDouble() : Double.NaN;
            ms.put(name, new double[] {score, err});
            boolean docker = name.startsWith("f_");
            System.out.printf(Locale.ROOT, "| %s | %.1f (%.1f) | %s | %s | %.0f | %.0f |%n", name, score, err,
                    docker ? "(see f)" : String.format(Locale.ROOT, "%.1f", mb / (score / 1000)),
                    docker ? "" : String.format(Locale.ROOT, "%.0f", objects / (score / 1000)), allocNorm / 1e6, allocRate);
        }
        System.out.println();
        ratio(ms, "loading / fabric8 deserialization (target <= 1.3)", "c_loadWithSourceMaps", "b_deserializeFabric8", 1.3, true);
        ratio(ms, "k8s-hardening / loading (target <= 0.2)", "d_evaluatePack[k8s-hardening]", "c_loadWithSourceMaps", 0.2, true);
        ratio(ms, "CEL / DSL, ten checks (target >= 10)", "g_tenChecksCel", "g_tenChecksDsl", 10, false);
        ratio(ms, "DSL / hand-written, ten checks (target <= 2)", "g_tenChecksDsl", "g_tenChecksHandWritten", 2, true);
        ratio(ms, "  DSL / hand-written producing the DSL's report (no target)", "g_tenChecksDsl",
                "g_tenChecksHandWrittenReport", 0, false);
        ratio(ms, "  hand-written report / hand-written findings: the result contract (no target)",
                "g_tenChecksHandWrittenReport", "g_tenChecksHandWritten", 0, false);
        ratio(ms, "sequential / 2 threads, k8s-hardening (target >= 1.7)", "d_evaluateK8sHardeningSequential",
                "d_evaluateK8sHardeningParallel2", 1.7, false);
        ratio(ms, "  machine ceiling: hand-written sequential / 2 threads on halves (no target)", "g_tenChecksHandWritten",
                "g_tenChecksHandWrittenParallel2", 0, false);
        if (ms.containsKey("e_wholeScan") && ms.containsKey("a_tokenizeJacksonYaml") && ms.containsKey("b_deserializeFabric8")) {
            double r = ms.get("e_wholeScan")[0] / (ms.get("a_tokenizeJacksonYaml")[0] + ms.get("b_deserializeFabric8")[0]);
            System.out.printf(Locale.ROOT, "whole scan / (tokenization + deserialization) (target <= 2): %.2f %s%n", r,
                    r <= 2 ? "MET" : "NOT MET");
        }
    }

    private static void ratio(Map<String, double[]> ms, String label, String a, String b, double target, boolean atMost) {
        if (!ms.containsKey(a) || !ms.containsKey(b)) {
            return;
        }
        double r = ms.get(a)[0] / ms.get(b)[0];
        boolean met = atMost ? r <= target : r >= target;
        System.out.printf(Locale.ROOT, "%s: %.2f %s%n", label, r, target <= 0 ? "" : met ? "MET" : "NOT MET");
    }
}
