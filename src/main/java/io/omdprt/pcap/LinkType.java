package io.omdprt.pcap;

/** The LINKTYPE_ values (tcpdump.org/linktypes.html) the reader decodes. */
public final class LinkType {
    public static final int ETHERNET = 1;
    /** Raw IP; the version nibble tells IPv4 from IPv6. */
    public static final int RAW = 101;
    /** Linux "any" device, cooked header v1. */
    public static final int LINUX_SLL = 113;
    /** Raw IPv4 only. */
    public static final int IPV4 = 228;
    /** Linux "any" device, cooked header v2 (tcpdump 4.99 and later). */
    public static final int LINUX_SLL2 = 276;

    private LinkType() {
    }

    public static boolean isSupported(int linkType) {
        return switch (linkType) {
            case ETHERNET, RAW, LINUX_SLL, IPV4, LINUX_SLL2 -> true;
            default -> false;
        };
    }

    /** A name for reports, e.g. "EN10MB (1)" as tcpdump prints it. */
    public static String describe(int linkType) {
        String name = switch (linkType) {
            case ETHERNET -> "EN10MB";
            case RAW -> "RAW";
            case LINUX_SLL -> "LINUX_SLL";
            case IPV4 -> "IPV4";
            case LINUX_SLL2 -> "LINUX_SLL2";
            default -> "unsupported";
        };
        return name + " (" + linkType + ")";
    }
}
