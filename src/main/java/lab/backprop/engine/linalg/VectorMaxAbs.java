package lab.backprop.engine.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Matrices#maxAbs}'s loop on the CPU's vector lanes. A maximum rounds nothing, so
 * any order of comparisons gives the same value. Each lane keeps the larger by a
 * comparison, as the scalar loop does (lanewise MAX, which follows Math.max's rules for
 * NaN and −0, was slower on JDK 17). Load only when {@link VectorLanes#AVAILABLE}.
 */
final class VectorMaxAbs {

	private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

	private VectorMaxAbs() {
	}

	static double maxAbs(double[] values) {
		DoubleVector max = DoubleVector.zero(SPECIES);
		int k = 0;
		for (int end = SPECIES.loopBound(values.length); k < end; k += SPECIES.length()) {
			DoubleVector magnitude = DoubleVector.fromArray(SPECIES, values, k).abs();
			max = max.blend(magnitude, max.lt(magnitude));
		}
		double result = max.reduceLanes(VectorOperators.MAX);
		for (; k < values.length; k++) {
			double magnitude = Math.abs(values[k]);
			result = result > magnitude ? result : magnitude;
		}
		return result;
	}

}
