package io.butlersos.events.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.butlersos.api.Signal;
import io.butlersos.api.events.UserAgentInfo;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutation fuzzer over both parsers: real-shaped datagrams of all seven types, bent in the
 * ways UDP and log4net bend them (cut, spliced, bytes flipped, semicolons and quotes added, control
 * characters, invalid UTF-8). Every input must give either an event that renders its points or a
 * rejection with a reason, and nothing may throw. The seed is fixed so a failure replays; the
 * failing input is printed.
 */
class ParserFuzzTest {

    private static final int INPUTS = 1_000_000;
    private static final long SEED = 0x5E45E_0D5L;
    private static final byte[][] SEEDS = seeds();

    private final LogDatagramParser logParser = new LogDatagramParser(
            new ParseContext(Map.of("env", "fuzz"), ZoneId.of("Europe/Stockholm"), id -> id.startsWith("e") ? "A" : null));
    private final UserDatagramParser userParser = new UserDatagramParser(
            new ParseContext(Map.of(), ZoneId.of("UTC"), id -> null),
            ua -> new UserAgentInfo("B", "1", "1", "O", "1", ua));

    @Test
    void noInputMakesAParserThrowAndEveryRejectionHasAReason() {
        SplittableRandom random = new SplittableRandom(SEED);
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        long parsed = 0;
        long rejected = 0;
        for (int i = 0; i < INPUTS; i++) {
            byte[] input = mutate(SEEDS[random.nextInt(SEEDS.length)], random);
            ParseResult result;
            try {
                result = (i & 1) == 0 ? logParser.parse(input, 0, input.length, now)
                        : userParser.parse(input, 0, input.length, now);
                if (result instanceof ParseResult.Parsed p && i % 16 < 2) {
                    renders(p.event());
                }
            } catch (RuntimeException e) {
                throw new AssertionError("input #" + i + " threw: " + SenseText.sample(input, 0, input.length, 400), e);
            }
            if (result instanceof ParseResult.Rejected r) {
                rejected++;
                // Plain checks: an AssertJ chain per input would dominate the run time.
                if (r.reason() == null || r.detail() == null || r.detail().isBlank() || r.sample() == null) {
                    throw new AssertionError("input #" + i + " was rejected without a reason: " + r);
                }
            } else {
                parsed++;
            }
        }
        // Both outcomes must be common, or the mutator is not exploring the format.
        assertThat(parsed).isGreaterThan(INPUTS / 10);
        assertThat(rejected).isGreaterThan(INPUTS / 10);
    }

    private static void renders(Signal event) {
        if (event.time() == null || event.toPoints().stream().anyMatch(point -> point.fields().isEmpty())) {
            throw new AssertionError("event renders badly: " + event);
        }
    }

    private static byte[] mutate(byte[] seed, SplittableRandom random) {
        byte[] data = seed.clone();
        int rounds = 1 + random.nextInt(4);
        for (int r = 0; r < rounds; r++) {
            data = switch (random.nextInt(10)) {
                case 0 -> truncate(data, random);
                case 1 -> flip(data, random);
                case 2 -> insert(data, random, ";".getBytes(StandardCharsets.UTF_8));
                case 3 -> insert(data, random, "'".getBytes(StandardCharsets.UTF_8));
                case 4 -> insert(data, random, new byte[] {(byte) random.nextInt(0x20)});
                case 5 -> delete(data, random);
                case 6 -> insert(data, random, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
                case 7 -> insert(data, random, "é€😀 UserAgent: '".getBytes(StandardCharsets.UTF_8));
                case 8 -> splice(data, SEEDS[random.nextInt(SEEDS.length)], random);
                default -> data;
            };
        }
        return data;
    }

    private static byte[] truncate(byte[] data, SplittableRandom random) {
        return java.util.Arrays.copyOf(data, data.length == 0 ? 0 : random.nextInt(data.length));
    }

    private static byte[] flip(byte[] data, SplittableRandom random) {
        if (data.length > 0) {
            data[random.nextInt(data.length)] = (byte) random.nextInt(256);
        }
        return data;
    }

    private static byte[] insert(byte[] data, SplittableRandom random, byte[] what) {
        int at = random.nextInt(data.length + 1);
        byte[] out = new byte[data.length + what.length];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(data, at, out, at + what.length, data.length - at);
        return out;
    }

    private static byte[] delete(byte[] data, SplittableRandom random) {
        if (data.length < 2) {
            return data;
        }
        int from = random.nextInt(data.length);
        int to = Math.min(data.length, from + 1 + random.nextInt(12));
        byte[] out = new byte[data.length - (to - from)];
        System.arraycopy(data, 0, out, 0, from);
        System.arraycopy(data, to, out, from, data.length - to);
        return out;
    }

    private static byte[] splice(byte[] data, byte[] other, SplittableRandom random) {
        int cut = random.nextInt(data.length + 1);
        int from = random.nextInt(other.length + 1);
        byte[] out = new byte[cut + other.length - from];
        System.arraycopy(data, 0, out, 0, cut);
        System.arraycopy(other, from, out, cut, other.length - from);
        return out;
    }

    private static byte[][] seeds() {
        List<String> texts = List.of(LogDatagramParserTest.ENGINE, LogDatagramParserTest.PROXY,
                LogDatagramParserTest.PROXY.replace("/qseow-proxy/", "/qseow-repository/"),
                LogDatagramParserTest.SCHEDULER, LogDatagramParserTest.QIX, UserDatagramParserTest.CONNECTION,
                UserDatagramParserTest.SESSION);
        byte[][] out = new byte[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = texts.get(i).getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }
}
