package io.github.policydsl.docker.syntax;

import io.github.policydsl.api.Condition;
import io.github.policydsl.api.syntax.RuleSpec;
import io.github.policydsl.docker.DockerfileSubject;
import io.github.policydsl.docker.Dockerfiles;

/** A rule over whole Dockerfiles. Immutable. */
public final class DockerfileRule extends DockerRule<DockerfileSubject, DockerfileRule> {

    DockerfileRule(RuleSpec<Dockerfiles, DockerfileSubject> spec) {
        super(spec);
    }

    @Override
    protected DockerfileRule copy(RuleSpec<Dockerfiles, DockerfileSubject> newSpec) {
        return new DockerfileRule(newSpec);
    }

    /** At least two stages, so the final image can leave the build behind. */
    public DockerfileRule useMultiStageBuild() {
        return with(Condition.<DockerfileSubject>of("use a multi-stage build", (f, ev) -> {
            int n = f.stages().size();
            if (n >= 2) {
                ev.satisfied(f.path(), "has " + n + " stages");
            } else {
                ev.violated(f.finalStage().map(s -> s.path()).orElse(f.path()), "has a single stage");
            }
        }));
    }
}
