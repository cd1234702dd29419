// An OPC-UA server written with node-opcua, a peer nobody at cncvision wrote, for interop tests.
// Usage: node peer-server.js PORT PKI_DIR. Serves None and Basic256Sha256 SignAndEncrypt at
// opc.tcp://localhost:PORT/peer, accepts client certificates it has not seen, and prints one line
// `READY {json}` once clients can connect. Lines on stdin set values: `Execution ACTIVE`,
// `PartCount 3`, `DOOR_OPEN true`.
const path = require("path");
const readline = require("readline");
const {
    OPCUAServer, OPCUACertificateManager, Variant, DataType, StatusCodes, MessageSecurityMode, SecurityPolicy,
} = require("node-opcua");

async function main() {
    const port = parseInt(process.argv[2], 10);
    const pkiDir = process.argv[3];
    const serverCertificateManager = new OPCUACertificateManager({
        rootFolder: path.join(pkiDir, "pki"),
        automaticallyAcceptUnknownCertificate: true,
    });
    await serverCertificateManager.initialize();
    const server = new OPCUAServer({
        port,
        resourcePath: "/peer",
        serverCertificateManager,
        securityPolicies: [SecurityPolicy.None, SecurityPolicy.Basic256Sha256],
        securityModes: [MessageSecurityMode.None, MessageSecurityMode.SignAndEncrypt],
        allowAnonymous: true,
        buildInfo: { productName: "node-opcua peer for cncvision tests" },
    });
    await server.initialize();
    const addressSpace = server.engine.addressSpace;
    const ns = addressSpace.getOwnNamespace();
    const machine = ns.addObject({ organizedBy: addressSpace.rootFolder.objects, browseName: "Peer", nodeId: "s=Peer" });
    const variables = {};
    const add = (name, nodeId, dataType, value, writable) => {
        variables[name] = ns.addVariable({
            componentOf: machine,
            browseName: name,
            nodeId: "s=" + nodeId,
            dataType,
            accessLevel: writable ? "CurrentRead | CurrentWrite" : "CurrentRead",
            userAccessLevel: writable ? "CurrentRead | CurrentWrite" : "CurrentRead",
            value: new Variant({ dataType: DataType[dataType], value }),
        });
    };
    add("Execution", "Peer/Execution", "String", "READY", false);
    add("PartCount", "Peer/PartCount", "UInt32", 0, false);
    add("DOOR_OPEN", "Peer/Alarms/DOOR_OPEN", "Boolean", false, false);
    add("T1.wear.x", "Peer/Offsets/T1.wear.x", "Double", 0.0, true);

    await server.start();
    console.log("READY " + JSON.stringify({
        endpoint: server.getEndpointUrl(),
        namespaceIndex: ns.index,
        certificate: server.certificateFile,
    }));

    const set = (name, text) => {
        const variable = variables[name];
        const dataType = variable.dataType.value === DataType.Boolean ? DataType.Boolean
            : variable.dataType.value === DataType.String ? DataType.String
            : variable.dataType.value === DataType.UInt32 ? DataType.UInt32 : DataType.Double;
        const value = dataType === DataType.Boolean ? text === "true" : dataType === DataType.String ? text : Number(text);
        variable.setValueFromSource(new Variant({ dataType, value }), StatusCodes.Good, new Date());
    };
    readline.createInterface({ input: process.stdin }).on("line", (line) => {
        const [name, value] = line.trim().split(/\s+/, 2);
        if (variables[name]) {
            set(name, value);
            console.log("SET " + name + " " + value);
        } else if (name === "OFFSET?") {
            console.log("OFFSET " + variables["T1.wear.x"].readValue().value.value);
        }
    }).on("close", async () => {
        await server.shutdown(100);
        process.exit(0);
    });
}

main().catch((error) => {
    console.error("peer server failed: " + (error && error.stack || error));
    process.exit(1);
});
