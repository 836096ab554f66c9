/**
 * The memory budget that requests in flight share: a share taken for the body and topped
 * up to the step's estimate, given back after the answer; a 503 with Retry-After when it
 * does not come free in time.
 */
package lab.backprop.system.admission;
