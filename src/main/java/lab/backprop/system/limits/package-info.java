/**
 * How much one request may ask: body size, sizes of the network and the batch (properties
 * under backprop.limits), the compute budgets of /train and /gradient-check (a 413 naming
 * the limit when over), and when a long computation must stop (its time, a shutdown).
 */
package lab.backprop.system.limits;
