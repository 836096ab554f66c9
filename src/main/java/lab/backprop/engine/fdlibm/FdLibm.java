/*
 * ====================================================
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunSoft, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 */
package lab.backprop.engine.fdlibm;

/**
 * fdlibm 5.3's {@code tanh} (s_tanh.c), {@code cosh} (e_cosh.c) and {@code expm1}
 * (s_expm1.c), ported line by line from the C sources that JDK 17 compiles into its
 * StrictMath: the same operations in the same order on IEEE doubles, so every result has
 * StrictMath's bits (FdLibmTest compares them over millions of arguments). On JDK 17
 * StrictMath reaches these through JNI, which costs more than the arithmetic for the
 * thousands of activations of a small network's step; Java 21+ runs its own Java port of
 * the same code, so both give the same numbers. {@code exp} is StrictMath's, already Java
 * on JDK 17. The comments are fdlibm's.
 */
public final class FdLibm {

	private static final double TINY = 1.0e-300;

	private static final double HUGE = 1.0e+300;

	private FdLibm() {
	}

	private static int high(double x) {
		return (int) (Double.doubleToRawLongBits(x) >> 32);
	}

	private static int low(double x) {
		return (int) Double.doubleToRawLongBits(x);
	}

	private static double withHigh(double x, int high) {
		return Double.longBitsToDouble((Double.doubleToRawLongBits(x) & 0xffffffffL) | ((long) high << 32));
	}

	/**
	 * tanh(x) = (exp(x) − exp(−x)) / (exp(x) + exp(−x)), as fdlibm computes it: <pre>
	 * 0 ≤ x &lt; 2^-55:  tanh(x) := x·(1 + x)
	 * 2^-55 ≤ x &lt; 1:  tanh(x) := −t / (t + 2),       t = expm1(−2x)
	 * 1 ≤ x &lt; 22:     tanh(x) := 1 − 2 / (t + 2),    t = expm1(2x)
	 * 22 ≤ x ≤ INF:   tanh(x) := 1 (with inexact)
	 * </pre> and tanh(−x) = −tanh(x); tanh(NaN) is NaN.
	 */
	public static double tanh(double x) {
		double t;
		double z;
		int jx = high(x);
		int ix = jx & 0x7fffffff;

		/* x is INF or NaN */
		if (ix >= 0x7ff00000) {
			if (jx >= 0) {
				return 1.0 / x + 1.0; /* tanh(+-inf)=+-1 */
			}
			return 1.0 / x - 1.0; /* tanh(NaN) = NaN */
		}

		/* |x| < 22 */
		if (ix < 0x40360000) { /* |x|<22 */
			if (ix < 0x3c800000) { /* |x|<2**-55 */
				return x * (1.0 + x); /* tanh(small) = small */
			}
			if (ix >= 0x3ff00000) { /* |x|>=1 */
				t = expm1(2.0 * Math.abs(x));
				z = 1.0 - 2.0 / (t + 2.0);
			}
			else {
				t = expm1(-2.0 * Math.abs(x));
				z = -t / (t + 2.0);
			}
		}
		else { /* |x| > 22, return +-1 */
			z = 1.0 - TINY; /* raised inexact flag */
		}
		return jx >= 0 ? z : -z;
	}

	/**
	 * cosh(x) = (exp(x) + exp(−x)) / 2, as fdlibm computes it for |x|: <pre>
	 * 0 ≤ x ≤ ln2/2:               1 + expm1(x)² / (2·exp(x))
	 * ln2/2 ≤ x ≤ 22:              (exp(x) + 1/exp(x)) / 2
	 * 22 ≤ x ≤ lnovft:             exp(x) / 2
	 * lnovft ≤ x ≤ ln2ovft:        exp(x/2) / 2 · exp(x/2)
	 * ln2ovft &lt; x:                overflow
	 * </pre> cosh(±INF) is +INF, cosh(NaN) is NaN.
	 */
	public static double cosh(double x) {
		double t;
		double w;
		/* High word of |x|. */
		int ix = high(x) & 0x7fffffff;

		/* x is INF or NaN */
		if (ix >= 0x7ff00000) {
			return x * x;
		}

		/* |x| in [0,0.5*ln2], return 1+expm1(|x|)^2/(2*exp(|x|)) */
		if (ix < 0x3fd62e43) {
			t = expm1(Math.abs(x));
			w = 1.0 + t;
			if (ix < 0x3c800000) {
				return w; /* cosh(tiny) = 1 */
			}
			return 1.0 + (t * t) / (w + w);
		}

		/* |x| in [0.5*ln2,22], return (exp(|x|)+1/exp(|x|)/2; */
		if (ix < 0x40360000) {
			t = StrictMath.exp(Math.abs(x));
			return 0.5 * t + 0.5 / t;
		}

		/* |x| in [22, log(maxdouble)] return half*exp(|x|) */
		if (ix < 0x40862E42) {
			return 0.5 * StrictMath.exp(Math.abs(x));
		}

		/* |x| in [log(maxdouble), overflowthresold] */
		long lx = low(x) & 0xffffffffL;
		if (ix < 0x408633CE || (ix == 0x408633ce && lx <= 0x8fb9f87dL)) {
			w = StrictMath.exp(0.5 * Math.abs(x));
			t = 0.5 * w;
			return t * w;
		}

		/* |x| > overflowthresold, cosh(x) overflow */
		return HUGE * HUGE;
	}

