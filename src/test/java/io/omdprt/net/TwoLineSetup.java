package io.omdprt.net;

import io.omdprt.config.MonitorConfig;
import io.omdprt.model.ChannelSet;
import io.omdprt.testing.TestConfigs;
import io.omdprt.time.MonitorClock;
import io.omdprt.track.ChannelTracker;
import io.omdprt.track.TrackerListener;
import java.net.InetSocketAddress;

/** {@link TestConfigs#twoLines} on one transport, its channel set on the system clock: what a receiver test starts from. */
record TwoLineSetup(MonitorConfig config, MonitorClock clock, ChannelSet channels) {
    /** On the default transport (auto). */
    static TwoLineSetup of() throws Exception {
        return of(TestConfigs.twoLines(""));
    }

    static TwoLineSetup of(String transport) throws Exception {
        return of(TestConfigs.twoLines("receiver: { transport: " + transport + " }\n"));
    }

    private static TwoLineSetup of(MonitorConfig config) {
        MonitorClock clock = MonitorClock.system();
        return new TwoLineSetup(config, clock, ChannelSet.create(config, TrackerListener.NONE, clock.epochNanos()));
    }

    /** The group of line {@code index} (0 = A) of the one channel. */
    InetSocketAddress group(int index) {
        return config.feeds().get(0).channels().get(0).lines().get(index).groupAddress();
    }

    ChannelTracker tracker() {
        return channels.channels().get(0).tracker();
    }

    Receiver start() throws ReceiverException {
        return Receiver.start(config, channels, clock);
    }
}
