package dev.docket.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The chunked list behaves as a plain list under any mix of inserts and removals, and never changes once made. */
class ChunkedSlotsTest {

    @Test
    void randomEdits_matchAPlainList_andLeaveEveryEarlierVersionAsItWas() {
        Random random = new Random(17);
        List<Integer> expected = new ArrayList<>(IntStream.range(0, 3 * ChunkedSlots.CHUNK + 7).boxed().toList());
        ChunkedSlots<Integer> actual = ChunkedSlots.of(expected);
        List<List<Integer>> snapshots = new ArrayList<>();
        List<ChunkedSlots<Integer>> versions = new ArrayList<>();

        for (int edit = 0; edit < 20_000; edit++) {
            // Phases that grow, shrink to nothing and grow again, so chunks split, empty out and vanish.
            boolean insert = expected.isEmpty() || (edit / 2_500) % 2 == 0 ? random.nextInt(4) > 0 : random.nextInt(4) == 0;
            if (insert) {
                int at = random.nextInt(expected.size() + 1);
                expected.add(at, edit);
                actual = actual.with(at, edit);
            } else {
                int at = random.nextInt(expected.size());
                expected.remove(at);
                actual = actual.without(at);
            }
            if (edit % 1_000 == 0) {
                snapshots.add(List.copyOf(expected));
                versions.add(actual);
            }
        }

        assertThat(actual).containsExactlyElementsOf(expected);
        for (int i = 0; i < versions.size(); i++) {
            assertThat(versions.get(i)).containsExactlyElementsOf(snapshots.get(i));
        }
    }

    @Test
    void emptyList_takesAnElement_andRefusesPositionsOutside() {
        ChunkedSlots<String> empty = ChunkedSlots.of(List.of());

        assertThat(empty).isEmpty();
        assertThat(empty.with(0, "a").with(1, "c").with(1, "b")).containsExactly("a", "b", "c");
        assertThat(empty.with(0, "a").without(0)).isEmpty();
        assertThatThrownBy(() -> empty.with(0, "a").get(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
