package lab.backprop.engine.optim;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import lab.backprop.engine.linalg.VectorLanes;

/**
 * {@link Adam}'s rule on the CPU's vector lanes, several elements per instruction: the
 * scalar loop spends most of its time in one square root and two divisions per element,
 * which the JIT does not vectorize by itself. Each lane computes its element's expression
 * with the same operations in the same order as {@link Adam#scalarUpdateAndCheck}, and
 * lanewise +, −, ×, ÷ and √ round exactly as the scalar ones (IEEE 754; no fused
 * multiply-add, which Java's scalar code never does), so the bits are the same
 * ({@code AdamLanesTest}). Load only when {@link VectorLanes#AVAILABLE}.
 */
final class AdamLanes {

	private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

	private AdamLanes() {
	}

	static boolean updateAndCheck(Adam adam, double[] theta, double[] grad, double[] m, double[] v, double[] newTheta,
			double[] newM, double[] newV, long t, double lr, int from, int to) {
		double beta2 = adam.beta2();
		double weightDecay = adam.weightDecay();
		double oneMinusBeta2 = 1.0 - beta2;
		double w = 1.0 - adam.beta1();
		boolean nearM = w < 0.5;
		double oneMinusW = 1.0 - w;
		double biasCorrection2Sqrt = Math.sqrt(1.0 - Math.pow(beta2, t));
		double minusStepSize = -(lr / (1.0 - Math.pow(adam.beta1(), t)));
		double eps = adam.eps();
		DoubleVector zero = DoubleVector.zero(SPECIES);
		int k = from;
		for (int end = from + SPECIES.loopBound(to - from); k < end; k += SPECIES.length()) {
			DoubleVector thetaK = DoubleVector.fromArray(SPECIES, theta, k);
			DoubleVector g = DoubleVector.fromArray(SPECIES, grad, k);
			if (weightDecay != 0.0) {
				g = g.add(thetaK.mul(weightDecay));
			}
			DoubleVector mOld = DoubleVector.fromArray(SPECIES, m, k);
			DoubleVector gMinusM = g.sub(mOld);
			// TensorOptimizer.lerp(m, g, w), from the nearer end
			DoubleVector mk = nearM ? mOld.add(gMinusM.mul(w)) : g.sub(gMinusM.mul(oneMinusW));
			DoubleVector vk = DoubleVector.fromArray(SPECIES, v, k).mul(beta2).add(g.mul(oneMinusBeta2).mul(g));
			DoubleVector denom = vk.lanewise(VectorOperators.SQRT).div(biasCorrection2Sqrt).add(eps);
			DoubleVector newThetaK = thetaK.add(mk.div(denom).mul(minusStepSize));
			newThetaK.intoArray(newTheta, k);
			mk.intoArray(newM, k);
			vk.intoArray(newV, k);
			zero = zero.add(newThetaK.mul(0.0).add(mk.mul(0.0)).add(vk.mul(0.0)));
		}
		boolean finite = zero.reduceLanes(VectorOperators.ADD) == 0.0;
		return adam.scalarUpdateAndCheck(theta, grad, m, v, newTheta, newM, newV, t, lr, k, to) && finite;
	}

}
