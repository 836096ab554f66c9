package lab.backprop.system.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

import lab.backprop.engine.Activation;
import lab.backprop.engine.Layer;
import lab.backprop.engine.Loss;
import lab.backprop.engine.Network;
import lab.backprop.engine.linalg.RowMajorMatrix;
import lab.backprop.engine.optim.Optimizer;
import lab.backprop.engine.optim.OptimizerState;
import lab.backprop.request.StepInput;

/**
 * The shared memory budget: requests that fit run, one that does not waits, then is
 * refused.
 */
class MemoryAdmissionTest {

	/** 784 → 256 → 10 on 64 examples: the benchmarks' MNIST case. */
	private static final StepInput MNIST = input(64, 784, 256, 10);

	@Test
	void theEstimateOfAMnistStepIsNearWhatItHolds() {
		// bench/heap.sh measured about 16 MiB of live heap for this step
		assertThat(estimate(MNIST)).isBetween(16L << 20, 24L << 20);
	}

	@Test
	void requestsShareTheBudgetAndGiveItBack() {
		MemoryAdmission admission = admission(DataSize.ofMegabytes(50), Duration.ofMillis(50));
		MockHttpServletRequest first = new MockHttpServletRequest();
		MockHttpServletRequest second = new MockHttpServletRequest();
		MockHttpServletRequest third = new MockHttpServletRequest();
		admit(admission, MNIST, first);
		admit(admission, MNIST, second);
		assertThatThrownBy(() -> admit(admission, MNIST, third)).isInstanceOf(ServiceBusyException.class)
			.satisfies(e -> assertThat(((ServiceBusyException) e).budgetMib()).isEqualTo(50));
		admission.release(first);
		admit(admission, MNIST, third);
		admission.release(second);
		admission.release(third);
		assertThat(admission.availableKibibytes()).isEqualTo(50 * 1024);
	}

	@Test
	void aRequestLargerThanTheWholeBudgetRunsAlone() {
		MemoryAdmission admission = admission(DataSize.ofMegabytes(5), Duration.ofMillis(50));
		MockHttpServletRequest big = new MockHttpServletRequest();
		admit(admission, MNIST, big);
		assertThat(admission.availableKibibytes()).isZero();
		assertThatThrownBy(() -> admit(admission, input(8, 100, 100), new MockHttpServletRequest()))
			.isInstanceOf(ServiceBusyException.class);
		admission.release(big);
		admit(admission, input(8, 100, 100), new MockHttpServletRequest());
	}

	@Test
	void smallRequestsNeverWait() {
		MemoryAdmission admission = admission(DataSize.ofMegabytes(5), Duration.ZERO);
		admit(admission, MNIST, new MockHttpServletRequest()); // holds the whole budget
		MockHttpServletRequest seed = new MockHttpServletRequest();
		admission.admitBody(120, seed);
		admit(admission, input(1, 3, 1), seed);
		MockHttpServletRequest small = new MockHttpServletRequest(); // 64 → 32 → 10 on 32
																		// examples: 390
																		// kB
		assertThat(estimate(input(32, 64, 32, 10))).isLessThan(MemoryAdmission.FREE_BELOW);
		admit(admission, input(32, 64, 32, 10), small);
		assertThat(admission.availableKibibytes()).isZero();
	}

	@Test
	void theBodysShareCountsTowardsTheStepsShare() {
		MemoryAdmission admission = admission(DataSize.ofMegabytes(100), Duration.ZERO);
		int free = admission.availableKibibytes();
		MockHttpServletRequest mnist = new MockHttpServletRequest();
		admission.admitBody(5_296_188, mnist); // the MNIST body of the load test: 21 MB,
												// more than its step
		int afterBody = admission.availableKibibytes();
		admit(admission, MNIST, mnist);
		assertThat(admission.availableKibibytes()).as("no top-up needed").isEqualTo(afterBody);

		MockHttpServletRequest small = new MockHttpServletRequest();
		admission.admitBody(200, small); // a small body takes nothing
		assertThat(admission.availableKibibytes()).isEqualTo(afterBody);
		admit(admission, MNIST, small); // a small body whose network turns out large: the
										// step's estimate
		assertThat(admission.availableKibibytes()).isEqualTo(afterBody - (int) ((estimate(MNIST) + 1023) / 1024));
		admission.release(mnist);
		admission.release(small);
		assertThat(admission.availableKibibytes()).isEqualTo(free);
	}

	@Test
	void releasingTwiceGivesBackOnce() {
		MemoryAdmission admission = admission(DataSize.ofMegabytes(50), Duration.ZERO);
		MockHttpServletRequest request = new MockHttpServletRequest();
		int before = admission.availableKibibytes();
		admit(admission, MNIST, request);
		admission.release(request);
		admission.release(request);
		assertThat(admission.availableKibibytes()).isEqualTo(before);
	}

	@Test
	void theDefaultBudgetIsHalfTheHeap() {
		assertThat(new AdmissionProperties(null, Duration.ofSeconds(30)).memoryBytes())
			.isEqualTo(Runtime.getRuntime().maxMemory() / 2);
	}

	private static void admit(MemoryAdmission admission, StepInput step, MockHttpServletRequest request) {
		admission.admit(step.network(), step.inputs(), step.labels(), request);
	}

	private static long estimate(StepInput step) {
		return MemoryAdmission.estimate(step.network(), step.inputs(), step.labels());
	}

	private static MemoryAdmission admission(DataSize memory, Duration maxWait) {
		return new MemoryAdmission(new AdmissionProperties(memory, maxWait));
	}

	private static StepInput input(int batch, int... widths) {
		Layer[] layers = new Layer[widths.length - 1];
		for (int i = 1; i < widths.length; i++) {
			layers[i - 1] = new Layer(new RowMajorMatrix(widths[i - 1], widths[i]), new ArrayRealVector(widths[i]),
					Activation.RELU);
		}
		return new StepInput(new Network(java.util.List.of(layers)), new RowMajorMatrix(batch, widths[0]),
				new RowMajorMatrix(batch, widths[widths.length - 1]), Loss.MSE, 0.1, Optimizer.plainSgd(),
				OptimizerState.initial());
	}

}
