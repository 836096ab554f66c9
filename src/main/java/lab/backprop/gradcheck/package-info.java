/**
 * POST /gradient-check: every analytic gradient beside a finite difference. Uses request,
 * the engine and system.
 */
package lab.backprop.gradcheck;
