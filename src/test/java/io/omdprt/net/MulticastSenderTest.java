package io.omdprt.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.NetworkInterface;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** Nothing this project sends leaves the host unless someone asks for it explicitly. */
class MulticastSenderTest {
    @Test
    void loopbackIsTheDefaultAndOtherInterfacesNeedTheFlag() throws Exception {
        try (MulticastSender s = MulticastSender.loopback()) {
            assertEquals("127.0.0.1", s.interfaceName());
        }
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!ni.isLoopback() && ni.isUp()) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> MulticastSender.open(ni.getName(), 0, false));
                assertTrue(e.getMessage().contains("only loopback is allowed"), e.getMessage());
            }
        }
    }
}
