package io.cncvision.command;

import io.cncvision.api.value.SourceMessageId;
import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * The source message ids one aggregate has recorded lately, so that an adapter repeating a message
 * records nothing.
 *
 * <p>The window is bounded: it keeps the last {@value #CAPACITY} ids and forgets the oldest beyond
 * that, so a message repeated after more than {@value #CAPACITY} newer ones to the same aggregate is
 * recorded again. Adapters repeat a message within seconds (a re-poll, a reconnect), far inside the
 * window. Only ids of commands that recorded events are remembered, because the window is rebuilt
 * from those events; a repeat of a command that recorded nothing records nothing again anyway.
 *
 * <p>Fed only from event sourcing handlers; its one field serializes with Jackson field access, so it
 * survives snapshots.
 */
public class RecentMessageIds {

    /** How many ids the window keeps per aggregate. */
    public static final int CAPACITY = 4096;

    // Insertion order is age order: the first id is the oldest.
    private LinkedHashSet<String> ids = new LinkedHashSet<>();

    /** True when the id is in the window; a null id (a command typed by a person) is never a repeat. */
    public boolean contains(SourceMessageId id) {
        return id != null && ids.contains(id.value());
    }

    /** Adds the id to the window, forgetting the oldest beyond {@value #CAPACITY}; ignores null. */
    public void remember(SourceMessageId id) {
        if (id == null || !ids.add(id.value())) {
            return;
        }
        if (ids.size() > CAPACITY) {
            Iterator<String> oldest = ids.iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** How many ids the window holds now. */
    public int size() {
        return ids.size();
    }
}
