package io.cncvision.cnc.mtconnect;

/** One document an MTConnect agent answers with: its device model, observations, or errors. */
public sealed interface MtConnectDocument permits DeviceModel, StreamsDocument, ErrorDocument {
}
