package io.omdprt.protocol;

/** The two HKEX feeds in scope. Both share the packet framing; they differ in message-type numbers. */
public enum Protocol {
    OMD_C("omd-c"),
    OMD_CC("omd-cc");

    private final String configName;

    Protocol(String configName) {
        this.configName = configName;
    }

    /** The spelling used in config files, metrics and reports. */
    public String configName() {
        return configName;
    }

    public MessageTypes messageTypes() {
        return this == OMD_C ? MessageTypes.OMD_C : MessageTypes.OMD_CC;
    }

    /** @return the protocol with that config name, or null when there is none. */
    public static Protocol fromConfigName(String name) {
        for (Protocol p : values()) {
            if (p.configName.equals(name)) {
                return p;
            }
        }
        return null;
    }
}
