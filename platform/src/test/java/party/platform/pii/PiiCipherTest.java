package party.platform.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import party.platform.PlatformProperties;

class PiiCipherTest {

    private static final String K1 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String K2 = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
    private static final String INDEX = Base64.getEncoder().encodeToString("blind-index-key".getBytes());

    private final PiiCipher cipher = new PiiCipher(new PlatformProperties.Pii("k1", Map.of("k1", K1), INDEX));

    @Test
    void encryptsWithTheActiveKeyAndDecryptsBack() {
        PiiCipher.Encrypted sealed = cipher.encrypt("11010519491231002X");
        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(sealed.ciphertext()).doesNotContain("11010519491231002X");
        assertThat(cipher.decrypt(sealed)).isEqualTo("11010519491231002X");
        assertThat(cipher.encrypt("11010519491231002X").ciphertext()).isNotEqualTo(sealed.ciphertext());
    }

    @Test
    void oldValuesStayReadableAfterTheActiveKeyRotates() {
        PiiCipher.Encrypted old = cipher.encrypt("13800138000");
        PiiCipher rotated = new PiiCipher(new PlatformProperties.Pii("k2", Map.of("k1", K1, "k2", K2), INDEX));
        assertThat(rotated.decrypt(old)).isEqualTo("13800138000");
        assertThat(rotated.encrypt("13800138000").keyId()).isEqualTo("k2");
    }

    @Test
    void aTamperedCiphertextOrSwappedKeyIdIsRejected() {
        PiiCipher both = new PiiCipher(new PlatformProperties.Pii("k1", Map.of("k1", K1, "k2", K2), INDEX));
        PiiCipher.Encrypted sealed = both.encrypt("13800138000");
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        bytes[bytes.length - 1] ^= 1;
        assertThatThrownBy(() -> both.decrypt(new PiiCipher.Encrypted("k1", Base64.getEncoder().encodeToString(bytes))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> both.decrypt(new PiiCipher.Encrypted("k2", sealed.ciphertext())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theBlindIndexIsDeterministicAndKeyed() {
        assertThat(cipher.blindIndex("11010519491231002X")).isEqualTo(cipher.blindIndex("11010519491231002X"))
                .isNotEqualTo(cipher.blindIndex("110105194912310021"));
        PiiCipher otherKey = new PiiCipher(new PlatformProperties.Pii("k1", Map.of("k1", K1),
                Base64.getEncoder().encodeToString("another-index-key".getBytes())));
        assertThat(otherKey.blindIndex("11010519491231002X")).isNotEqualTo(cipher.blindIndex("11010519491231002X"));
    }

    @Test
    void aKeyOfTheWrongSizeOrAMissingActiveKeyStopsStartUp() {
        assertThatThrownBy(() -> new PiiCipher(new PlatformProperties.Pii("k1", Map.of("k1", INDEX), INDEX)))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new PiiCipher(new PlatformProperties.Pii("k9", Map.of("k1", K1), INDEX)))
                .hasMessageContaining("active-key-id");
    }
}
