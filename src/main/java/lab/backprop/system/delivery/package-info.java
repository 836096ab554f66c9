/**
 * How an answer leaves: gzipped at zlib's fastest level for a client that accepts gzip
 * (Tomcat's own compression, at its default level, stays for everything else), and, when
 * it fits the container's buffer, in one piece with its Content-Length instead of being
 * committed early and sent as chunks. Uses nothing of ours.
 */
package lab.backprop.system.delivery;
