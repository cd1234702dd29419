package io.cncvision.audit.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.cncvision.audit.key.AuditKeys;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks an evidence pack offline: the manifest's Ed25519 signature, and every file against the SHA-256 the
 * manifest lists for it. Names each file that was changed, is missing, or was added.
 */
public final class EvidencePackVerifier {

    private static final String UNREADABLE = "unreadable";

    private EvidencePackVerifier() {
    }

    /** The outcome: intact when {@link #problems()} is empty; {@code keyUsed} says which key checked the signature. */
    public record Verification(boolean signatureValid, String keyUsed, int filesChecked, List<String> problems,
                               JsonNode manifest) {

        public boolean intact() {
            return problems.isEmpty();
        }
    }

    /** A pack that cannot be read as one: not a zip, or without a readable manifest or signature. */
    public static final class UnreadablePackException extends Exception {
        public UnreadablePackException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Verifies the pack at {@code pack}; with {@code publicKey} null the key inside the pack checks the signature,
     * which proves the pack is whole but not who made it.
     */
    public static Verification verify(Path pack, PublicKey publicKey) throws UnreadablePackException {
        Map<String, String> digests = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        byte[] manifestBytes = null;
        byte[] signatureText = null;
        byte[] packKey = null;
        // ZipFile reads each file through the central directory, so one damaged file does not hide those after it.
        try (ZipFile zip = new ZipFile(pack.toFile(), StandardCharsets.UTF_8)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() && entry.getSize() <= 0) {
                    // A folder entry holds no content: the zip tools a person re-packs with add one per folder.
                    continue;
                }
                if (digests.containsKey(name)) {
                    problems.add(name + ": appears more than once in the pack");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    if (name.equals(EvidencePackWriter.MANIFEST) || name.equals(EvidencePackWriter.SIGNATURE)
                            || name.equals(EvidencePackWriter.PUBLIC_KEY)) {
                        byte[] content = in.readAllBytes();
                        digests.put(name, hex(PackZip.sha256().digest(content)));
                        switch (name) {
                            case EvidencePackWriter.MANIFEST -> manifestBytes = content;
                            case EvidencePackWriter.SIGNATURE -> signatureText = content;
                            default -> packKey = content;
                        }
                    } else {
                        MessageDigest sha256 = PackZip.sha256();
                        byte[] buffer = new byte[64 * 1024];
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            sha256.update(buffer, 0, n);
                        }
                        digests.put(name, hex(sha256.digest()));
                    }
                } catch (ZipException | EOFException e) {
                    // the bytes inside the zip were changed under the entry's own CRC
                    digests.put(name, UNREADABLE);
                    problems.add(name + ": changed (its stored bytes no longer match the zip's own check: "
                            + e.getMessage() + ")");
                }
            }
        } catch (ZipException e) {
            throw new UnreadablePackException(pack + " is not a zip file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UnreadablePackException("cannot read " + pack + ": " + e.getMessage(), e);
        }
        if (manifestBytes == null) {
            throw new UnreadablePackException(pack + " has no " + EvidencePackWriter.MANIFEST
                    + ": it is not a cncvision evidence pack", null);
        }
        JsonNode manifest;
        try {
            manifest = EvidenceJson.MAPPER.readTree(manifestBytes);
        } catch (IOException e) {
            manifest = null;
        }
        if (manifest == null || !manifest.path("files").isArray()) {
            problems.add(EvidencePackWriter.MANIFEST + ": changed (no longer a manifest: not JSON with a file list)");
            return new Verification(false, keyName(publicKey), 0, problems, null);
        }
        String keyUsed = keyName(publicKey);
        PublicKey key = publicKey;
        if (key == null) {
            key = packKey(packKey, manifest, problems);
        }
        boolean signatureValid = false;
        if (signatureText == null) {
            problems.add(EvidencePackWriter.SIGNATURE + ": missing");
        } else if (key != null) {
            try {
                signatureValid = AuditKeys.verify(key, manifestBytes,
                        Base64.getDecoder().decode(new String(signatureText, StandardCharsets.US_ASCII).strip()));
            } catch (IllegalArgumentException e) {
                signatureValid = false;
            }
            if (!signatureValid) {
                problems.add(EvidencePackWriter.MANIFEST + ": its signature (" + EvidencePackWriter.SIGNATURE
                        + ") does not verify with " + keyUsed + ": the manifest or its signature was changed"
                        + (publicKey != null ? ", or the pack was signed by another instance" : ""));
            }
        }
        int checked = 0;
        Map<String, String> listed = new LinkedHashMap<>();
        for (JsonNode file : manifest.path("files")) {
            listed.put(file.path("path").asText(), file.path("sha256").asText());
        }
        for (Map.Entry<String, String> file : listed.entrySet()) {
            String actual = digests.get(file.getKey());
            checked++;
            if (actual == null) {
                problems.add(file.getKey() + ": missing");
            } else if (!actual.equals(file.getValue()) && !actual.equals(UNREADABLE)) {
                problems.add(file.getKey() + ": changed (SHA-256 " + actual + ", the manifest says " + file.getValue()
                        + ")");
            }
        }
        for (String name : digests.keySet()) {
            if (!listed.containsKey(name) && !name.equals(EvidencePackWriter.MANIFEST)
                    && !name.equals(EvidencePackWriter.SIGNATURE)) {
                problems.add(name + ": added (not in the manifest)");
            }
        }
        return new Verification(signatureValid, keyUsed, checked, problems, manifest);
    }

    /**
     * Compares the chain head a pack was cut from with the store's chain at that index ({@code storeHashHex}, null
     * when the store has no chain row there): empty when they agree, else what differs. A pack cut before the store
     * had a chain has nothing to compare, and passes.
     */
    public static List<String> compareChainHead(JsonNode manifest, boolean storeHasChain, String storeHashHex) {
        JsonNode head = manifest.path("chainHead");
        if (head.isNull() || head.isMissingNode()) {
            return List.of();
        }
        long index = head.path("globalIndex").asLong();
        String packHash = head.path("chainHashHex").asText();
        if (!storeHasChain || storeHashHex == null) {
            return List.of("chain head: the pack was cut from global index " + index + ", which the store's chain "
                    + "(eventstore.event_chain) does not hold: the store is another one, or was rewritten");
        }
        if (!storeHashHex.equalsIgnoreCase(packHash)) {
            return List.of("chain head: at global index " + index + " the store's chain hash is " + storeHashHex
                    + ", the pack was cut from " + packHash + ": the store was changed since the pack was cut");
        }
        return List.of();
    }

    private static PublicKey packKey(byte[] pem, JsonNode manifest, List<String> problems) {
        String base64 = pem != null
                ? new String(pem, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "")
                : manifest.path("publicKey").asText(null);
        if (base64 == null) {
            problems.add(EvidencePackWriter.PUBLIC_KEY + ": missing, and no --public-key given to check the signature");
            return null;
        }
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            problems.add(EvidencePackWriter.PUBLIC_KEY + ": changed (not an Ed25519 public key)");
            return null;
        }
    }

    private static String keyName(PublicKey given) {
        return given != null ? "the given public key" : "the public key inside the pack (" + EvidencePackWriter.PUBLIC_KEY
                + "; this proves the pack is whole, not who made it: pass the instance's key to prove that)";
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
