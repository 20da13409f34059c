package org.rnnbench.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.Backends;
import org.rnnbench.core.backend.NativeSetting;

/** A JMH fork takes a backend's system properties from the SPI: its thread properties and its -D options. */
class ForkSettingsTest {

    @Test
    void aForkGetsItsBackendsThreadPropertiesAndPropertyOptionsButKeepsTheUsersOptions() {
        Backend djl = Backends.get("djl");
        // the system properties among its settings (its environment variable is the launcher's to set)
        List<String> keys = djl.threadSettings(1).stream()
            .filter(s -> s.kind() == NativeSetting.Kind.SYSTEM_PROPERTY).map(NativeSetting::name).toList();
        String offline = "ai.djl.offline";
        String before = System.getProperty(offline);
        try {
            System.setProperty(offline, "false");
            ForkSettings.apply(djl, 2);
            for (String key : keys) {
                assertEquals("2", System.getProperty(key), key);
            }
            assertEquals("false", System.getProperty(offline), "a value the user gave is kept");
            System.clearProperty(offline);
            ForkSettings.apply(djl, 2);
            assertEquals("true", System.getProperty(offline), "the backend's -D option");
        } finally {
            keys.forEach(System::clearProperty);
            if (before == null) {
                System.clearProperty(offline);
            } else {
                System.setProperty(offline, before);
            }
        }
    }
}
