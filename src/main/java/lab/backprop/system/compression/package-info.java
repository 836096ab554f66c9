/**
 * gzip at zlib's fastest level for large JSON answers when the client accepts it
 * (Tomcat's own compression, at the default level, stays for everything else). Uses
 * nothing of ours.
 */
package lab.backprop.system.compression;
