/**
 * RFC 9457 problem answers for every failure, down to the servlet container's own error
 * pages: the exception handler, the error controller and Tomcat's error valve.
 */
package lab.backprop.system.problem;
