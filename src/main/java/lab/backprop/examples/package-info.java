/**
 * GET /examples: the ready request bodies kept as resources, and their place in the
 * OpenAPI document's examples. Uses request (the body's schema) and system.
 */
package lab.backprop.examples;
