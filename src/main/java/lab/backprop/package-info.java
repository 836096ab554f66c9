/**
 * Backprop Lab: backpropagation, number by number. A request travels one way:
 * {@code system} filters, a feature's controller ({@code step}, {@code train},
 * {@code gradcheck}, {@code examples}), {@code request} reads the body into engine types,
 * the {@code engine} computes, {@code explain} adds texts when asked, and the feature's
 * response records go out as JSON; {@code config} wires it.
 */
package lab.backprop;
