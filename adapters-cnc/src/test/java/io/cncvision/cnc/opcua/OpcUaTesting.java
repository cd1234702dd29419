package io.cncvision.cnc.opcua;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

/** What the OPC-UA tests share: free ports and trusting a server's certificate. */
final class OpcUaTesting {

    private OpcUaTesting() {
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** Puts {@code certificate} in the trust list under {@code pkiDir}, as an operator would. */
    static void trust(Path pkiDir, X509Certificate certificate) throws Exception {
        Path trusted = Files.createDirectories(pkiDir.resolve("trusted/certs"));
        Files.write(trusted.resolve("server.der"), certificate.getEncoded());
    }
}
