package io.github.policydsl.k8s.testing;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.github.policydsl.k8s.ContainerSlot;

import java.util.ArrayList;
import java.util.List;

/**
 * A writable view of a container in any slot (fabric8 models ephemeral containers as their own
 * type), for mutations of generated objects.
 */
public final class ContainerView {

    private final Object container;
    private final ContainerSlot slot;

    ContainerView(Object container, ContainerSlot slot) {
        this.container = container;
        this.slot = slot;
    }

    /** The slot of the container. */
    public ContainerSlot slot() {
        return slot;
    }

    /** The security context, created empty if absent. */
    public SecurityContext securityContext() {
        if (container instanceof Container c) {
            if (c.getSecurityContext() == null) {
                c.setSecurityContext(new SecurityContext());
            }
            return c.getSecurityContext();
        }
        EphemeralContainer e = (EphemeralContainer) container;
        if (e.getSecurityContext() == null) {
            e.setSecurityContext(new SecurityContext());
        }
        return e.getSecurityContext();
    }

    /** The image. */
    public String image() {
        return container instanceof Container c ? c.getImage() : ((EphemeralContainer) container).getImage();
    }

    /**
     * Sets the image.
     *
     * @param image the new image reference
     */
    public void setImage(String image) {
        if (container instanceof Container c) {
            c.setImage(image);
        } else {
            ((EphemeralContainer) container).setImage(image);
        }
    }

    /**
     * Sets the resources (ephemeral containers have none).
     *
     * @param resources the resources, or null
     */
    public void setResources(ResourceRequirements resources) {
        if (container instanceof Container c) {
            c.setResources(resources);
        } else {
            ((EphemeralContainer) container).setResources(resources);
        }
    }

    /** The resources, or null. */
    public ResourceRequirements resources() {
        return container instanceof Container c ? c.getResources() : ((EphemeralContainer) container).getResources();
    }

    /**
     * Appends an env var.
     *
     * @param var the variable
     */
    public void addEnv(EnvVar var) {
        List<EnvVar> env = new ArrayList<>();
        List<EnvVar> old = container instanceof Container c ? c.getEnv() : ((EphemeralContainer) container).getEnv();
        if (old != null) {
            env.addAll(old);
        }
        env.add(var);
        if (container instanceof Container c) {
            c.setEnv(env);
        } else {
            ((EphemeralContainer) container).setEnv(env);
        }
    }
}
