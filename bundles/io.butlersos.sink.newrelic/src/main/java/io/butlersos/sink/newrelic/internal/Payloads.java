package io.butlersos.sink.newrelic.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import io.butlersos.api.json.Json;

/**
 * Packs records into request bodies that New Relic accepts: at most {@code maxItems} records and
 * {@link Limits#MAX_PAYLOAD_BYTES} bytes as sent. A body over the byte limit is split in halves until
 * it fits; a single record that cannot fit on its own is reported, not sent.
 */
final class Payloads {

    /** How records sit in a body: the text before the first and after the last, comma-separated. */
    enum Shape {
        /** Metric and Event API: a JSON array of records. */
        ARRAY("[", "]"),
        /** Log API: one block whose {@code logs} holds the records. */
        LOG_BLOCK("[{\"logs\":[", "]}]");

        final String before;
        final String after;

        Shape(String before, String after) {
            this.before = before;
            this.after = after;
        }
    }

    /** One record and the index of its signal in the batch. */
    record Item(int signalIndex, String json) {
    }

    /** One request body and the signals it carries. */
    record Post(List<Integer> signalIndices, byte[] body, int records) {
    }

    /** The bodies, and the signals whose record alone is over the byte limit. */
    record Packed(List<Post> posts, List<Integer> tooLarge) {
    }

    private final Shape shape;
    private final int maxItems;
    private final boolean gzip;
    private final int maxBytes;

    Payloads(Shape shape, int maxItems, boolean gzip) {
        this(shape, maxItems, gzip, Limits.MAX_PAYLOAD_BYTES);
    }

    Payloads(Shape shape, int maxItems, boolean gzip, int maxBytes) {
        this.shape = shape;
        this.maxItems = maxItems;
        this.gzip = gzip;
        this.maxBytes = maxBytes;
    }

    static Item item(int signalIndex, Object record) {
        return new Item(signalIndex, Json.write(record));
    }

    Packed pack(List<Item> items) {
        List<Post> posts = new ArrayList<>();
        List<Integer> tooLarge = new ArrayList<>();
        for (int from = 0; from < items.size(); from += maxItems) {
            fit(items.subList(from, Math.min(items.size(), from + maxItems)), posts, tooLarge);
        }
        return new Packed(posts, tooLarge);
    }

    private void fit(List<Item> chunk, List<Post> posts, List<Integer> tooLarge) {
        byte[] body = encode(chunk);
        if (body.length <= maxBytes) {
            posts.add(new Post(chunk.stream().map(Item::signalIndex).distinct().toList(), body, chunk.size()));
        } else if (chunk.size() == 1) {
            tooLarge.add(chunk.get(0).signalIndex());
        } else {
            int half = chunk.size() / 2;
            fit(chunk.subList(0, half), posts, tooLarge);
            fit(chunk.subList(half, chunk.size()), posts, tooLarge);
        }
    }

    /** The body as sent: JSON in UTF-8, gzipped when configured. */
    byte[] encode(List<Item> chunk) {
        StringBuilder json = new StringBuilder(shape.before);
        for (int i = 0; i < chunk.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(chunk.get(i).json());
        }
        byte[] raw = json.append(shape.after).toString().getBytes(StandardCharsets.UTF_8);
        if (!gzip) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 6 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // memory streams do not fail
        }
        return out.toByteArray();
    }
}
