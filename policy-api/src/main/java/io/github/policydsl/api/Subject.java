package io.github.policydsl.api;

import io.github.policydsl.api.result.FieldPath;
import io.github.policydsl.api.result.Location;
import io.github.policydsl.api.result.SubjectRef;

/**
 * Something a rule checks: a pod template, a container, a Dockerfile stage. A subject knows what
 * it is ({@link #ref()}), where it sits in its document ({@link #path()}) and how to locate any
 * field of that document in the source.
 */
public interface Subject {

    /** What the subject is, for reports. */
    SubjectRef ref();

    /**
     * A named part of the subject, such as one container of a pod, for reports: {@link #ref()}
     * narrowed to the part. Implementations may return cached references.
     *
     * @param part the part's name; empty for the whole subject
     * @return the reference
     */
    default SubjectRef ref(String part) {
        return part.isEmpty() ? ref() : ref().withContainer(part);
    }

    /** The subject's own path within its document, e.g. {@code spec.template.spec.containers[0]}. */
    FieldPath path();

    /**
     * The source location of the most specific existing node on a path: the field itself when
     * present, otherwise its nearest existing ancestor.
     *
     * @param path a path within the subject's document
     * @return the location
     */
    Location locate(FieldPath path);

    /**
     * Where the subject itself starts in its source: {@code locate(path())}. Implementations may
     * cache it, since every rule reports a result there.
     *
     * @return the location of the subject
     */
    default Location location() {
        return locate(path());
    }
}
