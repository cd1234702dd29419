package io.cncvision.query.web;

import io.cncvision.query.NotFoundException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waits for a query's answer and rethrows a handler's {@link NotFoundException} as itself, not wrapped. */
final class QueryAnswers {

    private QueryAnswers() {
    }

    static <T> T await(CompletableFuture<T> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof NotFoundException notFound) {
                    throw notFound;
                }
                // A query the handler refuses (too few measurements for capability, say) is the caller's to mend.
                if (cause instanceof IllegalArgumentException refused) {
                    throw refused;
                }
            }
            throw e;
        }
    }
}
