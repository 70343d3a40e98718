package io.omdprt.config;

/**
 * A config file that cannot be used, with where and why: the file, the key path (e.g.
 * {@code feeds[0].channels[1].lines[0].port}) and what was expected there.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String keyPath;
    private final String expected;

    public ConfigException(String file, String keyPath, String expected) {
        super(file + ": " + (keyPath.isEmpty() ? (file.startsWith("-") ? "" : "(top level): ") : keyPath + ": ") + expected);
        this.file = file;
        this.keyPath = keyPath;
        this.expected = expected;
    }

    public String file() {
        return file;
    }

    public String keyPath() {
        return keyPath;
    }

    public String expected() {
        return expected;
    }
}
