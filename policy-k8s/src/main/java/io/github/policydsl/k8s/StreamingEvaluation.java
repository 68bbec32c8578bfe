package io.github.policydsl.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.github.policydsl.api.Policy;
import io.github.policydsl.api.result.InputInfo;
import io.github.policydsl.api.result.Outcome;
import io.github.policydsl.api.result.Report;
import io.github.policydsl.api.result.RuleInfo;
import io.github.policydsl.api.result.RuleResult;
import io.github.policydsl.k8s.load.LoadedResource;
import io.github.policydsl.k8s.load.ManifestLoader;
import io.github.policydsl.k8s.load.SourceMap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Evaluates packs whose rules look at one object at a time (with lookups of the object's
 * ServiceAccount and Namespace) file by file, so that memory does not grow with the bundle:
 * {@code k8s-hardening}, {@code pss-baseline}, {@code pss-restricted}, {@code secrets}. Packs
 * that relate objects to each other ({@code rbac}, {@code network-policies}, the {@code pss}
 * admission simulation) need the whole bundle and must not be streamed.
 *
 * <p>Two passes: the first keeps only what lookups need (each ServiceAccount's name, namespace and
 * {@code automountServiceAccountToken}; each Namespace's name and labels), the second loads each
 * file, evaluates it with {@link Manifests#withLookupsFrom(Manifests) lookups} into the first
 * pass's objects, and hands on its report. The findings equal those of a batch evaluation, except
 * when the same ServiceAccount or Namespace is defined in two files (a batch evaluation uses the
 * first in load order, a streaming one prefers the one in the pod's own file).
 */
public final class StreamingEvaluation {

    /** The kinds the first pass keeps. */
    public static final Set<String> LOOKUP_KINDS = Set.of("ServiceAccount", "Namespace");

    private StreamingEvaluation() {
    }

    /**
     * The first pass: the ServiceAccounts and Namespaces of the inputs, reduced to the fields
     * lookups use.
     *
     * @param loader the loader
     * @param paths files or directories
     * @return lookup objects (without source positions)
     */
    public static Manifests lookups(ManifestLoader loader, List<Path> paths) {
        List<LoadedResource> kept = new ArrayList<>();
        loader.onlyKinds(LOOKUP_KINDS).forEachFile(paths, m -> {
            for (LoadedResource r : m.resources()) {
                HasMetadata slim = slim(r.object());
                if (slim != null) {
                    kept.add(new LoadedResource(slim, r.file(), r.document(), r.base(), SourceMap.none(r.file())));
                }
            }
        });
        return Manifests.of(kept, List.of(), List.of());
    }

    private static HasMetadata slim(HasMetadata o) {
        if (o instanceof ServiceAccount sa) {
            return new ServiceAccountBuilder().withNewMetadata().withName(sa.getMetadata().getName())
                    .withNamespace(sa.getMetadata().getNamespace()).endMetadata()
                    .withAutomountServiceAccountToken(sa.getAutomountServiceAccountToken()).build();
        }
        if (o instanceof Namespace ns) {
            return new NamespaceBuilder().withNewMetadata().withName(ns.getMetadata().getName())
                    .withLabels(ns.getMetadata().getLabels()).endMetadata().build();
        }
        return null;
    }

    /**
     * Evaluates policies file by file and hands each file's report (all results, load errors
     * included) to a consumer.
     *
     * @param loader the loader
     * @param paths files or directories
     * @param policies per-object policies
     * @param perFile receives one report per file
     */
    public static void forEachFile(ManifestLoader loader, List<Path> paths, List<Policy<Manifests>> policies,
            Consumer<Report> perFile) {
        Manifests lookups = lookups(loader, paths);
        loader.forEachFile(paths, chunk -> {
            Manifests m = chunk.withLookupsFrom(lookups);
            List<Report> reports = new ArrayList<>(policies.size());
            for (Policy<Manifests> p : policies) {
                reports.add(p.evaluate(m));
            }
            perFile.accept(Report.merge(reports));
        });
    }

    /**
     * Evaluates policies file by file and keeps only the findings (every result but PASS), so
     * that the report grows with the findings, not with the bundle.
     *
     * @param loader the loader
     * @param paths files or directories
     * @param policies per-object policies
     * @return the findings, the rules and the inputs (its summary counts no PASS results)
     */
    public static Report findings(ManifestLoader loader, List<Path> paths, List<Policy<Manifests>> policies) {
        List<RuleResult> results = new ArrayList<>();
        List<InputInfo> inputs = new ArrayList<>();
        List<RuleInfo> rules = new ArrayList<>();
        for (Policy<Manifests> p : policies) {
            rules.addAll(p.catalogue());
        }
        forEachFile(loader, paths, policies, r -> {
            for (RuleResult x : r.results()) {
                if (x.outcome() != Outcome.PASS) {
                    results.add(x);
                }
            }
            inputs.addAll(r.inputs());
        });
        return new Report(results, rules, inputs);
    }
}
