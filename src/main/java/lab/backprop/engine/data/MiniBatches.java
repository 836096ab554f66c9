package lab.backprop.engine.data;

/**
 * Which examples form each mini-batch: every epoch takes all n examples once, in an order
 * shuffled from the seed and the epoch's number, {@code size} at a time (the last batch
 * of an epoch smaller when {@code size} does not divide n). Written out so that anyone
 * can reproduce it (all arithmetic on unsigned 64-bit integers, modulo 2⁶⁴):
 *
 * <pre>
 * γ = 0x9E3779B97F4A7C15
 * mix(z):  z = (z ^ (z >>> 30)) · 0xBF58476D1CE4E5B9
 *          z = (z ^ (z >>> 27)) · 0x94D049BB133111EB
 *          return z ^ (z >>> 31)
 * SplitMix64 from state s:  next() = mix(s += γ)
 *
 * epoch e (0 first):  s = mix(seed + (e + 1)·γ)          (SplitMix64 of the seed, its (e+1)-th value)
 *                     order = [0, 1, …, n − 1]
 *                     for i = n − 1 down to 1:             (Fisher–Yates)
 *                         j = ((next() >>> 33) · (i + 1)) >>> 31     (0 ≤ j ≤ i)
 *                         swap order[i], order[j]
 * </pre>
 *
 * A position (epoch, p) is where the next batch starts: it takes {@code order[p]} to
 * {@code order[min(p + size, n) − 1]}; an epoch whose batch reached n ends there, and the
 * next begins at (e + 1, 0). A single batch of all n examples is not shuffled: it takes
 * them in their order, as full-batch training does.
 */
public final class MiniBatches {

	static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

	private final int examples;

	private final int size;

	private final long seed;

	private int[] order;

	private long orderEpoch = -1;

	/**
	 * @param examples n, at least 1
	 * @param size the examples of a batch, 1 to n
	 */
	public MiniBatches(int examples, int size, long seed) {
		if (examples < 1 || size < 1 || size > examples) {
			throw new IllegalArgumentException("a batch takes 1 to " + examples + " examples, not " + size);
		}
		this.examples = examples;
		this.size = size;
		this.seed = seed;
	}

	/** Where the next batch starts: epoch and the examples of it already taken. */
	public record Position(long epoch, int taken) {

		public static final Position START = new Position(0, 0);

		public Position {
			if (epoch < 0 || taken < 0) {
				throw new IllegalArgumentException("a position is not negative");
			}
		}
	}

	/** The indices of one batch and where the batch after it starts. */
	public record Batch(int[] indices, Position next) {
	}

	/** Whether each batch is the whole set, in order (no mini-batches at all). */
	public boolean fullBatch() {
		return size == examples;
	}

	/** The batch that starts at {@code at}; {@code at.taken()} must be below n. */
	public Batch at(Position at) {
		if (at.taken() >= examples) {
			throw new IllegalArgumentException("the position " + at.taken() + " is not below " + examples);
		}
		int end = Math.min(at.taken() + size, examples);
		int[] indices = new int[end - at.taken()];
		if (fullBatch()) {
			for (int k = 0; k < indices.length; k++) {
				indices[k] = at.taken() + k;
			}
		}
		else {
			System.arraycopy(order(at.epoch()), at.taken(), indices, 0, indices.length);
		}
		Position next = end == examples ? new Position(at.epoch() + 1, 0) : new Position(at.epoch(), end);
		return new Batch(indices, next);
	}

	/** The shuffled order of {@code epoch}'s examples. */
	public int[] order(long epoch) {
		if (epoch != orderEpoch) {
			order = shuffle(examples, seed, epoch);
			orderEpoch = epoch;
		}
		return order;
	}

	static int[] shuffle(int n, long seed, long epoch) {
		long state = mix(seed + (epoch + 1) * GOLDEN_GAMMA);
		int[] order = new int[n];
		for (int k = 0; k < n; k++) {
			order[k] = k;
		}
		for (int i = n - 1; i >= 1; i--) {
			state += GOLDEN_GAMMA;
			long bits = mix(state) >>> 33;
			int j = (int) ((bits * (i + 1)) >>> 31);
			int swap = order[i];
			order[i] = order[j];
			order[j] = swap;
		}
		return order;
	}

	static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
