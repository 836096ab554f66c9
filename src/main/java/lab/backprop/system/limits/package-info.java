/**
 * How much one request may ask: body size, sizes of the network and the batch (properties
 * under backprop.limits) and the compute budget of /train and /gradient-check; a 413
 * naming the limit when over.
 */
package lab.backprop.system.limits;
