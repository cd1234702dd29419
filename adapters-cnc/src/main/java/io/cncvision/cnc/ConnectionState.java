package io.cncvision.cnc;

/** Where a connector stands with its machine. */
public enum ConnectionState {
    /** Not started yet, or trying for the first time. */
    CONNECTING,
    CONNECTED,
    /** Lost, and reconnecting with backoff. */
    RECONNECTING,
    /** Closed by the platform: it will not reconnect. */
    CLOSED
}
