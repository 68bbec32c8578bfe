package io.github.policydsl.api.exemption;

import io.github.policydsl.api.result.Report;

import java.util.Objects;

/**
 * Runs a report through a stored baseline and keeps the store in step, the way ArchUnit's
 * {@code FreezingArchRule} does, but keyed by {@link Fingerprint}s rather than message text:
 *
 * <ul>
 * <li>no stored baseline: if creation is allowed, every current FAIL/WARN finding is recorded and
 * baselined; otherwise {@link BaselineException} (CI must not silently create one);</li>
 * <li>{@link #refreeze(boolean) refreeze}: every current finding is recorded anew (needs update
 * permission);</li>
 * <li>otherwise: baselined findings become SKIP, new ones count; fixed entries are removed from the
 * store if updates are allowed, so they cannot come back.</li>
 * </ul>
 *
 * Defaults: creation not allowed, updates allowed, no refreeze. Immutable and thread-safe (the
 * store decides about concurrent writers).
 */
public final class BaselineRatchet {

    private final BaselineStore store;
    private final boolean allowCreation;
    private final boolean allowUpdate;
    private final boolean refreeze;

    private BaselineRatchet(BaselineStore store, boolean allowCreation, boolean allowUpdate, boolean refreeze) {
        this.store = Objects.requireNonNull(store, "store");
        this.allowCreation = allowCreation;
        this.allowUpdate = allowUpdate;
        this.refreeze = refreeze;
    }

    /**
     * A ratchet over a store.
     *
     * @param store the store
     * @return the ratchet (creation not allowed, updates allowed)
     */
    public static BaselineRatchet using(BaselineStore store) {
        return new BaselineRatchet(store, false, true, false);
    }

    /**
     * Whether a missing baseline may be created from the current findings.
     *
     * @param allow true to allow
     * @return a new ratchet
     */
    public BaselineRatchet allowCreation(boolean allow) {
        return new BaselineRatchet(store, allow, allowUpdate, refreeze);
    }

    /**
     * Whether the store may be changed (fixed entries removed, or refrozen).
     *
     * @param allow true to allow
     * @return a new ratchet
     */
    public BaselineRatchet allowUpdate(boolean allow) {
        return new BaselineRatchet(store, allowCreation, allow, refreeze);
    }

    /**
     * Whether to record all current findings anew, accepting new ones.
     *
     * @param yes true to refreeze
     * @return a new ratchet
     */
    public BaselineRatchet refreeze(boolean yes) {
        return new BaselineRatchet(store, allowCreation, allowUpdate, yes);
    }

    /**
     * Applies the stored baseline to a report, creating or updating the store as allowed.
     *
     * @param report the report (after exemptions, so exempted findings are not recorded)
     * @param context knows container names
     * @return the result; {@link BaselineResult#remaining()} is what the store now holds
     * @throws BaselineException if there is no baseline and creation is not allowed, or a refreeze
     *         is asked without update permission
     * @throws PolicyFileException if the stored baseline is malformed
     */
    public BaselineResult apply(Report report, FindingContext context) {
        var stored = store.load();
        if (stored.isEmpty() && !allowCreation) {
            throw new BaselineException("no baseline at " + store.description()
                    + " and creating one is not allowed (record it first, e.g. with --update-baseline)");
        }
        if (stored.isPresent() && refreeze && !allowUpdate) {
            throw new BaselineException("baseline " + store.description() + " may not be updated");
        }
        if (stored.isEmpty() || refreeze) {
            Baseline fresh = Baseline.record(report, context);
            store.save(fresh);
            return fresh.apply(report, context, store.description());
        }
        BaselineResult result = stored.get().apply(report, context, store.description());
        if (allowUpdate && !result.fixed().isEmpty()) {
            store.save(result.remaining());
        }
        return result;
    }

    /** Thrown when the baseline cannot be used as configured. */
    public static final class BaselineException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param message what is wrong
         */
        public BaselineException(String message) {
            super(message);
        }
    }
}
