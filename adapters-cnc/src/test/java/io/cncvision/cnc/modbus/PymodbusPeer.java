package io.cncvision.cnc.modbus;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * pymodbus, the Modbus peer nobody here wrote, run with Debian's {@code /usr/bin/python3} (the python3 on
 * PATH cannot see Debian's packages); tests using it are skipped where it is not installed.
 */
final class PymodbusPeer implements AutoCloseable {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path SCRIPTS = Path.of("src/test/python");

    private final Process process;
    private final Path output;

    private PymodbusPeer(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Skips the calling test unless /usr/bin/python3 can import pymodbus's client and server. */
    static void assumeInstalled() throws Exception {
        String missing = "Modbus interop peer missing: /usr/bin/python3 cannot import pymodbus (install it with"
                + " apt-get install python3-pymodbus python3-serial-asyncio, as .ci/run does)";
        assumeTrue(Files.isExecutable(PYTHON), missing + ": " + PYTHON + " not found");
        Process check = new ProcessBuilder(PYTHON.toString(), "-c", "import pymodbus.client, pymodbus.server")
                .redirectErrorStream(true).start();
        boolean done = check.waitFor(30, TimeUnit.SECONDS);
        String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!done) {
            check.destroyForcibly();
        }
        assumeTrue(done && check.exitValue() == 0, missing + ": " + said);
    }

    /** Starts {@code script} in the background; its output goes to a file shown when something fails. */
    static PymodbusPeer start(String script, String... arguments) throws IOException {
        Path output = Files.createTempFile("pymodbus-", ".log");
        Process process = new ProcessBuilder(command(script, arguments)).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        return new PymodbusPeer(process, output);
    }

    /** Runs {@code script} to its end and returns what it printed; fails with its errors when it fails. */
    static String run(String script, String... arguments) throws Exception {
        Path errors = Files.createTempFile("pymodbus-", ".err");
        try {
            Process process = new ProcessBuilder(command(script, arguments))
                    .redirectError(errors.toFile()).start();
            byte[] printed = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new AssertionError(script + " failed: " + Files.readString(errors));
            }
            return new String(printed, StandardCharsets.UTF_8).trim();
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    String output() throws IOException {
        return Files.readString(output);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        Files.deleteIfExists(output);
    }

    private static List<String> command(String script, String... arguments) {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), SCRIPTS.resolve(script).toString()));
        command.addAll(List.of(arguments));
        return command;
    }
}
