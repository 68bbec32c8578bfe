package io.github.policydsl.bench;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.github.policydsl.k8s.Manifests;
import io.github.policydsl.k8s.load.LoadedResource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same ten k8s-hardening checks as CEL expressions, the ValidatingAdmissionPolicy way, compiled
 * once with cel-java ({@code CelFactory.standardCelBuilder()} with the standard macros) and
 * evaluated over every pod template: each object is converted to a {@code Map} (as an admission
 * webhook or a Java tool would hand it to CEL), then each compiled program is evaluated with
 * {@code object} and {@code podSpec} bound. A program that returns false is a finding.
 */
final class CelChecks {

    record Finding(String ruleId, String kind, String namespace, String name) {
    }

    private static final String CS = "(podSpec.containers + (has(podSpec.initContainers) ? podSpec.initContainers : []))";
    private static final String SC = "(has(c.securityContext) ? c.securityContext : {})";
    private static final String PSC = "(has(podSpec.securityContext) ? podSpec.securityContext : {})";

    /** Rule id to expression; each must be true for a compliant pod. */
    static final Map<String, String> EXPRESSIONS = new LinkedHashMap<>();

    static {
        EXPRESSIONS.put("k8s.run-as-non-root", CS + ".all(c, has(" + SC + ".runAsNonRoot) ? " + SC
                + ".runAsNonRoot == true : (has(" + PSC + ".runAsNonRoot) && " + PSC + ".runAsNonRoot == true))");
        EXPRESSIONS.put("k8s.run-as-user-not-root", CS + ".all(c, has(" + SC + ".runAsUser) ? " + SC
                + ".runAsUser != 0 : (!has(" + PSC + ".runAsUser) || " + PSC + ".runAsUser != 0))");
        EXPRESSIONS.put("k8s.seccomp-profile", CS + ".all(c, has(" + SC + ".seccompProfile) ? " + SC
                + ".seccompProfile.type in ['RuntimeDefault', 'Localhost'] : (has(" + PSC + ".seccompProfile) && "
                + PSC + ".seccompProfile.type in ['RuntimeDefault', 'Localhost']))");
        EXPRESSIONS.put("k8s.no-privilege-escalation", CS + ".all(c, has(" + SC + ".allowPrivilegeEscalation) && "
                + SC + ".allowPrivilegeEscalation == false)");
        EXPRESSIONS.put("k8s.read-only-root-filesystem", CS + ".all(c, has(" + SC + ".readOnlyRootFilesystem) && "
                + SC + ".readOnlyRootFilesystem == true)");
        EXPRESSIONS.put("k8s.drop-all-capabilities", CS + ".all(c, has(" + SC + ".capabilities) && has(" + SC
                + ".capabilities.drop) && 'ALL' in " + SC + ".capabilities.drop)");
        EXPRESSIONS.put("k8s.no-privileged", CS + ".all(c, !(has(" + SC + ".privileged) && " + SC
                + ".privileged == true))");
        EXPRESSIONS.put("k8s.no-host-namespaces", "!(has(podSpec.hostNetwork) && podSpec.hostNetwork == true)"
                + " && !(has(podSpec.hostPID) && podSpec.hostPID == true)"
                + " && !(has(podSpec.hostIPC) && podSpec.hostIPC == true)");
        EXPRESSIONS.put("k8s.resource-limits", CS + ".all(c, has(c.resources) && has(c.resources.limits)"
                + " && 'cpu' in c.resources.limits && 'memory' in c.resources.limits)");
        EXPRESSIONS.put("k8s.image-no-latest", CS + ".all(c, has(c.image) && (c.image.contains('@')"
                + " || (c.image.matches(':[^/:]+$') && !c.image.endsWith(':latest'))))");
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build();

    private final List<String> ids = new ArrayList<>();
    private final List<CelRuntime.Program> programs = new ArrayList<>();

    CelChecks() {
        Cel cel = CelFactory.standardCelBuilder()
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar("object", SimpleType.DYN)
                .addVar("podSpec", SimpleType.DYN)
                .build();
        try {
            for (Map.Entry<String, String> e : EXPRESSIONS.entrySet()) {
                CelAbstractSyntaxTree ast = cel.compile(e.getValue()).getAst();
                ids.add(e.getKey());
                programs.add(cel.createProgram(ast));
            }
        } catch (Exception ex) {
            throw new IllegalStateException("CEL compile: " + ex.getMessage(), ex);
        }
    }

    @SuppressWarnings("unchecked")
    List<Finding> check(Manifests m) {
        List<Finding> out = new ArrayList<>();
        for (LoadedResource r : m.resources()) {
            HasMetadata o = r.object();
            String[] path;
            if (o instanceof Deployment || o instanceof StatefulSet || o instanceof DaemonSet || o instanceof Job) {
                path = new String[] {"spec", "template", "spec"};
            } else if (o instanceof CronJob) {
                path = new String[] {"spec", "jobTemplate", "spec", "template", "spec"};
            } else {
                continue;
            }
            Map<String, Object> object = MAPPER.convertValue(o, Map.class);
            Object podSpec = object;
            for (String p : path) {
                podSpec = podSpec instanceof Map<?, ?> map ? map.get(p) : null;
            }
            if (podSpec == null) {
                continue;
            }
            Map<String, Object> vars = Map.of("object", object, "podSpec", podSpec);
            for (int i = 0; i < programs.size(); i++) {
                Object ok;
                try {
                    ok = programs.get(i).eval(vars);
                } catch (CelEvaluationException e) {
                    ok = Boolean.FALSE;
                }
                if (!Boolean.TRUE.equals(ok)) {
                    out.add(new Finding(ids.get(i), r.kind(), r.namespace(), r.name()));
                }
            }
        }
        return out;
    }
}
