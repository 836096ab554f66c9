/**
 * How an answer leaves: one that fits the container's buffer goes out in one piece with
 * its Content-Length, instead of being committed early and sent as chunks. Uses nothing
 * of ours.
 */
package lab.backprop.system.delivery;
