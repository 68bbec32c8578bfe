package io.github.policydsl.api.exemption;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a baseline is kept (SPI). The default is a file ({@link #file(Path)}); tools can keep
 * baselines elsewhere. Implementations must be thread-safe.
 */
public interface BaselineStore {

    /**
     * Reads the stored baseline.
     *
     * @return the baseline, or empty if none was stored yet
     * @throws PolicyFileException if the stored baseline is malformed
     */
    Optional<Baseline> load();

    /**
     * Stores a baseline, replacing the previous one.
     *
     * @param baseline the baseline
     * @throws java.io.UncheckedIOException if it cannot be written
     */
    void save(Baseline baseline);

    /** A name for messages, e.g. the file path. */
    String description();

    /**
     * A store in one JSON file ({@link Baseline#toJson()}); written atomically when the file system
     * allows it, and only when the content changes.
     *
     * @param file the file
     * @return the store
     */
    static BaselineStore file(Path file) {
        return new FileBaselineStore(file);
    }
}
