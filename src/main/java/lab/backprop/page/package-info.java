/**
 * The pages' own addresses that are not files (/playground), served from the static
 * resources. Uses Spring MVC only, nothing of ours.
 */
package lab.backprop.page;
