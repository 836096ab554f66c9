/**
 * Starting points: GET /initial-layers (seeded starting weights, from engine.data) and
 * POST /predict (the forward pass alone). Uses the engine, request, step (the layer's
 * response form) and system.
 */
package lab.backprop.start;
