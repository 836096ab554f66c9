/**
 * Wiring: the engine's objects, Jackson, OpenAPI, CORS, the languages and the Markdown
 * representation as Spring beans. Depends on every other package; nothing depends on it.
 */
package lab.backprop.config;
