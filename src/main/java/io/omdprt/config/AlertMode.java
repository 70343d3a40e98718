package io.omdprt.config;

/**
 * When the feed alerts may fire (config {@code alerts.mode}), exported as {@code omd_alert_mode{mode}}
 * so that one set of rules serves both: PRT mode only inside a window; production mode also inside
 * every recurring window occurrence (the trading sessions), silent when HKEX is legitimately quiet.
 */
public enum AlertMode {
    PRT("prt"), PRODUCTION("production");

    private final String configName;

    AlertMode(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** @return the mode of that config name, or null */
    public static AlertMode of(String configName) {
        for (AlertMode m : values()) {
            if (m.configName.equals(configName)) {
                return m;
            }
        }
        return null;
    }
}
