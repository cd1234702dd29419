package io.cncvision.api.audit;

/** The metadata every message carries, so that an auditor can tell who caused an event, why and from where. */
public final class MetadataKeys {

    /** The user (JWT subject) or machine identity that caused the message. */
    public static final String PRINCIPAL = "principal";
    /** The roles the principal held when it acted. */
    public static final String ROLES = "roles";
    /** Shared by every message that stems from one request or one observation. */
    public static final String CORRELATION_ID = "correlationId";
    /** The identifier of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";
    /** Where the message came from: an API client address, an adapter endpoint, a camera, a model version. */
    public static final String SOURCE = "source";

    private MetadataKeys() {
    }
}
