package io.omdprt.sim;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A simulator run: how long, how busy each channel is, and the faults to inject on a timeline.
 *
 * @param defaultRate messages per second on every real-time channel without its own rate
 * @param rates       messages per second by "feed/channel"
 */
public record Scenario(String name, String description, Duration duration, int defaultRate, Map<String, Integer> rates,
                       List<Fault> faults) {
    public Scenario {
        rates = Map.copyOf(rates);
        faults = List.copyOf(faults);
    }

    public int rateOf(String feed, String channel) {
        return rates.getOrDefault(feed + "/" + channel, defaultRate);
    }

    /** The same run with every time and duration multiplied (delays excepted): for fast rehearsals and tests. */
    public Scenario scaled(double factor) {
        return new Scenario(name, description, Duration.ofNanos(Math.round(duration.toNanos() * factor)), defaultRate, rates,
                faults.stream().map(f -> f.scaled(factor)).toList());
    }
}
