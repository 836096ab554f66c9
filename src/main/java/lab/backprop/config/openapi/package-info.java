/**
 * The OpenAPI document as generated clients and validating proxies read it: one matrix
 * type, request schemas that say what the service refuses and accepts, and problem+json
 * on every error status of every operation. Generic customizers, applied to whatever
 * springdoc found; uses springdoc and swagger's models only.
 */
package lab.backprop.config.openapi;
