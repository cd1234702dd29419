package io.cncvision.cnc.mtconnect;

import io.cncvision.cnc.mtconnect.DeviceModel.Component;
import io.cncvision.cnc.mtconnect.DeviceModel.DataItem;
import io.cncvision.cnc.mtconnect.DeviceModel.Device;
import io.cncvision.cnc.mtconnect.StreamsDocument.Category;
import io.cncvision.cnc.mtconnect.StreamsDocument.ConditionLevel;
import io.cncvision.cnc.mtconnect.StreamsDocument.Entry;
import io.cncvision.cnc.mtconnect.StreamsDocument.Header;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX parsers of the MTConnect documents an agent answers with (any version from 1.1 to 2.x: elements
 * are matched by local name, whatever the namespace). No DOM: a {@code /sample} chunk is read once, in
 * order, into small records.
 *
 * <p>Safe for documents from the network: DTDs and external entities are refused (XXE), and a document
 * longer than {@code maxDocumentBytes} is refused without being held in memory. A malformed or
 * truncated document fails with a {@link MtConnectDocumentException} naming what and where; nothing of
 * it is returned.
 */
public final class MtConnectParser {

    /** The default size limit of one document: 16 MB. */
    public static final long DEFAULT_MAX_DOCUMENT_BYTES = 16L * 1024 * 1024;

    private final XMLInputFactory factory;
    private final long maxDocumentBytes;

    public MtConnectParser() {
        this(DEFAULT_MAX_DOCUMENT_BYTES);
    }

    public MtConnectParser(long maxDocumentBytes) {
        if (maxDocumentBytes <= 0) {
            throw new IllegalArgumentException("maxDocumentBytes must be positive, not " + maxDocumentBytes);
        }
        this.maxDocumentBytes = maxDocumentBytes;
        this.factory = safeFactory();
    }

    public long maxDocumentBytes() {
        return maxDocumentBytes;
    }

