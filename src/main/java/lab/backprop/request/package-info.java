/**
 * Reading request bodies into engine types: the body records and their Bean Validation
 * constraints, number arrays streamed without boxing, shapes that must chain, optimizer
 * settings and state, did-you-mean for names, and Jackson's read errors in our words.
 * Uses the engine and system.
 */
package lab.backprop.request;
