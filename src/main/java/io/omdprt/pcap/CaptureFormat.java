package io.omdprt.pcap;

/** The file format a {@link PcapReader} found. */
public enum CaptureFormat {
    PCAP_MICROS("pcap (microsecond timestamps)"),
    PCAP_NANOS("pcap (nanosecond timestamps)"),
    PCAPNG("pcapng");

    private final String description;

    CaptureFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
