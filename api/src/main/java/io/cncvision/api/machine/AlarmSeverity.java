package io.cncvision.api.machine;

/** How serious an alarm is, in the terms MTConnect conditions and OPC-UA alarms share. */
public enum AlarmSeverity {
    WARNING,
    FAULT
}
