package party.platform.pii;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import party.platform.PlatformProperties;

/**
 * Personal data at rest: AES-256-GCM with the key id stored beside the ciphertext (so keys can
 * rotate: new writes use the active key, old values stay readable), plus an HMAC-SHA256 blind
 * index for exact-match lookup without decrypting.
 */
public class PiiCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String activeKeyId;
    private final Map<String, SecretKey> keys = new HashMap<>();
    private final SecretKey blindIndexKey;
    private final SecureRandom random = new SecureRandom();

    public PiiCipher(PlatformProperties.Pii config) {
        if (config.activeKeyId() == null || !config.keys().containsKey(config.activeKeyId())) {
            throw new IllegalStateException("party.pii.active-key-id must name one of party.pii.keys");
        }
        config.keys().forEach((id, base64) -> keys.put(id, aesKey(id, base64)));
        this.activeKeyId = config.activeKeyId();
        if (config.blindIndexKey() == null) {
            throw new IllegalStateException("party.pii.blind-index-key is required");
        }
        this.blindIndexKey = new SecretKeySpec(Base64.getDecoder().decode(config.blindIndexKey()), "HmacSHA256");
    }

    /** A value encrypted at rest, with the id of the key that encrypted it. */
    public record Encrypted(String keyId, String ciphertext) {
    }

    public Encrypted encrypt(String plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(activeKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return new Encrypted(activeKeyId, Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(Encrypted value) {
        SecretKey key = keys.get(value.keyId());
        if (key == null) {
            throw new IllegalStateException("no PII key with id " + value.keyId());
        }
        try {
            byte[] all = Base64.getDecoder().decode(value.ciphertext());
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(value.keyId().getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed", e);
        }
    }

    /** Deterministic keyed hash of a normalized value, for lookup by exact value. */
    public String blindIndex(String normalized) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(blindIndexKey);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("blind index failed", e);
        }
    }

    private static SecretKey aesKey(String id, String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        if (bytes.length != 32) {
            throw new IllegalStateException("PII key " + id + " must be 32 bytes (AES-256), base64");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
