package lab.backprop.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which examples form each mini-batch: the documented order, as an independent Python
 * implementation of the documentation computes it (shuffle_reference.json, written by
 * shuffle_reference.py beside it), cut into batches.
 */
class MiniBatchesTest {

	@Test
	void eachEpochsOrderIsTheDocumentedOne() throws IOException {
		JsonNode cases;
		try (InputStream in = getClass().getResourceAsStream("/minibatches/shuffle_reference.json")) {
			cases = JsonMapper.builder().build().readTree(in);
		}
		assertThat(cases.size()).isEqualTo(6);
		for (JsonNode c : cases) {
			int n = c.get("n").asInt();
			int[] expected = new int[n];
			for (int k = 0; k < n; k++) {
				expected[k] = c.get("order").get(k).asInt();
			}
			MiniBatches batches = new MiniBatches(n, 1, c.get("seed").asLong());
			assertThat(batches.order(c.get("epoch").asLong())).as(c.toString()).containsExactly(expected);
		}
	}

	@Test
	void anEpochTakesEveryExampleOnceBatchSizeAtATimeTheLastBatchSmaller() {
		MiniBatches batches = new MiniBatches(10, 4, 0);
		// the documented order of seed 0, epoch 0 (shuffle_reference.json): 1 2 5 7 0 8 4
		// 3 9 6
		MiniBatches.Batch first = batches.at(MiniBatches.Position.START);
		assertThat(first.indices()).containsExactly(1, 2, 5, 7);
		assertThat(first.next()).isEqualTo(new MiniBatches.Position(0, 4));
		MiniBatches.Batch second = batches.at(first.next());
		assertThat(second.indices()).containsExactly(0, 8, 4, 3);
		MiniBatches.Batch third = batches.at(second.next());
		assertThat(third.indices()).containsExactly(9, 6);
		assertThat(third.next()).isEqualTo(new MiniBatches.Position(1, 0));
		// epoch 1: 4 3 0 6 5 9 8 7 1 2
		assertThat(batches.at(third.next()).indices()).containsExactly(4, 3, 0, 6);
		// a position anywhere in an epoch starts the batch there
		assertThat(batches.at(new MiniBatches.Position(1, 7)).indices()).containsExactly(7, 1, 2);
	}

	@Test
	void everyEpochIsAPermutationAndEpochsDiffer() {
		MiniBatches batches = new MiniBatches(200, 7, 12345);
		List<List<Integer>> orders = new ArrayList<>();
		for (long epoch = 0; epoch < 5; epoch++) {
			int[] order = batches.order(epoch).clone();
			assertThat(order).hasSize(200);
			assertThat(java.util.Arrays.stream(order).sorted().toArray())
				.containsExactly(java.util.stream.IntStream.range(0, 200).toArray());
			orders.add(java.util.Arrays.stream(order).boxed().toList());
		}
		assertThat(orders).doesNotHaveDuplicates();
	}

	@Test
	void oneBatchOfEverythingKeepsTheExamplesInTheirOrder() {
		MiniBatches whole = new MiniBatches(5, 5, 99);
		assertThat(whole.fullBatch()).isTrue();
		MiniBatches.Batch batch = whole.at(MiniBatches.Position.START);
		assertThat(batch.indices()).containsExactly(0, 1, 2, 3, 4);
		assertThat(batch.next()).isEqualTo(new MiniBatches.Position(1, 0));
	}

	@Test
	void aBatchLargerThanTheExamplesOrAPositionPastThemIsRefused() {
		assertThatThrownBy(() -> new MiniBatches(4, 5, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new MiniBatches(4, 0, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new MiniBatches(4, 2, 0).at(new MiniBatches.Position(0, 4)))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
