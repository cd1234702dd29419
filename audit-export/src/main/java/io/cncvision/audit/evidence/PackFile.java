package io.cncvision.audit.evidence;

/** One file of an evidence pack as its manifest lists it: the path inside the zip, its SHA-256 (hex) and size. */
public record PackFile(String path, String sha256, long size) {
}
