package io.cncvision.cnc.mtconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncvision.cnc.mtconnect.StreamsDocument.Category;
import io.cncvision.cnc.mtconnect.StreamsDocument.ConditionLevel;
import io.cncvision.cnc.mtconnect.StreamsDocument.Entry;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MtConnectParserTest {

    private final MtConnectParser parser = new MtConnectParser();

    private static InputStream xml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parsesEveryRealDeviceModel() throws Exception {
        List<Path> files = MtConnectData.xml("devices");
        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                DeviceModel model = parser.parseDevices(in);
                assertThat(model.devices()).as(file.getFileName().toString()).isNotEmpty();
                assertThat(model.dataItems()).as(file.getFileName().toString()).isNotEmpty();
            }
        }
    }

    @Test
    void readsDevicesComponentsAndDataItems() throws Exception {
        try (InputStream in = Files.newInputStream(MtConnectData.path("devices/SimpleDevlce.xml"))) {
            DeviceModel model = parser.parseDevices(in);
            assertThat(model.instanceId()).isEqualTo("12345");
            DeviceModel.Device device = model.devices().get(0);
            assertThat(device.name()).isEqualTo("SimpleCnc");
            assertThat(device.uuid()).isEqualTo("872a3490-bd2d-0136-3eb0-0c85909298d9");
            assertThat(device.dataItems()).extracting(DeviceModel.DataItem::id).contains("d5b078a0");
            assertThat(device.components()).extracting(DeviceModel.Component::type).contains("Axes");
            assertThat(model.dataItem("dcbc0570")).hasValueSatisfying(item -> {
                assertThat(item.type()).isEqualTo("POSITION");
                assertThat(item.subType()).isEqualTo("ACTUAL");
                assertThat(item.category()).isEqualTo("SAMPLE");
                assertThat(item.name()).isEqualTo("Xpos");
            });
        }
    }

    @Test
    void parsesTheOkumaAndMazakModelOfTheDemoAgent() throws Exception {
        try (InputStream in = Files.newInputStream(MtConnectData.path("devices/demo_Devices_okuma_mazak_2.7.xml"))) {
            DeviceModel model = parser.parseDevices(in);
            assertThat(model.devices()).extracting(DeviceModel.Device::name).contains("OKUMA");
            assertThat(model.dataItems().values()).extracting(DeviceModel.DataItem::category)
                    .contains("SAMPLE", "EVENT", "CONDITION");
        }
    }

    @Test
    void parsesEveryRealStreamsDocument() throws Exception {
        for (Path file : MtConnectData.xml("streams")) {
            try (InputStream in = Files.newInputStream(file)) {
                StreamsDocument streams = parser.parseStreams(in);
                assertThat(streams.header().nextSequence()).as(file.getFileName().toString()).isPositive();
            }
        }
    }

    @Test
    void readsHeaderAndObservations() throws Exception {
        try (InputStream in = Files.newInputStream(MtConnectData.path("streams/response_document__should_parse_observations__L96.xml"))) {
            StreamsDocument streams = parser.parseStreams(in);
            assertThat(streams.header()).isEqualTo(new StreamsDocument.Header("1649989201", "2.0.0.1", 131072,
                    5610509, 5741580, 5741581));
            assertThat(streams.entries()).extracting(Entry::dataItemId).containsExactly("d_asset_chg", "d_asset_rem", "px", "c1");
            Entry speed = streams.entries().get(3);
            assertThat(speed.category()).isEqualTo(Category.SAMPLE);
            assertThat(speed.element()).isEqualTo("RotaryVelocity");
            assertThat(speed.sequence()).isEqualTo(5741553);
            assertThat(speed.timestamp()).isEqualTo(Instant.parse("2022-04-22T04:06:21Z"));
            assertThat(speed.value()).isEqualTo("1556.33");
            assertThat(streams.entries().get(2).value()).isEqualTo("AUTOMATIC");
        }
    }

    @Test
    void readsDataSetsAndTables() throws Exception {
        try (InputStream in = Files.newInputStream(MtConnectData.path("streams/response_document__should_parse_data_sets__L161.xml"))) {
            List<Entry> entries = parser.parseStreams(in).entries();
            assertThat(entries.get(0).value()).isEqualTo("UNAVAILABLE");
            assertThat(entries.get(1).entries()).containsEntry("X100", "66").containsEntry("X101", "ABC")
                    .containsEntry("X103", "");
        }
        try (InputStream in = Files.newInputStream(MtConnectData.path("streams/response_document__should_parse_tables__L231.xml"))) {
            List<Entry> entries = parser.parseStreams(in).entries();
            assertThat(entries.get(1).entries()).containsEntry("W1", "{X=1.0 Y=2.0 Z=3.0}").containsEntry("W4", "");
        }
    }

    @Test
    void readsConditionsWithTheirLevelNativeCodeAndText() throws Exception {
        StreamsDocument streams = parser.parseStreams(xml("""
                <MTConnectStreams xmlns="urn:mtconnect.org:MTConnectStreams:1.3">
                  <Header creationTime="2024-01-01T00:00:00Z" sender="a" instanceId="7" version="1.3.0" bufferSize="16"
                          nextSequence="14" firstSequence="1" lastSequence="13"/>
                  <Streams><DeviceStream name="m" uuid="m"><ComponentStream component="Controller" componentId="c">
                    <Condition>
                      <Fault dataItemId="sys" sequence="11" timestamp="2024-01-01T00:00:01.5Z" type="SYSTEM" nativeCode="1001"
                             nativeSeverity="3" qualifier="HIGH">Spindle overload</Fault>
                      <Warning dataItemId="sys" sequence="12" timestamp="2024-01-01T00:00:02Z" type="SYSTEM" nativeCode="2002"/>
                      <Normal dataItemId="temp" sequence="13" timestamp="2024-01-01T00:00:03" type="TEMPERATURE"/>
                      <Unavailable dataItemId="logic" sequence="10" timestamp="2024-01-01T00:00:00Z" type="LOGIC_PROGRAM"/>
                    </Condition>
                  </ComponentStream></DeviceStream></Streams>
                </MTConnectStreams>
                """));
        List<Entry> conditions = streams.entries();
        assertThat(conditions).extracting(Entry::level).containsExactly(ConditionLevel.FAULT, ConditionLevel.WARNING,
                ConditionLevel.NORMAL, ConditionLevel.UNAVAILABLE);
        Entry fault = conditions.get(0);
        assertThat(fault.nativeCode()).isEqualTo("1001");
        assertThat(fault.nativeSeverity()).isEqualTo("3");
        assertThat(fault.qualifier()).isEqualTo("HIGH");
        assertThat(fault.value()).isEqualTo("Spindle overload");
        assertThat(fault.timestamp()).isEqualTo(Instant.parse("2024-01-01T00:00:01.500Z"));
        assertThat(conditions.get(1).value()).isNull();
        assertThat(conditions.get(2).timestamp()).isEqualTo(Instant.parse("2024-01-01T00:00:03Z"));
    }

    @Test
    void readsAnOutOfRangeError() throws Exception {
        MtConnectDocument document = parser.parse(xml("""
                <?xml version="1.0" encoding="UTF-8"?>
                <MTConnectError xmlns="urn:mtconnect.org:MTConnectError:1.3">
                  <Header creationTime="2024-01-01T00:00:00Z" sender="a" instanceId="7" version="1.3.0" bufferSize="16"/>
                  <Errors><Error errorCode="OUT_OF_RANGE">'from' must be greater than 100</Error></Errors>
                </MTConnectError>
                """));
        assertThat(document).isInstanceOfSatisfying(ErrorDocument.class, error -> {
            assertThat(error.has("OUT_OF_RANGE")).isTrue();
            assertThat(error.instanceId()).isEqualTo("7");
            assertThat(error.errors().get(0).text()).isEqualTo("'from' must be greater than 100");
        });
    }

    @Test
    void readsTheRealCuttingToolAndPartAssets() throws Exception {
        for (Path file : MtConnectData.xml("assets")) {
            if (Files.readString(file).contains("<MTConnectDevices")) {
                // presetter.xml is the presetter's device model, filed with the assets
                try (InputStream in = Files.newInputStream(file)) {
                    assertThat(parser.parseDevices(in).devices()).isNotEmpty();
                }
                continue;
            }
            try (InputStream in = Files.newInputStream(file)) {
                List<MtConnectParser.Asset> assets = parser.parseAssets(in);
                assertThat(assets).as(file.getFileName().toString()).isNotEmpty()
                        .allSatisfy(asset -> assertThat(asset.assetId()).isNotBlank());
            }
        }
        try (InputStream in = Files.newInputStream(MtConnectData.path("assets/KSSP300R4SD43L240.xml"))) {
            assertThat(parser.parseAssets(in)).extracting(MtConnectParser.Asset::type).contains("CuttingTool");
        }
    }

    @Test
    void refusesTruncatedXmlNamingWhere() {
        assertThatThrownBy(() -> parser.parse(xml("""
                <MTConnectStreams xmlns="urn:mtconnect.org:MTConnectStreams:1.3">
                  <Header creationTime="2024-01-01T00:00:00Z" sender="a" instanceId="7" version="1.3.0" bufferSize="16"
                          nextSequence="14" firstSequence="1" lastSequence="13"/>
                  <Streams><DeviceStream name="m" uuid="m"><ComponentStream component="Path" componentId="p">
                    <Events><Execution dataItemId="exec" sequence="12" timestamp="2024-01-01T00:00:02Z">ACT""")))
                .isInstanceOf(MtConnectDocumentException.class)
                .hasMessageContaining("malformed MTConnect XML")
                .hasMessageContaining("line 5");
    }

    @Test
    void refusesMalformedXmlNamingWhere() {
        assertThatThrownBy(() -> parser.parse(xml("<MTConnectStreams>\n  <Header instanceId=\"1\" <oops/>\n</MTConnectStreams>")))
                .isInstanceOfSatisfying(MtConnectDocumentException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isPositive();
                });
    }

    @Test
    void refusesAnObservationWithoutASequence() {
        assertThatThrownBy(() -> parser.parse(xml("""
                <MTConnectStreams>
                  <Header instanceId="7" bufferSize="16" nextSequence="14" firstSequence="1" lastSequence="13"/>
                  <Streams><DeviceStream name="m"><ComponentStream componentId="p">
                    <Events><Execution dataItemId="exec" timestamp="2024-01-01T00:00:02Z">ACTIVE</Execution></Events>
                  </ComponentStream></DeviceStream></Streams>
                </MTConnectStreams>""")))
                .isInstanceOf(MtConnectDocumentException.class)
                .hasMessageContaining("Execution exec has no sequence attribute")
                .hasMessageContaining("line 4");
    }

    @Test
    void refusesDtdsAndExternalEntities() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE MTConnectError [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <MTConnectError><Errors><Error errorCode="X">&secret;</Error></Errors></MTConnectError>
                """;
        assertThatThrownBy(() -> parser.parse(xml(xxe)))
                .isInstanceOf(MtConnectDocumentException.class)
                .hasMessageContaining("line 2")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("root:"));
        String billionLaughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
                <MTConnectError><Errors><Error errorCode="X">&lol2;</Error></Errors></MTConnectError>
                """;
        assertThatThrownBy(() -> parser.parse(xml(billionLaughs))).isInstanceOf(MtConnectDocumentException.class);
    }

    @Test
    void refusesADocumentOverTheSizeLimit() {
        MtConnectParser small = new MtConnectParser(1024);
        StringBuilder big = new StringBuilder("<MTConnectStreams><Header instanceId=\"1\" nextSequence=\"1\" firstSequence=\"1\""
                + " lastSequence=\"1\"/><Streams>");
        while (big.length() < 4096) {
            big.append("<DeviceStream name=\"m\"/>");
        }
        big.append("</Streams></MTConnectStreams>");
        assertThatThrownBy(() -> small.parse(xml(big.toString())))
                .isInstanceOf(DocumentTooLargeException.class)
                .hasMessageContaining("1024 bytes");
        assertThatThrownBy(() -> small.parse(big.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DocumentTooLargeException.class);
    }

    @Test
    void refusesADocumentThatIsNotMtConnect() {
        assertThatThrownBy(() -> parser.parse(xml("<html><body>gateway</body></html>")))
                .isInstanceOf(MtConnectDocumentException.class)
                .hasMessageContaining("<html> is not an MTConnect document");
    }

    @Test
    void parsesTimestampsOfEveryPrecision() {
        assertThat(MtConnectParser.parseTimestamp("2022-08-08T13:51:34.7167146Z"))
                .isEqualTo(Instant.parse("2022-08-08T13:51:34.716714600Z"));
        assertThat(MtConnectParser.parseTimestamp("2022-08-08T13:51:34Z")).isEqualTo(Instant.parse("2022-08-08T13:51:34Z"));
        assertThat(MtConnectParser.parseTimestamp("2011-07-25T13:55:22")).isEqualTo(Instant.parse("2011-07-25T13:55:22Z"));
        assertThat(MtConnectParser.parseTimestamp("2022-08-08T15:51:34+02:00")).isEqualTo(Instant.parse("2022-08-08T13:51:34Z"));
    }
}