	// 0x40862E42 0xFEFA39EF
	private static final double O_THRESHOLD = 7.09782712893383973096e+02;

	// 0x3fe62e42 0xfee00000
	private static final double LN2_HI = 6.93147180369123816490e-01;

	// 0x3dea39ef 0x35793c76
	private static final double LN2_LO = 1.90821492927058770002e-10;

	// 0x3ff71547 0x652b82fe
	private static final double INVLN2 = 1.44269504088896338700e+00;

	/* scaled coefficients related to expm1 */
	private static final double Q1 = -3.33333333333331316428e-02; /* BFA11111 111110F4 */

	private static final double Q2 = 1.58730158725481460165e-03; /* 3F5A01A0 19FE5585 */

	private static final double Q3 = -7.93650757867487942473e-05; /* BF14CE19 9EAADBB7 */

	private static final double Q4 = 4.00821782732936239552e-06; /* 3ED0CFCA 86E65239 */

	private static final double Q5 = -2.01099218183624371326e-07; /* BE8AFDB7 6E09C32D */

	/**
	 * exp(x) − 1, accurate for small x, as fdlibm computes it: x is reduced to r = x −
	 * k·ln2 with |r| ≤ ln2/2, expm1(r) comes from a rational approximation of r/(exp(r) −
	 * 1) (see s_expm1.c), and the result is scaled back by 2^k.
	 */
	public static double expm1(double x) {
		double y;
		double hi;
		double lo;
		double c = 0.0;
		double t;
		double e;
		double hxs;
		double hfx;
		double r1;
		int k;

		int hx = high(x); /* high word of x */
		int xsb = hx & 0x80000000; /* sign bit of x */
		y = xsb == 0 ? x : -x; /* y = |x| */
		hx &= 0x7fffffff; /* high word of |x| */

		/* filter out huge and non-finite argument */
		if (hx >= 0x4043687A) { /* if |x|>=56*ln2 */
			if (hx >= 0x40862E42) { /* if |x|>=709.78... */
				if (hx >= 0x7ff00000) {
					if (((hx & 0xfffff) | low(x)) != 0) {
						return x + x; /* NaN */
					}
					return xsb == 0 ? x : -1.0; /* exp(+-inf)={inf,-1} */
				}
				if (x > O_THRESHOLD) {
					return HUGE * HUGE; /* overflow */
				}
			}
			if (xsb != 0) { /* x < -56*ln2, return -1.0 with inexact */
				if (x + TINY < 0.0) { /* raise inexact */
					return TINY - 1.0; /* return -1 */
				}
			}
		}

		/* argument reduction */
		if (hx > 0x3fd62e42) { /* if |x| > 0.5 ln2 */
			if (hx < 0x3FF0A2B2) { /* and |x| < 1.5 ln2 */
				if (xsb == 0) {
					hi = x - LN2_HI;
					lo = LN2_LO;
					k = 1;
				}
				else {
					hi = x + LN2_HI;
					lo = -LN2_LO;
					k = -1;
				}
			}
			else {
				k = (int) (INVLN2 * x + (xsb == 0 ? 0.5 : -0.5));
				t = k;
				hi = x - t * LN2_HI; /* t*ln2_hi is exact here */
				lo = t * LN2_LO;
			}
			x = hi - lo;
			c = (hi - x) - lo;
		}
		else if (hx < 0x3c900000) { /* when |x|<2**-54, return x */
			t = HUGE + x; /* return x with inexact flags when x!=0 */
			return x - (t - (HUGE + x));
		}
		else {
			k = 0;
		}

		/* x is now in primary range */
		hfx = 0.5 * x;
		hxs = x * hfx;
		r1 = 1.0 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
		t = 3.0 - r1 * hfx;
		e = hxs * ((r1 - t) / (6.0 - x * t));
		if (k == 0) {
			return x - (x * e - hxs); /* c is 0 */
		}
		e = (x * (e - c) - c);
		e -= hxs;
		if (k == -1) {
			return 0.5 * (x - e) - 0.5;
		}
		if (k == 1) {
			if (x < -0.25) {
				return -2.0 * (e - (x + 0.5));
			}
			return 1.0 + 2.0 * (x - e);
		}
		if (k <= -2 || k > 56) { /* suffice to return exp(x)-1 */
			y = 1.0 - (e - x);
			y = withHigh(y, high(y) + (k << 20)); /* add k to y's exponent */
			return y - 1.0;
		}
		if (k < 20) {
			t = withHigh(1.0, 0x3ff00000 - (0x200000 >> k)); /* t=1-2^-k */
			y = t - (e - x);
			y = withHigh(y, high(y) + (k << 20)); /* add k to y's exponent */
		}
		else {
			t = withHigh(1.0, (0x3ff - k) << 20); /* 2^-k */
			y = x - (e + t);
			y += 1.0;
			y = withHigh(y, high(y) + (k << 20)); /* add k to y's exponent */
		}
		return y;
	}

}
