package io.cncvision.app.web;

/** The aggregate a command addresses, named as a person would, so that a refusal can say which one and why. */
record CommandTarget(String kind, String id, String absence) {

    static CommandTarget machine(String machineId) {
        return new CommandTarget("machine", machineId, "is not registered");
    }

    static CommandTarget characteristic(String characteristicId) {
        return new CommandTarget("characteristic", characteristicId, "is not defined");
    }

    static CommandTarget gauge(String gaugeId) {
        return new CommandTarget("gauge", gaugeId, "is not registered");
    }

    static CommandTarget part(String serial) {
        return new CommandTarget("part", serial, "has not been produced");
    }

    static CommandTarget workOrder(String workOrderId) {
        return new CommandTarget("work order", workOrderId, "is not scheduled");
    }

    static CommandTarget nonConformance(String nonConformanceId) {
        return new CommandTarget("nonconformance", nonConformanceId, "has not been opened");
    }

    static CommandTarget maintenancePlan(String machineId) {
        return new CommandTarget("maintenance plan of machine", machineId, "is not set");
    }

    /** "machine mill-99 is not registered" */
    String notFound() {
        return kind + " " + id + " " + absence;
    }

    /** "machine mill-01 already exists" */
    String alreadyExists() {
        return kind + " " + id + " already exists";
    }

    /** "machine mill-01 was changed by another command at the same moment; send this one again" */
    String changedConcurrently() {
        return kind + " " + id + " was changed by another command at the same moment; send this one again";
    }
}
