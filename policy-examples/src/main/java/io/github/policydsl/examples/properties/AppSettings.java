package io.github.policydsl.examples.properties;

import java.util.Map;
import java.util.Objects;

/**
 * The settings an application team writes for one service; {@link DeploymentTemplate} renders
 * them into a Deployment.
 *
 * @param name the app name (a DNS-1123 label)
 * @param image the image reference, pinned by digest
 * @param replicas the number of replicas, at least 1
 * @param port the container port the app listens on
 * @param cpuMillis the CPU limit in millicores
 * @param memoryMi the memory limit in MiB
 * @param env plain env vars (no credentials)
 * @param writableTmp whether the app needs a writable {@code /tmp}
 */
public record AppSettings(String name, String image, int replicas, int port, int cpuMillis, int memoryMi,
        Map<String, String> env, boolean writableTmp) {

    /** Validates and copies the components. */
    public AppSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1");
        }
        env = Map.copyOf(env);
    }
}
