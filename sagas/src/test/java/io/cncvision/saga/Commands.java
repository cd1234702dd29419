package io.cncvision.saga;

import java.util.List;
import java.util.function.Predicate;
import org.axonframework.commandhandling.CommandMessage;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;

/** Matches the commands a saga sent, in order, each by its type and what must hold of it. */
public final class Commands {

    /** One expected command. */
    public record Expected<T>(Class<T> type, Predicate<T> holds) {
    }

    private Commands() {
    }

    public static <T> Expected<T> a(Class<T> type) {
        return new Expected<>(type, command -> true);
    }

    public static <T> Expected<T> a(Class<T> type, Predicate<T> holds) {
        return new Expected<>(type, holds);
    }

    public static Matcher<List<? super CommandMessage<?>>> exactly(Expected<?>... expected) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                List<?> sent = (List<?>) actual;
                if (sent.size() != expected.length) {
                    return false;
                }
                for (int i = 0; i < expected.length; i++) {
                    if (!holds(expected[i], ((CommandMessage<?>) sent.get(i)).getPayload())) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("commands of types ");
                for (Expected<?> e : expected) {
                    description.appendText(e.type().getSimpleName() + " ");
                }
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> boolean holds(Expected<T> expected, Object payload) {
        return expected.type().isInstance(payload) && expected.holds().test((T) payload);
    }
}
