package io.cncvision.query.asof;

import io.cncvision.projection.ReadModelSchema;
import java.time.Instant;

/** Finds, or builds by replaying the event store, the read models as the platform knew them at an instant. */
public interface ReadModelsAsOf {

    /** The schema holding every read model as of the instant, complete; replayed first if it is not there. */
    ReadModelSchema schema(Instant asOf);
}
