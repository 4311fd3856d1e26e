package io.butlersos.sink.mqtt.internal;

import java.math.BigDecimal;

/**
 * Numbers as JavaScript's {@code Number.prototype.toString()} writes them, since Butler SOS published
 * {@code value.toString()}: {@code 1234} not {@code 1234.0}, {@code 0.0001} not {@code 1.0E-4},
 * exponents only below 1e-6 and from 1e21 ({@code 1e+21}).
 */
final class JsNumbers {

    private JsNumbers() {
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return "0"; // also -0, as JavaScript writes it
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e21 || magnitude < 1e-6) {
            return exponential(Double.toString(value));
        }
        // Double.toString is the shortest text that reads back to the same double; only its form differs.
        String plain = new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        return plain;
    }

    private static String exponential(String java) {
        // Java: 1.0E21, 1.5E-7; JavaScript: 1e+21, 1.5e-7
        int e = java.indexOf('E');
        String mantissa = java.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        String exponent = java.substring(e + 1);
        return mantissa + "e" + (exponent.startsWith("-") ? exponent : "+" + exponent);
    }
}
