package io.omdprt.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.omdprt.config.MonitorConfig;
import io.omdprt.event.Host;
import io.omdprt.event.MonitorEvent;
import io.omdprt.model.ChannelSet;
import io.omdprt.model.SocketStats;
import io.omdprt.testing.Eventually;
import io.omdprt.testing.TestConfigs;
import io.omdprt.time.MonitorClock;
import io.omdprt.track.TrackerListener;
import io.omdprt.window.WindowSchedule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The recorder's tick journals socket_drops when a line's kernel drops grow, with the count before. */
class RecorderDropsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aGrowingKernelDropCountIsAnEventAndAnUnknownOneIsNone() throws Exception {
        MonitorConfig config = TestConfigs.loopback("", 2, false);
        Map<String, Long> kernel = new ConcurrentHashMap<>(Map.of("1/A", 3L, "1/B", 0L, "2/A", 7L));
        AtomicInteger asked = new AtomicInteger();
        SocketStats sockets = new SocketStats() {
            @Override
            public long receiveBufferBytes(String feed, String channel, String line) {
                return -1;
            }

            @Override
            public long kernelDrops(String feed, String channel, String line) {
                asked.incrementAndGet();
                return kernel.getOrDefault(channel + "/" + line, -1L);
            }
        };
        List<MonitorEvent> events = new CopyOnWriteArrayList<>();
        MonitorClock clock = MonitorClock.system();
        try (Recorder recorder = new Recorder(config, new WindowSchedule(config.windows(), config.recurringWindows()), clock, "test")) {
            recorder.start(events::add, sockets, ChannelSet.create(config, TrackerListener.NONE, clock.epochNanos()));
            awaitTicks(asked, 2);
            kernel.put("2/B", 1L); // unknown until now: its first reading is no growth
            awaitTicks(asked, 2);
            assertEquals(List.of(), drops(events), "first readings are no growth");
            kernel.put("1/A", 5L);
            kernel.put("1/B", 0L);
            kernel.remove("2/A"); // unknown again: no event, and the reading before is kept
            Eventually.await(WAIT, () -> drops(events).isEmpty() ? "no socket_drops yet" : null);
            kernel.put("2/A", 9L);
            Eventually.await(WAIT, () -> drops(events).size() < 2 ? "one socket_drops so far: " + drops(events) : null);
            List<Host.SocketDrops> d = drops(events);
            assertEquals(List.of("1/A 5 3", "2/A 9 7"), d.stream().map(e -> e.where().channel() + "/" + e.where().line() + " " + e.dropped()
                    + " " + e.before()).toList());
        }
    }

    /** Until the recorder has asked for every line's drops {@code n} times more (4 lines). */
    private static void awaitTicks(AtomicInteger asked, int n) throws Exception {
        int until = asked.get() + 4 * (n + 1);
        Eventually.await(WAIT, () -> asked.get() >= until ? null : "the recorder has not ticked yet");
    }

    private static List<Host.SocketDrops> drops(List<MonitorEvent> events) {
        return events.stream().filter(Host.SocketDrops.class::isInstance).map(Host.SocketDrops.class::cast).toList();
    }
}
