package io.github.policydsl.bench;

import io.fabric8.kubernetes.api.model.KubernetesResource;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.util.List;
import java.util.function.Consumer;

/** The baseline operations (a) and (b) and the whole scan (e), shared by the JMH benchmarks and {@link Ratios}. */
final class Operations {

    private Operations() {
    }

    /** (a) Jackson YAML tokenization alone: every token of every document, nothing built. */
    static long tokenize(YAMLMapper yaml, List<BundleGenerator.Entry> entries) {
        long tokens = 0;
        for (BundleGenerator.Entry e : entries) {
            try (JsonParser p = yaml.createParser(e.content())) {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    tokens += t.id();
                }
            }
        }
        return tokens;
    }

    /** (b) fabric8 typed deserialization alone: YAML text to fabric8 objects with Jackson YAML, no positions. */
    static int deserialize(ObjectReader typed, List<BundleGenerator.Entry> entries, Consumer<Object> sink) {
        int objects = 0;
        for (BundleGenerator.Entry e : entries) {
            try (MappingIterator<KubernetesResource> it = typed.readValues(e.content())) {
                while (it.hasNext()) {
                    sink.accept(it.next());
                    objects++;
                }
            }
        }
        return objects;
    }

    /** (e) the whole scan: policy-scan over a bundle directory, default packs, JSON to a file. */
    static int wholeScan(java.nio.file.Path dir, java.nio.file.Path out) {
        java.io.PrintStream sink = new java.io.PrintStream(new java.io.ByteArrayOutputStream());
        return io.github.policydsl.examples.scan.PolicyScan.run(
                new String[] {"--format", "json", "--output", out.toString(), dir.toString()}, sink, sink);
    }
}
