/**
 * Classes planted for {@code ArchitectureTest} that break each layout rule on purpose, so
 * that the test can show each rule fails where it should. Not part of the service.
 */
package lab.backprop.archfixture;
