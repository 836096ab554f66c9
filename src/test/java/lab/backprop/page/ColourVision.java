package lab.backprop.page;

/**
 * How far apart two sRGB colours look to an eye whose colour vision a matrix on linear
 * RGB simulates: the CIE 1976 ΔE of their CIELAB values (D65). About 2 is just
 * noticeable; above 40, clearly different colours.
 */
final class ColourVision {

	private ColourVision() {
	}

	static double distance(double[][] vision, int[] a, int[] b) {
		double[] labA = lab(seen(vision, a));
		double[] labB = lab(seen(vision, b));
		return Math.sqrt(square(labA[0] - labB[0]) + square(labA[1] - labB[1]) + square(labA[2] - labB[2]));
	}

	private static double square(double x) {
		return x * x;
	}

	private static double linear(int channel) {
		double c = channel / 255.0;
		return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}

	private static double[] seen(double[][] vision, int[] rgb) {
		double[] in = { linear(rgb[0]), linear(rgb[1]), linear(rgb[2]) };
		double[] out = new double[3];
		for (int i = 0; i < 3; i++) {
			double sum = 0;
			for (int j = 0; j < 3; j++) {
				sum += vision[i][j] * in[j];
			}
			out[i] = Math.min(1, Math.max(0, sum));
		}
		return out;
	}

	private static double f(double t) {
		return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
	}

	private static double[] lab(double[] rgb) {
		double x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047;
		double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
		double z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883;
		return new double[] { 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)) };
	}

}
