package io.omdprt.pcap;

/** Why a captured frame yielded no UDP datagram. The label is the snake_case name a report shows. */
public enum SkipReason {
    /** Not skipped. Never counted. */
    NONE("none"),
    /** The capture's snaplen cut the frame before the end of its UDP payload. */
    SNAPLEN_CUT("snaplen_cut"),
    /** An IPv4 fragment (MF set or a fragment offset): UDP is not reassembled. */
    IP_FRAGMENT("ip_fragment"),
    /** Not IPv4: ARP, IPv6, LLC and any other ethertype. */
    NOT_IPV4("not_ipv4"),
    /** IPv4 but not UDP: TCP, ICMP, IGMP and others. */
    NOT_UDP("not_udp"),
    /** The link-layer header (Ethernet, SLL, SLL2, VLAN tag) is shorter than its format. */
    MALFORMED_LINK_HEADER("malformed_link_header"),
    /** Bad IPv4 version, header length or total length. */
    MALFORMED_IPV4_HEADER("malformed_ipv4_header"),
    /** A UDP header that does not fit the IP packet, or a UDP length that does not fit. */
    MALFORMED_UDP_HEADER("malformed_udp_header"),
    /** A link type this reader does not decode. */
    UNSUPPORTED_LINK_TYPE("unsupported_link_type"),
    /** A pcapng Simple or obsolete Packet Block: no interface or no timestamp to go by. */
    UNSUPPORTED_PCAPNG_BLOCK("unsupported_pcapng_block");

    /** Every real reason, in a fixed order, for reports that list them all. */
    public static final SkipReason[] REASONS = {
        SNAPLEN_CUT, IP_FRAGMENT, NOT_IPV4, NOT_UDP, MALFORMED_LINK_HEADER, MALFORMED_IPV4_HEADER,
        MALFORMED_UDP_HEADER, UNSUPPORTED_LINK_TYPE, UNSUPPORTED_PCAPNG_BLOCK
    };

    private final String label;

    SkipReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
