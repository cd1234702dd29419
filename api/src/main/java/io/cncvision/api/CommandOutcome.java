package io.cncvision.api;

/** What a command handler did: recorded events, or recorded nothing because the command repeated a fact. */
public enum CommandOutcome {
    /** New events were recorded. */
    RECORDED,
    /** The command's source message id was seen before: nothing recorded. */
    DUPLICATE,
    /** The command reported what is already true (same state, alarm already active): nothing recorded. */
    UNCHANGED
}
