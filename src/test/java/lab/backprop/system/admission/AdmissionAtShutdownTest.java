package lab.backprop.system.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

import lab.backprop.engine.Activation;
import lab.backprop.engine.Layer;
import lab.backprop.engine.Network;
import lab.backprop.engine.linalg.RowMajorMatrix;

/**
 * When the service stops, a request waiting for its memory share gets its 503 (with
 * Retry-After) at once instead of at the end of its wait, and so does any that would wait
 * afterwards; a request holding its share keeps it.
 */
class AdmissionAtShutdownTest {

	/** 784 → 256 → 10 on 64 examples: about 19 MB. */
	private static final Network MNIST = new Network(
			List.of(new Layer(new RowMajorMatrix(784, 256), new ArrayRealVector(256), Activation.RELU),
					new Layer(new RowMajorMatrix(256, 10), new ArrayRealVector(10), Activation.LINEAR)));

	@Test
	void aWaitingRequestIsRefusedAsSoonAsTheServiceStops() throws Exception {
		MemoryAdmission admission = new MemoryAdmission(
				new AdmissionProperties(DataSize.ofMegabytes(30), Duration.ofSeconds(60)));
		MockHttpServletRequest holder = new MockHttpServletRequest();
		admit(admission, holder);
		int free = admission.availableKibibytes();
		CompletableFuture<Long> waiter = CompletableFuture.supplyAsync(() -> {
			try {
				admit(admission, new MockHttpServletRequest());
			}
			catch (ServiceBusyException e) {
				assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("5");
				assertThat(e.getBody().getTitle()).isEqualTo("The service is stopping");
				return System.nanoTime();
			}
			throw new AssertionError("admitted while another request held the memory");
		});
		Thread.sleep(300);
		assertThat(waiter).as("still waiting for its share").isNotDone();
		long stopping = System.nanoTime();
		admission.stop();
		long refused = waiter.get(5, TimeUnit.SECONDS);
		assertThat(refused).as("refused by the stop, not before it").isGreaterThanOrEqualTo(stopping);
		assertThat((refused - stopping) / 1_000_000).as("refused at once, not after its 60 s").isLessThan(2000);
		assertThat(admission.availableKibibytes()).as("the holder keeps its share").isEqualTo(free);
		admission.release(holder);
	}

	@Test
	void aRequestThatWouldWaitAfterTheStopIsRefusedWithoutWaiting() {
		MemoryAdmission admission = new MemoryAdmission(
				new AdmissionProperties(DataSize.ofMegabytes(30), Duration.ofSeconds(60)));
		admission.stop();
		long start = System.nanoTime();
		assertThatThrownBy(() -> admit(admission, new MockHttpServletRequest()))
			.isInstanceOf(ServiceBusyException.class);
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
		MockHttpServletRequest small = new MockHttpServletRequest();
		admission.admitBody(120, small);
		assertThat(admission.availableKibibytes()).as("a small request takes no share and still runs")
			.isEqualTo(30 * 1024);
	}

	private static void admit(MemoryAdmission admission, MockHttpServletRequest request) {
		admission.admit(MNIST, new RowMajorMatrix(64, 784), new RowMajorMatrix(64, 10), request);
	}

}