    /** A StAX factory that refuses DTDs and never resolves an external entity (OWASP XXE guidance). */
    static XMLInputFactory safeFactory() {
        // The JDK's own StAX, whatever else is on the classpath: its refusal of DTDs and entities is what the tests prove.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entity " + systemId + " refused");
        });
        return factory;
    }

    /** Whichever document {@code in} holds, by its root element. */
    public MtConnectDocument parse(InputStream in) throws MtConnectDocumentException {
        return read(in, null);
    }

    public MtConnectDocument parse(byte[] document) throws MtConnectDocumentException {
        if (document.length > maxDocumentBytes) {
            throw new DocumentTooLargeException(maxDocumentBytes);
        }
        return read(new ByteArrayInputStream(document), null);
    }

    public DeviceModel parseDevices(InputStream in) throws MtConnectDocumentException {
        return (DeviceModel) read(in, "MTConnectDevices");
    }

    public StreamsDocument parseStreams(InputStream in) throws MtConnectDocumentException {
        return (StreamsDocument) read(in, "MTConnectStreams");
    }

    public ErrorDocument parseError(InputStream in) throws MtConnectDocumentException {
        return (ErrorDocument) read(in, "MTConnectError");
    }

    /**
     * The assets of an MTConnectAssets document, or the single asset a file holds (a {@code CuttingTool},
     * a {@code Part}, ...): each one's type, id and the attributes that identify it.
     */
    public List<Asset> parseAssets(InputStream in) throws MtConnectDocumentException {
        XMLStreamReader reader = open(in);
        try {
            List<Asset> assets = new ArrayList<>();
            String root = root(reader);
            if (root.equals("MTConnectAssets")) {
                while (next(reader) != XMLStreamConstants.END_ELEMENT) {
                    if (!reader.isStartElement()) {
                        continue;
                    }
                    if (!reader.getLocalName().equals("Assets")) {
                        skip(reader);
                        continue;
                    }
                    while (next(reader) != XMLStreamConstants.END_ELEMENT) {
                        if (reader.isStartElement()) {
                            assets.add(asset(reader));
                        }
                    }
                }
            } else {
                assets.add(asset(reader));
            }
            finish(reader);
            return assets;
        } catch (XMLStreamException e) {
            throw fault(e);
        } finally {
            close(reader);
        }
    }

    /** An asset: its element name, {@code assetId}, and for a cutting tool its {@code toolId} and serial number. */
    public record Asset(String type, String assetId, String toolId, String serialNumber, String timestamp) {
    }

    private Asset asset(XMLStreamReader reader) throws XMLStreamException, MtConnectDocumentException {
        Asset asset = new Asset(reader.getLocalName(), attribute(reader, "assetId"), attribute(reader, "toolId"),
                attribute(reader, "serialNumber"), attribute(reader, "timestamp"));
        if (asset.assetId() == null) {
            throw missing(reader, asset.type(), "assetId");
        }
        skip(reader);
        return asset;
    }

    private MtConnectDocument read(InputStream in, String expectedRoot) throws MtConnectDocumentException {
        XMLStreamReader reader = open(in);
        try {
            String root = root(reader);
            if (expectedRoot != null && !expectedRoot.equals(root)) {
                throw at(reader, "expected an " + expectedRoot + " document, found <" + root + ">", null);
            }
            MtConnectDocument document = switch (root) {
                case "MTConnectDevices" -> devices(reader);
                case "MTConnectStreams" -> streams(reader);
                case "MTConnectError" -> errors(reader);
                default -> throw at(reader, "<" + root + "> is not an MTConnect document"
                        + " (MTConnectDevices, MTConnectStreams or MTConnectError)", null);
            };
            finish(reader);
            return document;
        } catch (XMLStreamException e) {
            throw fault(e);
        } finally {
            close(reader);
        }
    }

    private XMLStreamReader open(InputStream in) throws MtConnectDocumentException {
        try {
            return factory.createXMLStreamReader(new SizeLimitedInputStream(in, maxDocumentBytes));
        } catch (XMLStreamException e) {
            throw fault(e);
        }
    }

    private static void close(XMLStreamReader reader) {
        try {
            reader.close();
        } catch (XMLStreamException ignored) {
            // the input stream is the caller's; nothing of ours to release
        }
    }

    // The name of the root element, with the reader on it.
    private static String root(XMLStreamReader reader) throws XMLStreamException, MtConnectDocumentException {
        while (true) {
            int event = next(reader);
            if (event == XMLStreamConstants.START_ELEMENT) {
                return reader.getLocalName();
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw at(reader, "empty document: no root element", null);
            }
        }
    }

    // After the root element: only comments and processing instructions may follow.
    private static void finish(XMLStreamReader reader) throws XMLStreamException, MtConnectDocumentException {
        while (reader.hasNext()) {
            next(reader);
        }
    }

    private static int next(XMLStreamReader reader) throws XMLStreamException, MtConnectDocumentException {
        int event = reader.next();
        if (event == XMLStreamConstants.DTD) {
            throw at(reader, "document type declarations (DTD) are refused", null);
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw at(reader, "entity reference &" + reader.getLocalName() + "; refused", null);
        }
        return event;
    }

    // Skips the element the reader is on, with all it holds.
    private static void skip(XMLStreamReader reader) throws XMLStreamException, MtConnectDocumentException {
        int depth = 1;
        while (depth > 0) {
            int event = next(reader);
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static String attribute(XMLStreamReader reader, String name) {
        return reader.getAttributeValue(null, name);
    }

    // ---- MTConnectDevices

    private static DeviceModel devices(XMLStreamReader reader) throws XMLStreamException, MtConnectDocumentException {
        String instanceId = null;
        String version = null;
        List<Device> devices = new ArrayList<>();
        while (true) {
            int event = next(reader);
            if (event == XMLStreamConstants.END_ELEMENT) {
                return new DeviceModel(instanceId, version, devices);
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (reader.getLocalName()) {
                case "Header" -> {
                    instanceId = attribute(reader, "instanceId");
                    version = attribute(reader, "version");
                    skip(reader);
                }
                case "Devices" -> {
                    while (next(reader) != XMLStreamConstants.END_ELEMENT || !reader.getLocalName().equals("Devices")) {
                        if (reader.isStartElement()) {
                            devices.add(device(reader));
                        }
                    }
                }
                default -> skip(reader);
            }
        }
    }

    private static Device device(XMLStreamReader reader) throws XMLStreamException, MtConnectDocumentException {
        String id = attribute(reader, "id");
        if (id == null) {
            throw missing(reader, reader.getLocalName(), "id");
        }
        String name = attribute(reader, "name");
        String uuid = attribute(reader, "uuid");
        List<DataItem> items = new ArrayList<>();
        List<Component> components = new ArrayList<>();
        children(reader, items, components);
        return new Device(id, name, uuid, items, components);
    }

    private static Component component(XMLStreamReader reader) throws XMLStreamException, MtConnectDocumentException {
        String type = reader.getLocalName();
        String id = attribute(reader, "id");
        if (id == null) {
            throw missing(reader, type, "id");
        }
        String name = attribute(reader, "name");
        List<DataItem> items = new ArrayList<>();
        List<Component> components = new ArrayList<>();
        children(reader, items, components);
        return new Component(type, id, name, items, components);
    }

    // The DataItems and Components of the element the reader is on, up to its end.
    private static void children(XMLStreamReader reader, List<DataItem> items, List<Component> components)
            throws XMLStreamException, MtConnectDocumentException {
        while (true) {
            int event = next(reader);
            if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (reader.getLocalName()) {
                case "DataItems" -> {
                    while (next(reader) != XMLStreamConstants.END_ELEMENT) {
                        if (reader.isStartElement()) {
                            if (reader.getLocalName().equals("DataItem")) {
                                items.add(dataItem(reader));
                            }
                            skip(reader);
                        }
                    }
                }
                case "Components" -> {
                    while (next(reader) != XMLStreamConstants.END_ELEMENT) {
                        if (reader.isStartElement()) {
                            components.add(component(reader));
                        }
                    }
                }
                default -> skip(reader); // Description, Configuration, Compositions, References
            }
        }
    }

    private static DataItem dataItem(XMLStreamReader reader) throws MtConnectDocumentException {
        String id = attribute(reader, "id");
        String type = attribute(reader, "type");
        String category = attribute(reader, "category");
        if (id == null) {
            throw missing(reader, "DataItem", "id");
        }
        if (type == null || category == null) {
            throw missing(reader, "DataItem " + id, type == null ? "type" : "category");
        }
        return new DataItem(id, attribute(reader, "name"), type, attribute(reader, "subType"), category,
                attribute(reader, "units"));
    }

    // ---- MTConnectStreams

    private static StreamsDocument streams(XMLStreamReader reader) throws XMLStreamException, MtConnectDocumentException {
        Header header = null;
        List<Entry> entries = new ArrayList<>();
        // Depth below the root; containers (Samples, Events, Condition) hold observations one level down.
        int depth = 0;
        Category container = null;
        int containerDepth = -1;
        while (true) {
            int event = next(reader);
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = reader.getLocalName();
                if (container != null && depth == containerDepth + 1) {
                    entries.add(entry(reader, container, name));
                    depth--;
                } else if (depth == 1 && name.equals("Header")) {
                    header = header(reader);
                    depth--;
                } else if (name.equals("Samples")) {
                    container = Category.SAMPLE;
                    containerDepth = depth;
                } else if (name.equals("Events")) {
                    container = Category.EVENT;
                    containerDepth = depth;
                } else if (name.equals("Condition")) {
                    container = Category.CONDITION;
                    containerDepth = depth;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == 0) {
                    if (header == null) {
                        throw at(reader, "MTConnectStreams has no Header", null);
                    }
                    return new StreamsDocument(header, entries);
                }
                if (depth == containerDepth) {
                    container = null;
                    containerDepth = -1;
                }
                depth--;
            }
        }
    }

    private static Header header(XMLStreamReader reader) throws XMLStreamException, MtConnectDocumentException {
        String instanceId = attribute(reader, "instanceId");
        if (instanceId == null) {
            throw missing(reader, "Header", "instanceId");
        }
        Header header = new Header(instanceId, attribute(reader, "version"), number(reader, "Header", "bufferSize", true),
                number(reader, "Header", "firstSequence", false), number(reader, "Header", "lastSequence", false),
                number(reader, "Header", "nextSequence", false));
        skip(reader);
        return header;
    }

    private static Entry entry(XMLStreamReader reader, Category category, String element)
            throws XMLStreamException, MtConnectDocumentException {
        String dataItemId = attribute(reader, "dataItemId");
        if (dataItemId == null) {
            throw missing(reader, element, "dataItemId");
        }
        long sequence = number(reader, element + " " + dataItemId, "sequence", false);
        String time = attribute(reader, "timestamp");
        if (time == null) {
            throw missing(reader, element + " " + dataItemId, "timestamp");
        }
        Instant timestamp = timestamp(time, reader);
        String name = attribute(reader, "name");
        ConditionLevel level = null;
        String nativeCode = null;
        String nativeSeverity = null;
        String qualifier = null;
        if (category == Category.CONDITION) {
            level = switch (element) {
                case "Normal" -> ConditionLevel.NORMAL;
                case "Warning" -> ConditionLevel.WARNING;
                case "Fault" -> ConditionLevel.FAULT;
                case "Unavailable" -> ConditionLevel.UNAVAILABLE;
                default -> throw at(reader, "condition <" + element + "> of " + dataItemId
                        + " is not Normal, Warning, Fault or Unavailable", null);
            };
            nativeCode = attribute(reader, "nativeCode");
            nativeSeverity = attribute(reader, "nativeSeverity");
            qualifier = attribute(reader, "qualifier");
        }
        // The content: text, or for a data set or table its Entry elements (a table's with Cell elements).
        StringBuilder text = null;
        String single = null;
        Map<String, String> entries = null;
        while (true) {
            int event = next(reader);
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                if (single == null && text == null) {
                    single = reader.getText();
                } else {
                    if (text == null) {
                        text = new StringBuilder(single);
                    }
                    text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                }
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                if (entries == null) {
                    entries = new LinkedHashMap<>();
                }
                dataSetEntry(reader, entries);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        String value = text != null ? text.toString().trim() : single != null ? single.trim() : "";
        if (entries != null) {
            value = join(entries);
        }
        if (category == Category.CONDITION && value.isEmpty()) {
            value = null;
        }
        return new Entry(category, element, dataItemId, name, sequence, timestamp, value, level, nativeCode,
                nativeSeverity, qualifier, entries == null ? null : Map.copyOf(entries));
    }

    // One <Entry key="k">value</Entry> of a data set, or a table row <Entry key="r"><Cell key="c">v</Cell>...</Entry>.
    private static void dataSetEntry(XMLStreamReader reader, Map<String, String> entries)
            throws XMLStreamException, MtConnectDocumentException {
        String key = attribute(reader, "key");
        boolean removed = "true".equals(attribute(reader, "removed"));
        StringBuilder text = new StringBuilder();
        Map<String, String> cells = null;
        while (true) {
            int event = next(reader);
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(reader.getText());
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                if (cells == null) {
                    cells = new LinkedHashMap<>();
                }
                String cell = attribute(reader, "key");
                cells.put(cell == null ? reader.getLocalName() : cell, reader.getElementText().trim());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        if (key == null) {
            throw missing(reader, "Entry", "key");
        }
        entries.put(key, removed ? "" : cells != null ? "{" + join(cells) + "}" : text.toString().trim());
    }

    private static String join(Map<String, String> entries) {
        StringBuilder joined = new StringBuilder();
        entries.forEach((key, value) -> {
            if (!joined.isEmpty()) {
                joined.append(' ');
            }
            joined.append(key).append('=').append(value);
        });
        return joined.toString();
    }

    // ---- MTConnectError

    private static ErrorDocument errors(XMLStreamReader reader) throws XMLStreamException, MtConnectDocumentException {
        String instanceId = null;
        List<ErrorDocument.Error> errors = new ArrayList<>();
        int depth = 0;
        while (true) {
            int event = next(reader);
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = reader.getLocalName();
                if (name.equals("Header")) {
                    instanceId = attribute(reader, "instanceId");
                    skip(reader);
                } else if (name.equals("Error")) {
                    String code = attribute(reader, "errorCode");
                    if (code == null) {
                        throw missing(reader, "Error", "errorCode");
                    }
                    errors.add(new ErrorDocument.Error(code, reader.getElementText().trim()));
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == 0) {
                    return new ErrorDocument(instanceId, errors);
                }
                depth--;
            }
        }
    }

    // ---- values

    private static long number(XMLStreamReader reader, String element, String attribute, boolean optional)
            throws MtConnectDocumentException {
        String value = reader.getAttributeValue(null, attribute);
        if (value == null) {
            if (optional) {
                return 0;
            }
            throw missing(reader, element, attribute);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw at(reader, element + ": " + attribute + " '" + value + "' is not a whole number", e);
        }
    }

    private static Instant timestamp(String text, XMLStreamReader reader) throws MtConnectDocumentException {
        try {
            return parseTimestamp(text);
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            throw at(reader, "timestamp '" + text + "' is not an ISO 8601 time", e);
        }
    }

    /**
     * An MTConnect timestamp: ISO 8601 UTC ({@code 2022-08-08T13:51:34.7167146Z}), also without the
     * {@code Z} (older agents write local-less UTC) or with an offset. The common form is parsed by hand:
     * it is on every observation and a formatter would dominate parsing time.
     */
    public static Instant parseTimestamp(String text) {
        int length = text.length();
        if (length >= 19 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':') {
            int end = length;
            boolean utc = text.charAt(length - 1) == 'Z';
            if (utc) {
                end--;
            }
            int nanos = 0;
            boolean plain = true;
            if (end > 19) {
                if (text.charAt(19) != '.') {
                    plain = false;
                } else {
                    int scale = 100_000_000;
                    for (int i = 20; i < end; i++) {
                        char c = text.charAt(i);
                        if (c < '0' || c > '9') {
                            plain = false;
                            break;
                        }
                        nanos += (c - '0') * scale;
                        scale /= 10;
                    }
                }
            }
            if (plain) {
                LocalDate date = LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
                int hour = digits(text, 11, 13);
                int minute = digits(text, 14, 16);
                int second = digits(text, 17, 19);
                if (hour > 23 || minute > 59 || second > 60) {
                    throw new DateTimeException("time out of range: " + text);
                }
                return Instant.ofEpochSecond(date.toEpochDay() * 86_400 + hour * 3600L + minute * 60L + second, nanos);
            }
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeException("not a digit at " + i + " of " + text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    // ---- faults

    private static MtConnectDocumentException missing(XMLStreamReader reader, String element, String attribute) {
        return at(reader, element + " has no " + attribute + " attribute", null);
    }

    private static MtConnectDocumentException at(XMLStreamReader reader, String message, Throwable cause) {
        Location location = reader.getLocation();
        return new MtConnectDocumentException("MTConnect document refused: " + message,
                location == null ? -1 : location.getLineNumber(), location == null ? -1 : location.getColumnNumber(), cause);
    }

    // A StAX failure: the size limit when that is what stopped it, otherwise malformed XML with its place.
    private static MtConnectDocumentException fault(XMLStreamException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DocumentTooLargeException tooLarge) {
                return tooLarge;
            }
            if (cause instanceof XMLStreamException stax && stax.getNestedException() instanceof DocumentTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        Location location = e.getLocation();
        String message = e.getMessage();
        // StAX prefixes its message with "ParseError at [row,col]:[l,c]\nMessage: "; keep the message.
        int cut = message == null ? -1 : message.indexOf("Message: ");
        String reason = message == null ? e.getClass().getSimpleName() : cut >= 0 ? message.substring(cut + 9) : message;
        return new MtConnectDocumentException("malformed MTConnect XML: " + reason,
                location == null ? -1 : location.getLineNumber(), location == null ? -1 : location.getColumnNumber(), e);
    }
}
