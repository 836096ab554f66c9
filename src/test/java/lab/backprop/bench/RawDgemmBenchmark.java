package lab.backprop.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.*;

import dev.ludovic.netlib.blas.JavaBLAS;

@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class RawDgemmBenchmark {
	JavaBLAS blas = JavaBLAS.getInstance();
	int m = 64, k = 784, n = 256;
	double[] x, w, d, xt, wt, out1, out2, out3;

	@Setup
	public void setUp() {
		Random r = new Random(1);
		x = fill(r, m * k); w = fill(r, k * n); d = fill(r, m * n);
		xt = fill(r, k * m); wt = fill(r, n * k);
		out1 = new double[m * n]; out2 = new double[k * n]; out3 = new double[m * k];
	}

	static double[] fill(Random r, int size) {
		double[] a = new double[size];
		for (int i = 0; i < size; i++) a[i] = r.nextGaussian();
		return a;
	}

	@Benchmark public double[] forwardNN() { blas.dgemm("N", "N", n, m, k, 1.0, w, 0, n, x, 0, k, 0.0, out1, 0, n); return out1; }
	@Benchmark public double[] dWNT() { blas.dgemm("N", "T", n, k, m, 1.0, d, 0, n, x, 0, k, 0.0, out2, 0, n); return out2; }
	@Benchmark public double[] dWNNexplicit() { blas.dgemm("N", "N", n, k, m, 1.0, d, 0, n, xt, 0, m, 0.0, out2, 0, n); return out2; }
	@Benchmark public double[] dInputTN() { blas.dgemm("T", "N", k, m, n, 1.0, w, 0, n, d, 0, n, 0.0, out3, 0, k); return out3; }
	@Benchmark public double[] dInputNNexplicit() { blas.dgemm("N", "N", k, m, n, 1.0, wt, 0, k, d, 0, n, 0.0, out3, 0, k); return out3; }
	double[] dt;
	@Setup public void more() { dt = fill(new Random(2), n * m); }
	@Benchmark public double[] dWTNexplicit() { blas.dgemm("T", "N", n, k, m, 1.0, dt, 0, m, xt, 0, m, 0.0, out2, 0, n); return out2; }
	@Benchmark public double[] copyW() { double[] c = new double[k * n]; System.arraycopy(w, 0, c, 0, k * n); return c; }
	@Benchmark public double[] transposeW() { double[] t = new double[n * k]; for (int i = 0; i < k; i++) for (int j = 0; j < n; j++) t[j * k + i] = w[i * n + j]; return t; }
}
