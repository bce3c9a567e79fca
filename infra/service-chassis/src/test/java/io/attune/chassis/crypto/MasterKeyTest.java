package io.attune.chassis.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MasterKeyTest {

    private final MasterKey master = MasterKey.fromBase64(MasterKey.generateBase64());

    @Test
    void aWrappedKeyUnwrapsToTheSameKey() {
        DataKey key = DataKey.generate("client-a");

        DataKey unwrapped = master.unwrap("client-a", key.kid(), master.wrap(key));

        assertThat(unwrapped.key().getEncoded()).isEqualTo(key.key().getEncoded());
        assertThat(unwrapped.kid()).isEqualTo(key.kid());
    }

    @Test
    void aWrappedKeyIsBoundToItsClientAndKeyId() {
        DataKey key = DataKey.generate("client-a");
        String wrapped = master.wrap(key);

        assertThatThrownBy(() -> master.unwrap("client-b", key.kid(), wrapped)).isInstanceOf(UnreadableException.class);
        assertThatThrownBy(() -> master.unwrap("client-a", "other-kid", wrapped))
                .isInstanceOf(UnreadableException.class);
    }

    @Test
    void anotherMasterKeyCannotUnwrap() {
        DataKey key = DataKey.generate("client-a");
        MasterKey other = MasterKey.fromBase64(MasterKey.generateBase64());

        assertThatThrownBy(() -> other.unwrap("client-a", key.kid(), master.wrap(key)))
                .isInstanceOf(UnreadableException.class);
    }

    @Test
    void aMasterKeyMustBe256Bits() {
        assertThatThrownBy(() -> MasterKey.fromBase64("c2hvcnQ=")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> MasterKey.fromBase64("not base64!")).hasMessageContaining("base64");
    }

    @Test
    void noKeyMaterialInToString() {
        DataKey key = DataKey.generate("client-a");
        assertThat(key.toString()).doesNotContain("client-a").contains(key.kid());
        assertThat(master.toString()).isEqualTo("MasterKey[redacted]");
    }
}
