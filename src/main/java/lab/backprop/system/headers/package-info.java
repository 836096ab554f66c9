/**
 * The headers every answer carries for browsers: a Content-Security-Policy, nosniff and a
 * referrer policy, configurable under {@code backprop.headers}. Uses nothing of ours.
 */
package lab.backprop.system.headers;
