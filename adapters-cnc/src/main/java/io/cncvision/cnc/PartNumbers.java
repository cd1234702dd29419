package io.cncvision.cnc;

import java.util.Map;

/**
 * The part number a machine's parts carry, as its configuration names it: {@code byDefault} for every
 * program, {@code byProgram} for the programs that make another part. Either may be absent; a part whose
 * program maps to no part number is not recorded as produced, only its cycle is.
 */
public record PartNumbers(String byDefault, Map<String, String> byProgram) {

    /** No part numbers: cycles only. */
    public static final PartNumbers NONE = new PartNumbers(null, Map.of());

    public PartNumbers {
        byDefault = byDefault == null ? null : check("part-number", byDefault);
        byProgram = byProgram == null ? Map.of() : Map.copyOf(byProgram);
        byProgram.forEach((program, partNumber) -> {
            if (program == null || program.isBlank()) {
                throw new IllegalArgumentException("part-numbers: a program name must not be blank");
            }
            check("part-numbers." + program, partNumber);
        });
    }

    /** The part number of what {@code program} makes (null: the program is not known), or null for none. */
    public String forProgram(String program) {
        String partNumber = program == null ? null : byProgram.get(program);
        return partNumber != null ? partNumber : byDefault;
    }

    private static String check(String field, String partNumber) {
        if (partNumber == null || partNumber.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        String trimmed = partNumber.trim();
        // ProducePart's limit, so a configuration that would be refused on every part is refused at start
        if (trimmed.length() > 64 || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(field + " '" + partNumber
                    + "' must be at most 64 characters, without control characters");
        }
        return trimmed;
    }
}
