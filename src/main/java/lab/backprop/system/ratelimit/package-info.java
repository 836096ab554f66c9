/**
 * The rate limit per client (backprop.rate-limit, off by default): requests and the work
 * they ask for, in token buckets; a 429 problem with Retry-After and the RateLimit fields
 * when over. Uses system.limits (the budgets the work bucket must hold) and
 * system.problem.
 */
package lab.backprop.system.ratelimit;
