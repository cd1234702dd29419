package io.cncvision.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data-dir} option of every command that works on an instance's data directory. */
public class DataDirOption {

    @Option(names = "--data-dir", paramLabel = "DIR",
            defaultValue = "${sys:cncvision.data-dir:-${env:CNCVISION_DATA_DIR:-./data}}",
            description = "The instance's data directory (cncvision.data-dir): where its signing and audit keys are "
                    + "kept, and its embedded PostgreSQL. Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    public Path dataDir() {
        return dataDir;
    }
}
