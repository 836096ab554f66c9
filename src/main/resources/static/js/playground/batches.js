// Which training examples /train takes in its next mini-batch: the epoch's order exactly as docs/api.md
// writes it (SplitMix64 and Fisher–Yates on unsigned 64-bit integers, here BigInt), from the optimizer
// state's epoch and position.

const M = (1n << 64n) - 1n;
const GAMMA = 0x9E3779B97F4A7C15n;

function mix(z) {
  z = ((z ^ (z >> 30n)) * 0xBF58476D1CE4E5B9n) & M;
  z = ((z ^ (z >> 27n)) * 0x94D049BB133111EBn) & M;
  return z ^ (z >> 31n);
}

/** The order of epoch `epoch`'s n examples for a shuffle seed (any 64-bit integer). */
export function epochOrder(n, shuffleSeed, epoch) {
  let state = mix((BigInt.asUintN(64, BigInt(shuffleSeed)) + BigInt(epoch + 1) * GAMMA) & M);
  const order = Array.from({ length: n }, (_, k) => k);
  for (let i = n - 1; i >= 1; i--) {
    state = (state + GAMMA) & M;
    const j = Number(((mix(state) >> 33n) * BigInt(i + 1)) >> 31n);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/**
 * The rows of the next step's batch: with mini-batches (batchSize below n) those the optimizer state's epoch
 * and position point at; otherwise all of them, in order.
 */
export function nextBatch(n, batchSize, shuffleSeed, optimizerState) {
  const size = Math.min(batchSize, n);
  if (size >= n) return Array.from({ length: n }, (_, k) => k);
  const epoch = (optimizerState && optimizerState.epoch) || 0;
  const position = (optimizerState && optimizerState.position) || 0;
  return epochOrder(n, shuffleSeed, epoch).slice(position, Math.min(position + size, n));
}
