package io.cncvision.app.cli;

import java.util.ArrayList;
import java.util.List;

/** Passes options the command line does not know on to Spring Boot, accepting {@code --key value} too. */
final class SpringArguments {

    private SpringArguments() {
    }

    static String[] of(List<String> unmatched) {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < unmatched.size(); i++) {
            String arg = unmatched.get(i);
            boolean takesNext = arg.startsWith("--") && !arg.contains("=") && i + 1 < unmatched.size()
                    && !unmatched.get(i + 1).startsWith("--");
            if (takesNext) {
                result.add(arg + "=" + unmatched.get(++i));
            } else {
                result.add(arg);
            }
        }
        return result.toArray(String[]::new);
    }
}
