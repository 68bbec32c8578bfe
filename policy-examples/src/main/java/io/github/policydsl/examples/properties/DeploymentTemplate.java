package io.github.policydsl.examples.properties;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An example of "templating code": renders a Deployment from {@link AppSettings}, the way a
 * platform team's generator or operator would. The property tests in this package check that
 * every Deployment it can produce passes the restricted Pod Security Standard and
 * {@code k8s-hardening}. Every call builds new objects.
 */
public class DeploymentTemplate {

    /** The namespace the Deployments go to. */
    public static final String NAMESPACE = "apps";

    /**
     * Renders a Deployment.
     *
     * @param s the settings
     * @return a new Deployment
     */
    public Deployment render(AppSettings s) {
        Container c = new Container();
        c.setName(s.name());
        c.setImage(s.image());
        ContainerPort port = new ContainerPort();
        port.setName("http");
        port.setContainerPort(s.port());
        c.setPorts(new ArrayList<>(List.of(port)));
        List<EnvVar> env = new ArrayList<>();
        new TreeMap<>(s.env()).forEach((k, v) -> env.add(new EnvVar(k, v, null)));
        c.setEnv(env);
        ResourceRequirements r = new ResourceRequirements();
        r.setLimits(new LinkedHashMap<>(Map.of("cpu", new Quantity(s.cpuMillis() + "m"),
                "memory", new Quantity(s.memoryMi() + "Mi"))));
        r.setRequests(new LinkedHashMap<>(Map.of("cpu", new Quantity(Math.max(1, s.cpuMillis() / 2) + "m"),
                "memory", new Quantity(s.memoryMi() + "Mi"))));
        c.setResources(r);
        c.setSecurityContext(containerSecurity(s));
        PodSpec spec = new PodSpec();
        spec.setContainers(new ArrayList<>(List.of(c)));
        spec.setAutomountServiceAccountToken(false);
        PodSecurityContext psc = new PodSecurityContext();
        psc.setRunAsNonRoot(true);
        psc.setRunAsUser(10001L);
        psc.setSeccompProfile(new SeccompProfile(null, "RuntimeDefault"));
        spec.setSecurityContext(psc);
        if (s.writableTmp()) {
            Volume tmp = new Volume();
            tmp.setName("tmp");
            tmp.setEmptyDir(new EmptyDirVolumeSource());
            spec.setVolumes(new ArrayList<>(List.of(tmp)));
            VolumeMount mount = new VolumeMount();
            mount.setName("tmp");
            mount.setMountPath("/tmp");
            c.setVolumeMounts(new ArrayList<>(List.of(mount)));
        }
        ObjectMeta meta = new ObjectMeta();
        meta.setName(s.name());
        meta.setNamespace(NAMESPACE);
        ObjectMeta podMeta = new ObjectMeta();
        podMeta.setLabels(new LinkedHashMap<>(Map.of("app", s.name())));
        PodTemplateSpec template = new PodTemplateSpec();
        template.setMetadata(podMeta);
        template.setSpec(spec);
        LabelSelector selector = new LabelSelector();
        selector.setMatchLabels(new LinkedHashMap<>(Map.of("app", s.name())));
        DeploymentSpec ds = new DeploymentSpec();
        ds.setReplicas(s.replicas());
        ds.setSelector(selector);
        ds.setTemplate(template);
        Deployment d = new Deployment();
        d.setApiVersion("apps/v1");
        d.setMetadata(meta);
        d.setSpec(ds);
        return d;
    }

    /**
     * The container security context: non-root, no privilege escalation, read-only root
     * filesystem, every capability dropped. Subclasses may change it (see the tests for a broken one).
     *
     * @param s the settings
     * @return a new security context
     */
    protected SecurityContext containerSecurity(AppSettings s) {
        SecurityContext sc = new SecurityContext();
        sc.setAllowPrivilegeEscalation(false);
        sc.setReadOnlyRootFilesystem(true);
        sc.setRunAsNonRoot(true);
        sc.setCapabilities(new Capabilities(new ArrayList<>(), new ArrayList<>(List.of("ALL"))));
        return sc;
    }
}
