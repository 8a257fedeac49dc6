package dev.docket.ranking;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The queue's slots as an immutable list made of chunks of a few hundred. Taking one edit into the ranking copies
 * the one or two chunks it touches and the chunk index, never the whole queue: at 100,000 contracts a plain copied
 * list made 400 KB of garbage per edit, which filled the old generation and set off full collections under write
 * load. Reading position i is a binary search over the chunks' starting positions.
 */
final class ChunkedSlots<T> extends AbstractList<T> implements RandomAccess {

    /** Target chunk length; a chunk that grows to twice this is split, an empty one dropped. */
    static final int CHUNK = 512;

    private final Object[][] chunks;
    /** starts[k] is the position of chunks[k]'s first element; one more entry holds the size. */
    private final int[] starts;

    private ChunkedSlots(Object[][] chunks) {
        this.chunks = chunks;
        this.starts = new int[chunks.length + 1];
        for (int k = 0; k < chunks.length; k++) {
            starts[k + 1] = starts[k] + chunks[k].length;
        }
    }

    static <T> ChunkedSlots<T> of(List<T> sorted) {
        List<Object[]> chunks = new ArrayList<>(sorted.size() / CHUNK + 1);
        for (int from = 0; from < sorted.size(); from += CHUNK) {
            chunks.add(sorted.subList(from, Math.min(sorted.size(), from + CHUNK)).toArray());
        }
        return new ChunkedSlots<>(chunks.toArray(new Object[0][]));
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get(int index) {
        int k = chunkOf(index);
        return (T) chunks[k][index - starts[k]];
    }

    @Override
    public int size() {
        return starts[chunks.length];
    }

    /** This list without the element at {@code index}. */
    ChunkedSlots<T> without(int index) {
        int k = chunkOf(index);
        Object[] chunk = chunks[k];
        int at = index - starts[k];
        if (chunk.length == 1) {
            Object[][] fewer = new Object[chunks.length - 1][];
            System.arraycopy(chunks, 0, fewer, 0, k);
            System.arraycopy(chunks, k + 1, fewer, k, chunks.length - k - 1);
            return new ChunkedSlots<>(fewer);
        }
        Object[] shorter = new Object[chunk.length - 1];
        System.arraycopy(chunk, 0, shorter, 0, at);
        System.arraycopy(chunk, at + 1, shorter, at, chunk.length - at - 1);
        Object[][] next = chunks.clone();
        next[k] = shorter;
        return new ChunkedSlots<>(next);
    }

    /** This list with {@code element} inserted at {@code index} (0 to size). */
    ChunkedSlots<T> with(int index, T element) {
        if (chunks.length == 0) {
            return new ChunkedSlots<>(new Object[][] {{element}});
        }
        // At a boundary the element joins the end of the chunk before it, so appending needs no new chunk.
        int k = index == size() ? chunks.length - 1 : chunkOf(index);
        if (k > 0 && index == starts[k]) {
            k--;
        }
        Object[] chunk = chunks[k];
        int at = index - starts[k];
        Object[] longer = new Object[chunk.length + 1];
        System.arraycopy(chunk, 0, longer, 0, at);
        longer[at] = element;
        System.arraycopy(chunk, at, longer, at + 1, chunk.length - at);
        if (longer.length < 2 * CHUNK) {
            Object[][] next = chunks.clone();
            next[k] = longer;
            return new ChunkedSlots<>(next);
        }
        Object[][] more = new Object[chunks.length + 1][];
        System.arraycopy(chunks, 0, more, 0, k);
        more[k] = Arrays.copyOfRange(longer, 0, CHUNK);
        more[k + 1] = Arrays.copyOfRange(longer, CHUNK, longer.length);
        System.arraycopy(chunks, k + 1, more, k + 2, chunks.length - k - 1);
        return new ChunkedSlots<>(more);
    }

    /** The chunk holding position {@code index}. */
    private int chunkOf(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("position " + index + " of " + size());
        }
        int k = Arrays.binarySearch(starts, 0, chunks.length, index);
        return k >= 0 ? k : -k - 2;
    }
}
