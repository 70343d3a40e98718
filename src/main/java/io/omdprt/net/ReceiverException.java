package io.omdprt.net;

/** A line that could not be opened (bind or join failed), with which line and why. */
public final class ReceiverException extends Exception {
    private static final long serialVersionUID = 1L;

    public ReceiverException(String message, Throwable cause) {
        super(message, cause);
    }
}
