package lab.backprop.datasets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.web.ErrorResponseException;

import lab.backprop.engine.data.DataSet;
import lab.backprop.engine.data.Feature;
import lab.backprop.request.QueryParameters;
import lab.backprop.request.Suggestions;

/**
 * The query parameters of GET /datasets/{name}, checked in this order; the first wrong
 * one is a 400 naming it.
 *
 * @param spec what to generate
 * @param features the input columns, in the order given
 */
record DatasetQuery(DataSet.Spec spec, List<Feature> features) {

	static final String POINTS = "points";

	static final String NOISE = "noise";

	static final String TEST_FRACTION = "testFraction";

	static final String SEED = "seed";

	static final String FEATURES = "features";

	static final List<String> NAMES = List.of(POINTS, NOISE, TEST_FRACTION, SEED, FEATURES);

	static final int MIN_POINTS = 2;

	static final int MAX_POINTS = 4096;

	static final double MAX_NOISE = 0.5;

	static final double MAX_TEST_FRACTION = 0.9;

	/**
	 * The largest seed: 2⁵³ − 1, the largest whole number every JSON client (JavaScript's
	 * included) reads exactly, so that an echoed seed can be sent back unchanged.
	 */
	static final long MAX_SEED = (1L << 53) - 1;

	static DatasetQuery read(Map<String, String[]> parameters, String points, String noise, String testFraction,
			String seed, String features) {
		QueryParameters.refuseUnknown(parameters, NAMES);
		int count = (int) QueryParameters.wholeNumber(POINTS, points, 200, MIN_POINTS, MAX_POINTS);
		double nu = QueryParameters.number(NOISE, noise, 0.1, 0, MAX_NOISE);
		double fraction = QueryParameters.number(TEST_FRACTION, testFraction, 0.5, 0, MAX_TEST_FRACTION);
		if (DataSet.testPoints(count, fraction) >= count) {
			throw QueryParameters.invalid(TEST_FRACTION,
					"leaves no training point: round(" + count + " × " + fraction + ") = "
							+ DataSet.testPoints(count, fraction) + " of the " + count
							+ " points would be test points");
		}
		long seedValue = QueryParameters.wholeNumber(SEED, seed, 1, 0, MAX_SEED);
		return new DatasetQuery(new DataSet.Spec(count, nu, fraction, seedValue), features(features));
	}

	private static List<Feature> features(String given) {
		if (given == null) {
			return List.of(Feature.X1, Feature.X2);
		}
		List<String> names = Arrays.stream(Feature.values()).map(Feature::wireName).toList();
		List<Feature> features = new ArrayList<>();
		for (String name : QueryParameters.list(FEATURES, given)) {
			Feature feature = Feature.named(name);
			if (feature == null) {
				ErrorResponseException unknown = QueryParameters.invalid(FEATURES, "has the unknown feature '" + name
						+ "'" + Suggestions.hint(name, names) + "; allowed: " + String.join(", ", names));
				unknown.getBody().setProperty("allowed", names);
				throw unknown;
			}
			if (features.contains(feature)) {
				throw QueryParameters.invalid(FEATURES,
						"names '" + feature.wireName() + "' twice: each column at most once");
			}
			features.add(feature);
		}
		return List.copyOf(features);
	}

}
