/**
 * The explanations of a step: formulas, the formulas with this step's numbers, what each
 * value means, and the Markdown worked solution, from message bundles in English and
 * Russian. Reads the engine's values; depends on the engine only (no Spring, no web
 * types, no request or response records).
 */
package lab.backprop.explain;
