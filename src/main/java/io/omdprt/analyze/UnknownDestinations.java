package io.omdprt.analyze;

import io.omdprt.report.ReportModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.agrona.collections.Long2LongCounterMap;

/**
 * Datagrams to destinations no configured line has, counted per destination. A busy host may carry
 * any number of them, so only the first {@link #MAX_TRACKED} destinations get their own count.
 */
final class UnknownDestinations {
    static final int MAX_TRACKED = 65_536;

    private final Long2LongCounterMap counts = new Long2LongCounterMap(0);
    private long datagrams;
    private long untracked;

    void count(int address, int port) {
        datagrams++;
        long key = Destinations.key(address, port);
        if (counts.size() < MAX_TRACKED || counts.containsKey(key)) {
            counts.incrementAndGet(key);
        } else {
            untracked++;
        }
    }

    long datagrams() {
        return datagrams;
    }

    /** Distinct destinations seen, at least; beyond {@link #MAX_TRACKED} the rest are not told apart. */
    long destinations() {
        return counts.size() + (untracked > 0 ? 1 : 0);
    }

    /** The busiest destinations, most datagrams first (ties by destination). */
    List<ReportModel.Destination> top(int n) {
        List<long[]> all = new ArrayList<>(counts.size());
        counts.forEach((key, value) -> all.add(new long[] {key, value}));
        all.sort(Comparator.<long[]>comparingLong(e -> -e[1]).thenComparingLong(e -> e[0]));
        List<ReportModel.Destination> top = new ArrayList<>();
        for (long[] e : all.subList(0, Math.min(n, all.size()))) {
            top.add(new ReportModel.Destination(Destinations.format(e[0]), e[1]));
        }
        if (untracked > 0 && top.size() < n) {
            top.add(new ReportModel.Destination("other destinations (not told apart)", untracked));
        }
        return top;
    }
}
