/**
 * What cuts across every endpoint on the HTTP side, grouped by concern: problem+json
 * errors, limits, the memory admission. Uses the engine only (for the network's size and
 * its overflow).
 */
package lab.backprop.system;
