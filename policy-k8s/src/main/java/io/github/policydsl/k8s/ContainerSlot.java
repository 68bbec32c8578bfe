package io.github.policydsl.k8s;

/** The list of a pod spec that a container sits in. */
public enum ContainerSlot {
    /** {@code spec.containers}: the app containers. */
    CONTAINER("containers", "container"),
    /** {@code spec.initContainers}: init containers, including restartable sidecars. */
    INIT("initContainers", "init container"),
    /** {@code spec.ephemeralContainers}: debug containers added at run time. */
    EPHEMERAL("ephemeralContainers", "ephemeral container");

    private final String field;
    private final String noun;

    ContainerSlot(String field, String noun) {
        this.field = field;
        this.noun = noun;
    }

    /** The pod spec field, e.g. {@code initContainers}. */
    public String field() {
        return field;
    }

    /** The noun used in messages, e.g. {@code init container}. */
    public String noun() {
        return noun;
    }
}
