package io.cncvision.cnc;

/** The level of an alarm or MTConnect condition: NORMAL clears it. */
public enum AlarmLevel {
    NORMAL,
    WARNING,
    FAULT
}
