/**
 * Java ports of C fdlibm functions that JDK 17's StrictMath still calls through JNI,
 * giving StrictMath's very bits without the native call. Plain Java; depends on nothing
 * of ours.
 */
package lab.backprop.engine.fdlibm;
