// An OPC-UA client written with node-opcua, a peer nobody at cncvision wrote, for interop tests.
// Usage: node peer-client.js ENDPOINT PKI_DIR. Connects with Basic256Sha256 SignAndEncrypt (trusting
// the server's certificate, as an operator would after checking it), reads the simulated lathe's
// nodes, writes the wear offset, calls SetOffset for the geometry offset, and prints one JSON line.
const {
    OPCUAClient, OPCUACertificateManager, MessageSecurityMode, SecurityPolicy, AttributeIds, DataType,
} = require("node-opcua");

const NODES = ["Execution", "Program", "PartCount", "SpindleSpeed", "ActiveTool", "Alarms/COOLANT_LOW",
    "Alarms/SPINDLE_OVERLOAD", "Offsets/T1.wear.x"];

// Int64 arrives as [high, low] words.
const plain = (value) => Array.isArray(value) && value.length === 2 ? value[0] * 4294967296 + value[1] : value;

async function main() {
    const [endpoint, pkiDir] = process.argv.slice(2);
    const clientCertificateManager = new OPCUACertificateManager({
        rootFolder: pkiDir,
        automaticallyAcceptUnknownCertificate: true,
    });
    await clientCertificateManager.initialize();
    const client = OPCUAClient.create({
        applicationName: "node-opcua peer client for cncvision tests",
        securityMode: MessageSecurityMode.SignAndEncrypt,
        securityPolicy: SecurityPolicy.Basic256Sha256,
        endpointMustExist: false,
        clientCertificateManager,
        connectionStrategy: { maxRetry: 2, initialDelay: 200, maxDelay: 1000 },
    });
    await client.connect(endpoint);
    const session = await client.createSession();
    const values = {};
    for (const name of NODES) {
        const dataValue = await session.read({ nodeId: "ns=2;s=Lathe/" + name, attributeId: AttributeIds.Value });
        values[name] = {
            value: plain(dataValue.value.value),
            status: dataValue.statusCode.name,
            sourceTimestamp: dataValue.sourceTimestamp ? dataValue.sourceTimestamp.toISOString() : null,
        };
    }
    const write = await session.write({
        nodeId: "ns=2;s=Lathe/Offsets/T1.wear.x",
        attributeId: AttributeIds.Value,
        value: { value: { dataType: DataType.Double, value: -0.02 } },
    });
    const call = await session.call({
        objectId: "ns=2;s=Lathe",
        methodId: "ns=2;s=Lathe/SetOffset",
        inputArguments: [{ dataType: DataType.String, value: "T1.geometry.x" }, { dataType: DataType.Double, value: -12.3 }],
    });
    const wearAfter = await session.read({ nodeId: "ns=2;s=Lathe/Offsets/T1.wear.x", attributeId: AttributeIds.Value });
    console.log(JSON.stringify({
        securityPolicy: client.securityPolicy, securityMode: MessageSecurityMode[client.securityMode],
        values, write: write.name, call: call.statusCode.name, wearAfter: wearAfter.value.value,
    }));
    await session.close();
    await client.disconnect();
}

main().then(() => process.exit(0)).catch((error) => {
    console.error("peer client failed: " + (error && error.stack || error));
    process.exit(1);
});
