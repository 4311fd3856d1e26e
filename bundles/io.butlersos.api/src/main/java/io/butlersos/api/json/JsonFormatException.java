package io.butlersos.api.json;

/** A text that is not valid JSON; the message says what is wrong and at which character. */
public final class JsonFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public JsonFormatException(String message) {
        super(message);
    }
}
